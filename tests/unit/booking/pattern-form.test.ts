import { describe, expect, it } from 'vitest';
import { parsePatternForm, patternToInput } from '../../../src/lib/domain/forms/pattern-form.ts';

const form = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
};
const base = {
	serviceId: 's1',
	repeat: 'weekly',
	weekday: '2',
	week: '',
	startsOn: '2026-12-01',
	endsOn: '',
	startTime: '10:00',
	endTime: '12:00',
	capacity: '8',
	bookingMode: 'booking',
	bookingOpensDays: '14',
	bookingClosesHours: '2',
	maxPlaces: '2',
	waitingList: 'offer',
};

describe('parsePatternForm', () => {
	it.each([
		[{ repeat: 'weekly', weekday: '2' }, 'FREQ=WEEKLY;BYDAY=TU'],
		[{ repeat: 'fortnightly', weekday: '5' }, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR'],
		[{ repeat: 'monthly', weekday: '2', week: '2' }, 'FREQ=MONTHLY;BYDAY=2TU'],
		[{ repeat: 'monthly', weekday: '5', week: '-1' }, 'FREQ=MONTHLY;BYDAY=-1FR'],
		[{ repeat: 'once', weekday: '' }, null],
	])('turns %j into the rule %s', (fields, rrule) => {
		const r = parsePatternForm(form({ ...base, ...fields }), ['s1'], '2026-11-23');
		expect(r.ok && r.values.rrule).toBe(rrule);
	});

	it('keeps the booking rules and waiting-list setting', () => {
		const r = parsePatternForm(form(base), ['s1'], '2026-11-23');
		expect(r.ok && r.values).toMatchObject({
			capacity: 8,
			bookingOpensDays: 14,
			bookingClosesHours: 2,
			maxPlacesPerBooking: 2,
			waitingList: 'offer',
			endsOn: null,
		});
	});

	it('says how to fix each problem', () => {
		const r = parsePatternForm(
			form({
				...base,
				serviceId: 'other',
				weekday: '',
				startTime: '25:00',
				endTime: '09:00',
				capacity: '0',
				bookingOpensDays: 'soon',
				maxPlaces: '99',
			}),
			['s1'],
			'2026-11-23',
		);
		expect(!r.ok && r.errors.map((e) => e.field)).toEqual([
			'serviceId',
			'weekday',
			'startTime',
			'capacity',
			'bookingOpensDays',
			'maxPlaces',
		]);
	});

	it('refuses an end before the start, and a one-off session in the past', () => {
		const r = parsePatternForm(
			form({ ...base, endTime: '09:30', endsOn: '2026-11-01' }),
			['s1'],
			'2026-11-23',
		);
		expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['endsOn', 'endTime']);
		const past = parsePatternForm(
			form({ ...base, repeat: 'once', startsOn: '2026-11-22' }),
			['s1'],
			'2026-11-23',
		);
		expect(!past.ok && past.errors[0]!.message).toBe('The date must be today or later');
	});

	it('round-trips a stored pattern through the form', () => {
		const r = parsePatternForm(
			form({ ...base, repeat: 'monthly', week: '-1', weekday: '5' }),
			['s1'],
			'2026-11-23',
		);
		if (!r.ok) throw new Error('invalid');
		const again = parsePatternForm(form(patternToInput(r.values)), ['s1'], '2026-11-23');
		expect(again.ok && again.values).toEqual(r.values);
	});
});
