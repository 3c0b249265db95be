import { describe, expect, it } from 'vitest';
import { countChanges, type BookingState } from '../../../src/lib/domain/insights/counting.ts';

const base: BookingState = {
	sessionId: 's1',
	status: 'confirmed',
	places: 2,
	assisted: false,
	attendance: null,
	cancelledBy: null,
};
const state = (changes: Partial<BookingState>): BookingState => ({ ...base, ...changes });
const summary = (before: BookingState | null, after: BookingState) =>
	Object.fromEntries(countChanges(before, after).map((c) => [`${c.sessionId} ${c.counter}`, c.by]));

describe('counting rules', () => {
	it.each<[string, BookingState | null, BookingState, Record<string, number>]>([
		['a booking', null, base, { 's1 booked': 2 }],
		[
			'a booking by a volunteer',
			null,
			state({ assisted: true }),
			{ 's1 booked': 2, 's1 assisted': 2 },
		],
		['joining the waiting list', null, state({ status: 'waiting' }), { 's1 waitingJoined': 2 }],
		['an offer made', state({ status: 'waiting' }), state({ status: 'offered' }), {}],
		[
			'a promotion from the waiting list',
			state({ status: 'waiting', assisted: true }),
			state({ assisted: true }),
			{ 's1 booked': 2, 's1 assisted': 2, 's1 waitingPromoted': 2 },
		],
		[
			'an accepted offer',
			state({ status: 'offered' }),
			base,
			{ 's1 booked': 2, 's1 waitingPromoted': 2 },
		],
		[
			'a cancellation by the person',
			base,
			state({ status: 'cancelled', cancelledBy: 'person' }),
			{ 's1 cancelledByPerson': 2 },
		],
		[
			'a cancellation by the hub',
			base,
			state({ status: 'cancelled', cancelledBy: 'hub' }),
			{ 's1 cancelledByHub': 2 },
		],
		[
			'leaving the waiting list',
			state({ status: 'waiting' }),
			state({ status: 'cancelled', cancelledBy: 'person' }),
			{ 's1 waitingLeft': 2 },
		],
		[
			'an offer running out',
			state({ status: 'offered' }),
			state({ status: 'expired' }),
			{ 's1 waitingLeft': 2 },
		],
		['a check-in', base, state({ attendance: 'attended' }), { 's1 attended': 2 }],
		[
			'a check-in changed to a no-show',
			state({ attendance: 'attended' }),
			state({ attendance: 'no-show' }),
			{ 's1 attended': -2, 's1 noShow': 2 },
		],
		['a check-in cleared', state({ attendance: 'no-show' }), base, { 's1 noShow': -2 }],
		[
			'a checked-in booking cancelled',
			state({ attendance: 'attended' }),
			state({ attendance: 'attended', status: 'cancelled', cancelledBy: 'hub' }),
			{ 's1 attended': -2, 's1 cancelledByHub': 2 },
		],
		[
			'a move to another date',
			state({ assisted: true, attendance: 'attended' }),
			state({ sessionId: 's2', assisted: true }),
			{ 's1 attended': -2, 's1 booked': -2, 's1 assisted': -2, 's2 booked': 2, 's2 assisted': 2 },
		],
		['a new manage link (nothing counted)', base, base, {}],
	])('%s', (_, before, after, expected) => {
		expect(summary(before, after)).toEqual(expected);
	});
});
