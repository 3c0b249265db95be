/**
 * The counting rules behind insights, in one place. Policy (issue 7): figures come from anonymous
 * per-session counters kept up to date as things happen, never from counting booking rows, so
 * deleting personal data can never change them. Every change to a booking is described as its
 * state before and after; these rules turn that into changes to the counters:
 * - a booking confirmed (booked, or promoted or accepted from the waiting list) counts as booked,
 *   and as assisted when a volunteer made it; from the waiting list it also counts as "got a place";
 * - joining the waiting list counts its places as joined; leaving it (cancelled, removed, offer run
 *   out) counts them as left, so joined - got a place - left is what is still waiting;
 * - cancelling a confirmed booking counts as cancelled by the person or by the hub;
 * - attendance (attended, no-show) counts while the booking is confirmed, so changing or clearing
 *   a check-in moves the count;
 * - a booking moved to another date counts on the date it moved to, as if booked there.
 * Deleting a booking row is not a change to count. Everything is counted in places (people), so a
 * booking for two counts two.
 */

/** A booking's status. */
export type BookingStatus = 'confirmed' | 'waiting' | 'offered' | 'cancelled' | 'expired';

/** What the counters need to know about a booking at one moment (no personal data). */
export interface BookingState {
	sessionId: string;
	status: BookingStatus;
	places: number;
	assisted: boolean;
	attendance: 'attended' | 'no-show' | null;
	cancelledBy: 'person' | 'hub' | null;
}

/** The counters kept for each session (walk-ins are set directly, not counted from bookings). */
export const BOOKING_COUNTERS = [
	'booked',
	'assisted',
	'cancelledByPerson',
	'cancelledByHub',
	'attended',
	'noShow',
	'waitingJoined',
	'waitingPromoted',
	'waitingLeft',
] as const;

/** One of the counters kept for each session. */
export type BookingCounter = (typeof BOOKING_COUNTERS)[number];

/** A change to one counter of one session. */
export interface CountChange {
	sessionId: string;
	counter: BookingCounter;
	by: number;
}

const isWanting = (s: BookingStatus) => s === 'waiting' || s === 'offered';

function attendanceCount(state: BookingState | null): CountChange | null {
	if (!state || state.status !== 'confirmed' || state.attendance === null) return null;
	return {
		sessionId: state.sessionId,
		counter: state.attendance === 'attended' ? 'attended' : 'noShow',
		by: state.places,
	};
}

function bookedCounts(state: BookingState, sign: 1 | -1): CountChange[] {
	const changes: CountChange[] = [
		{ sessionId: state.sessionId, counter: 'booked', by: sign * state.places },
	];
	if (state.assisted)
		changes.push({ sessionId: state.sessionId, counter: 'assisted', by: sign * state.places });
	return changes;
}

/**
 * The counter changes that one change to a booking means: `before` is null for a new booking.
 * Changes that net to nothing are left out.
 */
export function countChanges(before: BookingState | null, after: BookingState): CountChange[] {
	const changes: CountChange[] = [];
	const add = (c: CountChange | null, sign: 1 | -1) => {
		if (c) changes.push({ ...c, by: sign * c.by });
	};
	add(attendanceCount(before), -1);
	add(attendanceCount(after), 1);
	const session = after.sessionId;
	const places = after.places;
	if (before === null) {
		if (after.status === 'confirmed') changes.push(...bookedCounts(after, 1));
		else if (isWanting(after.status))
			changes.push({ sessionId: session, counter: 'waitingJoined', by: places });
	} else if (before.sessionId !== after.sessionId) {
		// Moved to another date: it counts there, as if booked there.
		if (before.status === 'confirmed') changes.push(...bookedCounts(before, -1));
		if (after.status === 'confirmed') changes.push(...bookedCounts(after, 1));
	} else if (isWanting(before.status) && after.status === 'confirmed') {
		changes.push(...bookedCounts(after, 1));
		changes.push({ sessionId: session, counter: 'waitingPromoted', by: places });
	} else if (before.status === 'confirmed' && after.status === 'cancelled') {
		changes.push({
			sessionId: session,
			counter: after.cancelledBy === 'hub' ? 'cancelledByHub' : 'cancelledByPerson',
			by: places,
		});
	} else if (
		isWanting(before.status) &&
		(after.status === 'cancelled' || after.status === 'expired')
	) {
		changes.push({ sessionId: session, counter: 'waitingLeft', by: places });
	}
	return net(changes);
}

function net(changes: CountChange[]): CountChange[] {
	const totals = new Map<string, CountChange>();
	for (const c of changes) {
		const key = `${c.sessionId} ${c.counter}`;
		const seen = totals.get(key);
		totals.set(key, seen ? { ...seen, by: seen.by + c.by } : { ...c });
	}
	return [...totals.values()].filter((c) => c.by !== 0);
}
