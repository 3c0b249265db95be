/**
 * What a session's availability is, in words for a list or a session page.
 */
import { formatLongDate, formatTime, londonDate, londonTime } from '../time.ts';
import { bookingWindow, checkBooking, placesLeft, type BookableSession } from './rules.ts';

/** A session's availability now. */
export type Availability =
	| { kind: 'walk-in' }
	| { kind: 'cancelled'; reason: string | null }
	| { kind: 'past' }
	| { kind: 'not-open-yet'; opensAt: Date }
	| { kind: 'closed' }
	| { kind: 'full'; waitingList: boolean }
	| { kind: 'open'; placesLeft: number };

/** Works out a session's availability at `now`. */
export function availability(
	session: BookableSession & { cancelReason?: string | null },
	now: Date,
): Availability {
	if (session.status === 'cancelled')
		return { kind: 'cancelled', reason: session.cancelReason ?? null };
	if (session.bookingMode === 'walk-in') return { kind: 'walk-in' };
	const check = checkBooking(session, now, 1);
	if (check.ok) return { kind: 'open', placesLeft: placesLeft(session) };
	switch (check.reason) {
		case 'past':
			return { kind: 'past' };
		case 'not-open-yet':
			return { kind: 'not-open-yet', opensAt: bookingWindow(session).opensAt! };
		case 'full':
			return { kind: 'full', waitingList: true };
		default:
			return { kind: 'closed' };
	}
}

/** A short label for lists: "3 places left", "Full: waiting list open", "Walk in", … */
export function availabilityLabel(a: Availability): string {
	switch (a.kind) {
		case 'walk-in':
			return 'No need to book: just turn up';
		case 'cancelled':
			return 'Cancelled';
		case 'past':
			return 'Finished';
		case 'not-open-yet':
			return `Booking opens ${formatTime(londonTime(a.opensAt))} on ${formatLongDate(londonDate(a.opensAt))}`;
		case 'closed':
			return 'Booking closed';
		case 'full':
			return 'Full: you can join the waiting list';
		case 'open':
			return a.placesLeft === 1 ? '1 place left' : `${a.placesLeft} places left`;
	}
}

/** Sessions grouped by date, in order. */
export function groupByDate<T extends { date: string }>(
	sessions: readonly T[],
): { date: string; sessions: T[] }[] {
	const groups: { date: string; sessions: T[] }[] = [];
	for (const s of sessions) {
		const last = groups[groups.length - 1];
		if (last && last.date === s.date) last.sessions.push(s);
		else groups.push({ date: s.date, sessions: [s] });
	}
	return groups;
}
