/**
 * Booking rules. A place can be booked only on a scheduled session that needs booking, has not
 * started, is inside its booking window (opens N days before, closes M hours before the start,
 * where the pattern sets them) and has enough places left for the whole party; a party is at most
 * the session's limit per booking. A waiting list is open when the session is full but otherwise
 * bookable. Source: the sessions and booking brief.
 */
import { sessionInstant } from '../schedule/recurrence.ts';

/** What the rules need to know about a session. */
export interface BookableSession {
	date: string;
	startTime: string;
	status: 'scheduled' | 'cancelled';
	capacity: number;
	placesTaken: number;
	bookingMode: 'booking' | 'walk-in';
	bookingOpensDays: number | null;
	bookingClosesHours: number | null;
	maxPlacesPerBooking: number;
}

/** Why a booking cannot be made. */
export type RefusalReason =
	| 'cancelled'
	| 'walk-in'
	| 'past'
	| 'not-open-yet'
	| 'closed'
	| 'too-many-places'
	| 'full'
	| 'places-available';

/** The outcome of checking a booking or waiting-list request. */
export type BookingCheck = { ok: true } | { ok: false; reason: RefusalReason };

/** When booking opens and closes for a session. */
export function bookingWindow(session: BookableSession): {
	opensAt: Date | null;
	closesAt: Date;
	startsAt: Date;
} {
	const startsAt = sessionInstant(session.date, session.startTime);
	const opensAt =
		session.bookingOpensDays === null
			? null
			: new Date(startsAt.getTime() - session.bookingOpensDays * 86_400_000);
	const closesAt = new Date(startsAt.getTime() - (session.bookingClosesHours ?? 0) * 3_600_000);
	return { opensAt, closesAt, startsAt };
}

/** Places not taken by bookings or held for waiting-list offers. */
export function placesLeft(session: Pick<BookableSession, 'capacity' | 'placesTaken'>): number {
	return Math.max(0, session.capacity - session.placesTaken);
}

function checkOpen(session: BookableSession, now: Date, places: number): BookingCheck {
	if (session.status === 'cancelled') return { ok: false, reason: 'cancelled' };
	if (session.bookingMode === 'walk-in') return { ok: false, reason: 'walk-in' };
	const { opensAt, closesAt, startsAt } = bookingWindow(session);
	if (now >= startsAt) return { ok: false, reason: 'past' };
	if (opensAt && now < opensAt) return { ok: false, reason: 'not-open-yet' };
	if (now >= closesAt) return { ok: false, reason: 'closed' };
	if (!Number.isInteger(places) || places < 1 || places > session.maxPlacesPerBooking)
		return { ok: false, reason: 'too-many-places' };
	return { ok: true };
}

/** Whether `places` places can be booked now. */
export function checkBooking(session: BookableSession, now: Date, places: number): BookingCheck {
	const open = checkOpen(session, now, places);
	if (!open.ok) return open;
	if (placesLeft(session) < places) return { ok: false, reason: 'full' };
	return { ok: true };
}

/** Whether someone can join the waiting list now: the session is bookable but too full for them. */
export function checkWaitingList(
	session: BookableSession,
	now: Date,
	places: number,
): BookingCheck {
	const open = checkOpen(session, now, places);
	if (!open.ok) return open;
	if (placesLeft(session) >= places) return { ok: false, reason: 'places-available' };
	return { ok: true };
}

/** A refusal in plain English, saying what the person can do instead. */
export function refusalMessage(reason: RefusalReason, maxPlaces = 1): string {
	switch (reason) {
		case 'cancelled':
			return 'This session has been cancelled, so it cannot be booked.';
		case 'walk-in':
			return 'You do not need to book this session: just turn up.';
		case 'past':
			return 'This session has already started or finished, so it cannot be booked.';
		case 'not-open-yet':
			return 'Booking for this session has not opened yet.';
		case 'closed':
			return 'Booking for this session has closed. You can still phone the hub.';
		case 'too-many-places':
			return `You can book from 1 to ${maxPlaces} ${maxPlaces === 1 ? 'place' : 'places'} for this session.`;
		case 'full':
			return 'There are not enough places left for your booking. You can join the waiting list instead.';
		case 'places-available':
			return 'There are places left on this session, so you can book now instead of joining the waiting list.';
	}
}

/**
 * When a waiting-list offer runs out: OFFER_HOURS after it is made, or when booking closes,
 * whichever is sooner.
 */
export function offerExpiry(now: Date, session: BookableSession, offerHours: number): Date {
	const { closesAt } = bookingWindow(session);
	const byHours = new Date(now.getTime() + offerHours * 3_600_000);
	return byHours < closesAt ? byHours : closesAt;
}
