import { describe, expect, it } from 'vitest';
import {
	bookingWindow,
	checkBooking,
	checkWaitingList,
	offerExpiry,
	placesLeft,
	refusalMessage,
	type BookableSession,
} from '../../../src/lib/domain/booking/rules.ts';
import { availability, availabilityLabel } from '../../../src/lib/domain/booking/availability.ts';

// Tuesday 1 December 2026, 10:00 to 12:00 in London (GMT, so 10:00Z).
const session: BookableSession = {
	date: '2026-12-01',
	startTime: '10:00',
	status: 'scheduled',
	capacity: 6,
	placesTaken: 4,
	bookingMode: 'booking',
	bookingOpensDays: 14,
	bookingClosesHours: 2,
	maxPlacesPerBooking: 2,
};
const at = (iso: string) => new Date(iso);

describe('checkBooking', () => {
	it.each([
		['inside the window with places left', session, '2026-11-25T12:00:00Z', 2, { ok: true }],
		[
			'before booking opens (14 days ahead)',
			session,
			'2026-11-17T09:59:00Z',
			1,
			{ ok: false, reason: 'not-open-yet' },
		],
		['at the moment booking opens', session, '2026-11-17T10:00:00Z', 1, { ok: true }],
		[
			'after booking closes (2 hours before)',
			session,
			'2026-12-01T08:00:00Z',
			1,
			{ ok: false, reason: 'closed' },
		],
		['after the start', session, '2026-12-01T10:00:00Z', 1, { ok: false, reason: 'past' }],
		[
			'for a walk-in session',
			{ ...session, bookingMode: 'walk-in' as const },
			'2026-11-25T12:00:00Z',
			1,
			{ ok: false, reason: 'walk-in' },
		],
		[
			'for a cancelled session',
			{ ...session, status: 'cancelled' as const },
			'2026-11-25T12:00:00Z',
			1,
			{ ok: false, reason: 'cancelled' },
		],
		[
			'for more places than one booking may take',
			session,
			'2026-11-25T12:00:00Z',
			3,
			{ ok: false, reason: 'too-many-places' },
		],
		['for no places', session, '2026-11-25T12:00:00Z', 0, { ok: false, reason: 'too-many-places' }],
		[
			'for more places than are left',
			{ ...session, placesTaken: 5 },
			'2026-11-25T12:00:00Z',
			2,
			{ ok: false, reason: 'full' },
		],
		[
			'with no window set, until the start',
			{ ...session, bookingOpensDays: null, bookingClosesHours: null },
			'2026-12-01T09:59:00Z',
			1,
			{ ok: true },
		],
	])('%s', (_, s, now, places, expected) => {
		expect(checkBooking(s, at(now), places)).toEqual(expected);
	});

	it('works the window out in London time in summer', () => {
		const summer = { ...session, date: '2026-07-07' };
		const w = bookingWindow(summer);
		expect(w.startsAt.toISOString()).toBe('2026-07-07T09:00:00.000Z');
		expect(w.closesAt.toISOString()).toBe('2026-07-07T07:00:00.000Z');
		expect(w.opensAt!.toISOString()).toBe('2026-06-23T09:00:00.000Z');
	});
});

describe('the waiting list', () => {
	it('opens only when there are not enough places for the party', () => {
		const full = { ...session, placesTaken: 6 };
		expect(checkWaitingList(full, at('2026-11-25T12:00:00Z'), 1)).toEqual({ ok: true });
		expect(checkWaitingList(session, at('2026-11-25T12:00:00Z'), 1)).toEqual({
			ok: false,
			reason: 'places-available',
		});
		expect(checkWaitingList({ ...session, placesTaken: 5 }, at('2026-11-25T12:00:00Z'), 2)).toEqual(
			{ ok: true },
		);
		expect(checkWaitingList(full, at('2026-12-01T09:00:00Z'), 1)).toEqual({
			ok: false,
			reason: 'closed',
		});
	});

	it('holds an offer for OFFER_HOURS, or until booking closes if that is sooner', () => {
		expect(offerExpiry(at('2026-11-25T12:00:00Z'), session, 24).toISOString()).toBe(
			'2026-11-26T12:00:00.000Z',
		);
		expect(offerExpiry(at('2026-11-30T20:00:00Z'), session, 24).toISOString()).toBe(
			'2026-12-01T08:00:00.000Z',
		);
	});
});

describe('places and availability', () => {
	it('never reports fewer than zero places', () => {
		expect(placesLeft({ capacity: 4, placesTaken: 6 })).toBe(0);
	});

	it.each([
		[session, '2026-11-25T12:00:00Z', '2 places left'],
		[{ ...session, placesTaken: 5 }, '2026-11-25T12:00:00Z', '1 place left'],
		[{ ...session, placesTaken: 6 }, '2026-11-25T12:00:00Z', 'Full: you can join the waiting list'],
		[
			{ ...session, bookingMode: 'walk-in' as const },
			'2026-11-25T12:00:00Z',
			'No need to book: just turn up',
		],
		[session, '2026-11-10T12:00:00Z', 'Booking opens 10am on Tuesday 17 November 2026'],
		[session, '2026-12-01T09:00:00Z', 'Booking closed'],
	])('labels %j at %s as "%s"', (s, now, label) => {
		expect(availabilityLabel(availability(s, at(now)))).toBe(label);
	});

	it('says how to put a refusal right', () => {
		expect(refusalMessage('too-many-places', 2)).toBe(
			'You can book from 1 to 2 places for this session.',
		);
		expect(refusalMessage('full')).toMatch(/waiting list/);
	});
});
