import { describe, expect, it } from 'vitest';
import { normalisePhone, parseBookingForm } from '../../../src/lib/domain/forms/booking-form.ts';

const form = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
};

describe('parseBookingForm', () => {
	it('accepts a name and an email, with one place by default', () => {
		const r = parseBookingForm(form({ name: ' Sam ', email: 'sam@example.org', places: '1' }), 2);
		expect(r.ok && r.values).toEqual({
			name: 'Sam',
			email: 'sam@example.org',
			phone: null,
			needs: '',
			places: 1,
			forSomeoneElse: false,
			attendeeName: null,
			wantsReminder: false,
		});
	});

	it('accepts a phone number only, and stores it in national format', () => {
		const r = parseBookingForm(
			form({ name: 'Sam', phone: '+44 141 496 0123', places: '1', wantsReminder: 'yes' }),
			2,
		);
		expect(r.ok && r.values.phone).toBe('0141 496 0123');
		expect(r.ok && r.values.wantsReminder).toBe(true);
	});

	it('says how to fix each problem, in the order of the form, and keeps what was typed', () => {
		const r = parseBookingForm(
			form({
				name: '',
				email: 'not-an-email',
				phone: '12',
				places: '5',
				forSomeoneElse: 'yes',
				needs: 'x'.repeat(501),
			}),
			2,
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.map((e) => e.field)).toEqual([
			'name',
			'email',
			'phone',
			'places',
			'attendeeName',
			'needs',
		]);
		expect(r.errors[0]!.message).toBe('Enter your name');
		expect(r.input.email).toBe('not-an-email');
	});

	it('needs an email or a phone number', () => {
		const r = parseBookingForm(form({ name: 'Sam', places: '1' }), 1);
		expect(!r.ok && r.errors).toEqual([
			{
				field: 'contact',
				message:
					'Enter an email address or a phone number, so the hub can contact you about your booking',
			},
		]);
	});

	it('takes the attendee name only when booking for someone else', () => {
		const r = parseBookingForm(
			form({
				name: 'Carer',
				email: 'c@example.org',
				places: '1',
				forSomeoneElse: 'yes',
				attendeeName: 'Pat',
			}),
			1,
		);
		expect(r.ok && r.values.attendeeName).toBe('Pat');
		const r2 = parseBookingForm(
			form({ name: 'Carer', email: 'c@example.org', places: '1', attendeeName: 'Pat' }),
			1,
		);
		expect(r2.ok && r2.values.attendeeName).toBeNull();
	});

	it.each(['0', '-1', '1.5', 'two', '', '1e1'])('refuses "%s" places', (places) => {
		const r = parseBookingForm(form({ name: 'Sam', email: 's@example.org', places }), 4);
		expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['places']);
	});

	it('copes with missing fields and huge values without throwing', () => {
		expect(parseBookingForm(new FormData(), 2).ok).toBe(false);
		expect(
			parseBookingForm(form({ name: 'x'.repeat(100_000), email: 'a@b.co', places: '1' }), 2).ok,
		).toBe(false);
	});
});

describe('normalisePhone', () => {
	it.each([
		['01414960123', '0141 496 0123'],
		['07700 900123', '07700 900123'],
		['+447700900123', '07700 900123'],
		['020 7946 0000', '020 7946 0000'],
		['12345', null],
		['0141 496', null],
	])('%s becomes %s', (input, expected) => {
		expect(normalisePhone(input)).toBe(expected);
	});
});
