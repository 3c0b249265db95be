/**
 * What volunteers (for their hubs) and staff do to session dates and bookings: cancel or move a
 * date (everyone booked or waiting is told through the outbox), change a date's capacity (never
 * below the places taken), close a hub for a date range, cancel a booking for someone, offer a
 * waiting-list place or remove someone from the list. Each is one IMMEDIATE transaction, in which
 * reminders are moved with their session or dropped with their booking.
 */
import {
	bookingMovedMessage,
	cancelledByHubMessage,
	describeWhen,
	offerMessage,
	sessionCancelledMessage,
	sessionMovedMessage,
	type MessageContext,
	type MessageText,
} from '../../domain/booking/messages.ts';
import { DEFAULT_REMINDER_HOURS } from '../../domain/booking/reminders.ts';
import { offerExpiry } from '../../domain/booking/rules.ts';
import {
	formatLongDate,
	formatTime,
	isCalendarDate,
	londonDate,
	londonTime,
} from '../../domain/time.ts';
import type { Db } from '../db/open-database.ts';
import { hashToken, newManageToken } from '../booking/tokens.ts';
import { bumpContentVersion } from '../queries/meta.ts';
import { releasePlaces, takePlaces } from '../queries/capacity.ts';
import { changeBooking } from '../queries/session-counts.ts';
import { manageUrl, promoteWaitingList } from './bookings.ts';
import { syncPattern } from './schedule-sessions.ts';
import {
	dropReminders,
	scheduleReminder,
	tell as queueFor,
	type CalendarSession,
} from './booking-messages.ts';
import { randomUUID } from 'node:crypto';

interface SessionRow extends CalendarSession {
	status: 'scheduled' | 'cancelled';
	capacity: number;
	placesTaken: number;
	hubPhone: string | null;
	bookingMode: 'booking' | 'walk-in';
	bookingOpensDays: number | null;
	bookingClosesHours: number | null;
	maxPlacesPerBooking: number;
}

function load(db: Db, id: string): SessionRow | null {
	return (
		(db.$client
			.prepare(
				`select s.id, s.date, s.start_time as startTime, s.end_time as endTime, s.status, s.capacity, s.places_taken as placesTaken,
				   sv.name as serviceName, h.name as hubName, h.phone as hubPhone, p.booking_mode as bookingMode,
				   p.booking_opens_days as bookingOpensDays, p.booking_closes_hours as bookingClosesHours, p.max_places_per_booking as maxPlacesPerBooking,
				   s.sequence, h.address_line1 || ', ' || h.postcode as hubAddress
				 from session s join session_pattern p on p.id = s.pattern_id join service sv on sv.id = p.service_id join hub h on h.id = p.hub_id
				 where s.id = ?`,
			)
			.get(id) as SessionRow | undefined) ?? null
	);
}

interface Person {
	id: string;
	reference: string;
	name: string;
	places: number;
	email: string | null;
	phone: string | null;
	status: string;
}

function people(db: Db, sessionId: string): Person[] {
	return db.$client
		.prepare(
			"select id, reference, name, places, email, phone, status from booking where session_id = ? and status in ('confirmed', 'offered', 'waiting')",
		)
		.all(sessionId) as Person[];
}

function tell(
	db: Db,
	kind: string,
	person: Person,
	text: MessageText,
	now: Date,
	calendar?: { session: CalendarSession; manageUrl: string; origin: string },
): void {
	queueFor(
		db,
		kind,
		person,
		text,
		now,
		calendar ? { calendar: { ...calendar, reference: person.reference } } : {},
	);
}

function ctx(s: SessionRow, p: Person, url: string): MessageContext {
	return {
		reference: p.reference,
		name: p.name,
		places: p.places,
		serviceName: s.serviceName,
		hubName: s.hubName,
		hubPhone: s.hubPhone,
		date: s.date,
		startTime: s.startTime,
		endTime: s.endTime,
		manageUrl: url,
	};
}

/** Cancels a session date, cancels every booking and waiting entry on it, and tells each person. */
function cancelAndTell(db: Db, s: SessionRow, reason: string, byHand: boolean, now: Date): void {
	const stamp = now.toISOString();
	db.$client
		.prepare(
			"update session set status = 'cancelled', cancel_reason = ?, is_exception = ?, sequence = sequence + 1, places_taken = 0, updated_at = ? where id = ?",
		)
		.run(reason, byHand ? 1 : 0, stamp, s.id);
	for (const p of people(db, s.id)) {
		changeBooking(db, p.id, () =>
			db.$client
				.prepare(
					"update booking set status = 'cancelled', cancelled_by = 'hub', updated_at = ? where id = ?",
				)
				.run(stamp, p.id),
		);
		dropReminders(db, p.id);
		tell(db, 'session-cancelled', p, sessionCancelledMessage(ctx(s, p, ''), reason), now);
	}
}

/** The outcome of a change. */
export type ChangeResult = { ok: true } | { ok: false; message: string };

/** Cancels a session date with a reason shown to citizens; every booking and waiting entry is cancelled and told. */
export function cancelSessionDate(
	db: Db,
	sessionId: string,
	reason: string,
	now: Date,
): ChangeResult {
	const why = reason.trim();
	if (why === '')
		return { ok: false, message: 'Enter the reason, so people know why the session is cancelled' };
	if (why.length > 300) return { ok: false, message: 'Reason must be 300 characters or fewer' };
	return db.$client
		.transaction((): ChangeResult => {
			const s = load(db, sessionId);
			if (!s) return { ok: false, message: 'That session no longer exists' };
			if (s.status === 'cancelled')
				return { ok: false, message: 'This session is already cancelled' };
			cancelAndTell(db, s, why, true, now);
			bumpContentVersion(db);
			return { ok: true };
		})
		.immediate();
}

/** Moves a session date to another date or time; bookings move with it and everyone is told. */
export function moveSessionDate(
	db: Db,
	sessionId: string,
	change: { date: string; startTime: string; endTime: string; reason: string },
	now: Date,
	origin: string,
): ChangeResult {
	const why = change.reason.trim();
	if (!isCalendarDate(change.date))
		return { ok: false, message: 'Enter a real date for the session' };
	if (
		!/^([01]\d|2[0-3]):[0-5]\d$/.test(change.startTime) ||
		!/^([01]\d|2[0-3]):[0-5]\d$/.test(change.endTime)
	)
		return { ok: false, message: 'Enter start and end times like 10:00 or 14:30' };
	if (change.endTime <= change.startTime)
		return { ok: false, message: 'The end time must be after the start time' };
	if (change.date < londonDate(now))
		return { ok: false, message: 'The new date must be today or later' };
	if (why === '')
		return { ok: false, message: 'Enter the reason, so people know why the session has moved' };
	return db.$client
		.transaction((): ChangeResult => {
			const s = load(db, sessionId);
			if (!s) return { ok: false, message: 'That session no longer exists' };
			const previous = describeWhen(s.date, s.startTime, s.endTime);
			db.$client
				.prepare(
					'update session set date = ?, start_time = ?, end_time = ?, is_exception = 1, sequence = sequence + 1, updated_at = ? where id = ?',
				)
				.run(change.date, change.startTime, change.endTime, now.toISOString(), sessionId);
			const moved = {
				...s,
				date: change.date,
				startTime: change.startTime,
				endTime: change.endTime,
				sequence: s.sequence + 1,
			};
			for (const p of people(db, sessionId)) {
				// A fresh link in the message: the old one stops working, as with every message that carries a link.
				const token = newManageToken();
				db.$client
					.prepare('update booking set manage_token_hash = ? where id = ?')
					.run(hashToken(token), p.id);
				const url = manageUrl(origin, token);
				tell(db, 'session-moved', p, sessionMovedMessage(ctx(moved, p, url), previous, why), now, {
					session: moved,
					manageUrl: url,
					origin,
				});
				scheduleReminder(db, p.id, url, now, 'keep');
			}
			bumpContentVersion(db);
			return { ok: true };
		})
		.immediate();
}

/** Changes one date's capacity (never below the places taken); extra places go to the waiting list. */
export function changeCapacity(
	db: Db,
	sessionId: string,
	capacity: number,
	now: Date,
	offerHours: number,
	origin: string,
	reminderHours = DEFAULT_REMINDER_HOURS,
): ChangeResult {
	if (!Number.isInteger(capacity) || capacity < 1 || capacity > 10_000)
		return { ok: false, message: 'Enter the number of places as a whole number from 1 to 10000' };
	return db.$client
		.transaction((): ChangeResult => {
			const s = load(db, sessionId);
			if (!s) return { ok: false, message: 'That session no longer exists' };
			const changed = db.$client
				.prepare(
					'update session set capacity = ?, is_exception = 1, updated_at = ? where id = ? and places_taken <= ?',
				)
				.run(capacity, now.toISOString(), sessionId, capacity);
			if (changed.changes !== 1) {
				return {
					ok: false,
					message: `${s.placesTaken} places are already booked or held, so the capacity cannot be less than ${s.placesTaken}`,
				};
			}
			promoteWaitingList(db, sessionId, now, offerHours, origin, reminderHours);
			return { ok: true };
		})
		.immediate();
}

/** Closes a hub (or, with a null hub, every hub) from one date to another, inclusive: every session then is cancelled and everyone booked is told. */
export function closeHub(
	db: Db,
	hubId: string | null,
	closure: { startsOn: string; endsOn: string; reason: string },
	today: string,
	now: Date,
): ChangeResult {
	const why = closure.reason.trim();
	const isDate = isCalendarDate;
	if (!isDate(closure.startsOn) || !isDate(closure.endsOn))
		return { ok: false, message: 'Enter real dates for the start and end of the closure' };
	if (closure.endsOn < closure.startsOn)
		return { ok: false, message: 'The last day must be the same as or after the first day' };
	if (closure.endsOn < today) return { ok: false, message: 'The closure must end today or later' };
	if (why === '' || why.length > 200)
		return { ok: false, message: 'Enter the reason for the closure, in 200 characters or fewer' };
	return db.$client
		.transaction((): ChangeResult => {
			db.$client
				.prepare(
					'insert into closure (id, hub_id, starts_on, ends_on, reason) values (?, ?, ?, ?, ?)',
				)
				.run(randomUUID(), hubId, closure.startsOn, closure.endsOn, why);
			// A null hub closes every hub (public holidays, entered once by staff).
			const patterns = (
				hubId === null
					? db.$client.prepare('select id from session_pattern').pluck().all()
					: db.$client.prepare('select id from session_pattern where hub_id = ?').pluck().all(hubId)
			) as string[];
			for (const patternId of patterns) {
				const booked = db.$client
					.prepare(
						"select id from session where pattern_id = ? and status = 'scheduled' and date between ? and ?",
					)
					.pluck()
					.all(patternId, closure.startsOn, closure.endsOn) as string[];
				// Not marked as changed by hand: if the closure is removed, regeneration restores the date.
				for (const sessionId of booked) cancelAndTell(db, load(db, sessionId)!, why, false, now);
				syncPattern(db, patternId, today, now);
			}
			bumpContentVersion(db);
			return { ok: true };
		})
		.immediate();
}

/** Cancels one person's booking or waiting entry on their behalf; a freed place goes to the waiting list. */
export function cancelBookingForPerson(
	db: Db,
	sessionId: string,
	bookingId: string,
	now: Date,
	offerHours: number,
	origin: string,
	reminderHours = DEFAULT_REMINDER_HOURS,
): ChangeResult {
	return db.$client
		.transaction((): ChangeResult => {
			const s = load(db, sessionId);
			const p = people(db, sessionId).find((x) => x.id === bookingId);
			if (!s || !p) return { ok: false, message: 'That booking is not on this register any more' };
			changeBooking(db, p.id, () =>
				db.$client
					.prepare(
						"update booking set status = 'cancelled', cancelled_by = 'hub', updated_at = ? where id = ?",
					)
					.run(now.toISOString(), p.id),
			);
			if (p.status !== 'waiting') releasePlaces(db, sessionId, p.places);
			dropReminders(db, p.id);
			tell(db, 'booking-cancelled-by-hub', p, cancelledByHubMessage(ctx(s, p, '')), now);
			promoteWaitingList(db, sessionId, now, offerHours, origin, reminderHours);
			return { ok: true };
		})
		.immediate();
}

/** Offers a free place to a particular person on the waiting list (the volunteer's choice), with a hold. */
export function offerPlaceTo(
	db: Db,
	sessionId: string,
	bookingId: string,
	now: Date,
	offerHours: number,
	origin: string,
): ChangeResult {
	return db.$client
		.transaction((): ChangeResult => {
			const s = load(db, sessionId);
			const p = people(db, sessionId).find((x) => x.id === bookingId && x.status === 'waiting');
			if (!s || !p)
				return { ok: false, message: 'That person is not on the waiting list any more' };
			if (!takePlaces(db, sessionId, p.places))
				return {
					ok: false,
					message: `There are not enough free places for ${p.places === 1 ? 'this person' : `${p.places} places`}. Raise the capacity first, or wait for a cancellation`,
				};
			const token = newManageToken();
			const expires = offerExpiry(now, { ...s, date: s.date }, offerHours);
			changeBooking(db, p.id, () =>
				db.$client
					.prepare(
						"update booking set status = 'offered', offer_expires_at = ?, manage_token_hash = ?, updated_at = ? where id = ?",
					)
					.run(expires.toISOString(), hashToken(token), now.toISOString(), p.id),
			);
			tell(
				db,
				'waiting-list-offer',
				p,
				offerMessage(
					ctx(s, p, manageUrl(origin, token)),
					`${formatTime(londonTime(expires))} on ${formatLongDate(londonDate(expires))}`,
				),
				now,
			);
			return { ok: true };
		})
		.immediate();
}

/** Other upcoming dates of the same pattern a booking could move to, with places left. */
export function moveTargets(
	db: Db,
	sessionId: string,
	today: string,
): { id: string; date: string; startTime: string; placesLeft: number }[] {
	return db.$client
		.prepare(
			`select o.id, o.date, o.start_time as startTime, o.capacity - o.places_taken as placesLeft from session s
			 join session o on o.pattern_id = s.pattern_id and o.id <> s.id
			 where s.id = ? and o.status = 'scheduled' and o.date >= ? order by o.date limit 8`,
		)
		.all(sessionId, today) as { id: string; date: string; startTime: string; placesLeft: number }[];
}

/** Moves one confirmed booking to another date of the same pattern, if it has room; the freed place goes to the waiting list. */
export function moveBooking(
	db: Db,
	fromSessionId: string,
	bookingId: string,
	toSessionId: string,
	now: Date,
	offerHours: number,
	origin: string,
	reminderHours = DEFAULT_REMINDER_HOURS,
): ChangeResult {
	return db.$client
		.transaction((): ChangeResult => {
			const from = load(db, fromSessionId);
			const to = load(db, toSessionId);
			const p = people(db, fromSessionId).find(
				(x) => x.id === bookingId && x.status === 'confirmed',
			);
			if (!from || !to || !p)
				return { ok: false, message: 'That booking or date is not available any more' };
			const samePattern =
				db.$client
					.prepare('select count(distinct pattern_id) from session where id in (?, ?)')
					.pluck()
					.get(fromSessionId, toSessionId) === 1;
			if (!samePattern || to.status !== 'scheduled')
				return { ok: false, message: 'Choose another date of the same session' };
			if (!takePlaces(db, toSessionId, p.places))
				return { ok: false, message: 'There are not enough places left on that date' };
			releasePlaces(db, fromSessionId, p.places);
			const token = newManageToken();
			changeBooking(db, p.id, () =>
				db.$client
					.prepare(
						'update booking set session_id = ?, manage_token_hash = ?, attendance = null, updated_at = ? where id = ?',
					)
					.run(toSessionId, hashToken(token), now.toISOString(), p.id),
			);
			const url = manageUrl(origin, token);
			tell(
				db,
				'booking-moved',
				p,
				bookingMovedMessage(ctx(to, p, url), describeWhen(from.date, from.startTime, from.endTime)),
				now,
				{ session: to, manageUrl: url, origin },
			);
			scheduleReminder(db, p.id, url, now, 'keep');
			promoteWaitingList(db, fromSessionId, now, offerHours, origin, reminderHours);
			return { ok: true };
		})
		.immediate();
}
