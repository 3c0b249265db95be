/**
 * Booking, waiting lists, cancelling and offers: domain rules plus SQL in one transaction each.
 * Capacity policy: every change that takes places runs in a transaction that begins IMMEDIATE (so
 * no other writer interleaves), re-checks the rules on fresh data, and takes the places with an
 * update that only succeeds while enough places are left (checked by its change count): the
 * session can never be over capacity, however many people book the last place at once. Messages
 * are queued in the outbox inside the same transaction, and reminders scheduled or dropped there.
 */
import { randomUUID } from 'node:crypto';
import {
	checkBooking,
	checkWaitingList,
	offerExpiry,
	type BookableSession,
	type RefusalReason,
} from '../../domain/booking/rules.ts';
import { entriesToPromote } from '../../domain/booking/waiting-list.ts';
import {
	cancelledMessage,
	confirmationMessage,
	manageLinkMessage,
	offerExpiredMessage,
	offerMessage,
	promotedMessage,
	waitingListMessage,
	type MessageContext,
	type MessageText,
} from '../../domain/booking/messages.ts';
import { DEFAULT_REMINDER_HOURS } from '../../domain/booking/reminders.ts';
import type { BookingValues } from '../../domain/forms/booking-form.ts';
import { normalisePhone } from '../../domain/forms/booking-form.ts';
import { formatLongDate, formatTime, londonDate, londonTime } from '../../domain/time.ts';
import type { Db } from '../db/open-database.ts';
import { hashToken, isManageTokenShape, newManageToken, newReference } from '../booking/tokens.ts';
import { releasePlaces, takePlaces } from '../queries/capacity.ts';
import { changeBooking } from '../queries/session-counts.ts';
import { dropReminders, scheduleReminder, tell, type CalendarSession } from './booking-messages.ts';

/** A request to book a place or join the waiting list. */
export interface BookRequest {
	sessionId: string;
	formToken: string;
	values: BookingValues;
	assisted?: boolean;
	/** The site's public origin, for links in messages. */
	origin: string;
	/** Hours before the session a reminder goes, unless the hub sets its own (REMINDER_HOURS). */
	reminderHours?: number;
}

/** The outcome of a booking request. */
export type BookResult =
	| {
			ok: true;
			token: string;
			reference: string;
			status: 'confirmed' | 'waiting';
			repeated: boolean;
	  }
	| { ok: false; reason: RefusalReason | 'not-found' };

interface SessionState extends BookableSession, CalendarSession {
	id: string;
	waitingList: 'automatic' | 'offer';
	hubPhone: string | null;
}

function loadSession(db: Db, id: string): SessionState | null {
	return (
		(db.$client
			.prepare(
				`select s.id, s.date, s.start_time as startTime, s.end_time as endTime, s.status, s.capacity, s.places_taken as placesTaken,
				   p.booking_mode as bookingMode, p.booking_opens_days as bookingOpensDays, p.booking_closes_hours as bookingClosesHours,
				   p.max_places_per_booking as maxPlacesPerBooking, p.waiting_list as waitingList,
				   sv.name as serviceName, h.name as hubName, h.phone as hubPhone, s.sequence,
				   h.address_line1 || ', ' || h.postcode as hubAddress
				 from session s join session_pattern p on p.id = s.pattern_id join service sv on sv.id = p.service_id
				 join hub h on h.id = p.hub_id where s.id = ?`,
			)
			.get(id) as SessionState | undefined) ?? null
	);
}

interface BookingRow {
	id: string;
	sessionId: string;
	reference: string;
	status: 'confirmed' | 'waiting' | 'offered' | 'cancelled' | 'expired';
	places: number;
	name: string;
	email: string | null;
	phone: string | null;
	createdAt: string;
}

const BOOKING_COLUMNS =
	'id, session_id as sessionId, reference, status, places, name, email, phone, created_at as createdAt';

function context(
	session: SessionState,
	booking: Pick<BookingRow, 'reference' | 'name' | 'places'>,
	manageUrl: string,
): MessageContext {
	return {
		reference: booking.reference,
		name: booking.name,
		places: booking.places,
		serviceName: session.serviceName,
		hubName: session.hubName,
		hubPhone: session.hubPhone,
		date: session.date,
		startTime: session.startTime,
		endTime: session.endTime,
		manageUrl,
	};
}

function send(
	db: Db,
	kind: string,
	booking: Pick<BookingRow, 'id' | 'email' | 'phone'>,
	text: MessageText,
	now: Date,
	calendar?: { session: SessionState; reference: string; manageUrl: string; origin: string },
): void {
	tell(db, kind, booking, text, now, calendar ? { calendar } : {});
}

/** A link to the manage page. */
export function manageUrl(origin: string, token: string): string {
	return `${origin}/bookings/${token}`;
}

/** Books places, or joins the waiting list (`mode` 'wait'), for one submitted form. */
export function bookPlace(
	db: Db,
	request: BookRequest,
	now: Date,
	mode: 'book' | 'wait' = 'book',
): BookResult {
	return db.$client
		.transaction((): BookResult => {
			const token = newManageToken();
			const repeat = db.$client
				.prepare(`select ${BOOKING_COLUMNS} from booking where session_id = ? and form_token = ?`)
				.get(request.sessionId, request.formToken) as BookingRow | undefined;
			if (repeat) {
				// The same form sent twice: one booking. The browser shows the latest answer, so it gets the link.
				db.$client
					.prepare('update booking set manage_token_hash = ?, updated_at = ? where id = ?')
					.run(hashToken(token), now.toISOString(), repeat.id);
				scheduleReminder(db, repeat.id, manageUrl(request.origin, token), now, 'keep');
				return {
					ok: true,
					token,
					reference: repeat.reference,
					status: repeat.status === 'waiting' ? 'waiting' : 'confirmed',
					repeated: true,
				};
			}
			const session = loadSession(db, request.sessionId);
			if (!session) return { ok: false, reason: 'not-found' };
			const places = request.values.places;
			const check =
				mode === 'book'
					? checkBooking(session, now, places)
					: checkWaitingList(session, now, places);
			if (!check.ok) return check;
			if (mode === 'book') {
				if (!takePlaces(db, session.id, places)) return { ok: false, reason: 'full' };
			}
			const id = randomUUID();
			const stamp = now.toISOString();
			const status = mode === 'book' ? 'confirmed' : 'waiting';
			const v = request.values;
			let reference = '';
			changeBooking(db, id, () => {
				for (let attempt = 0; ; attempt++) {
					reference = newReference();
					try {
						db.$client
							.prepare(
								`insert into booking (id, session_id, reference, manage_token_hash, form_token, status, places, name, attendee_name,
						   email, phone, needs, wants_reminder, assisted, created_at, updated_at)
						 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
							)
							.run(
								id,
								session.id,
								reference,
								hashToken(token),
								request.formToken,
								status,
								places,
								v.name,
								v.attendeeName,
								v.email,
								v.phone,
								v.needs,
								v.wantsReminder ? 1 : 0,
								request.assisted ? 1 : 0,
								stamp,
								stamp,
							);
						break;
					} catch (error) {
						if (
							attempt < 5 &&
							error instanceof Error &&
							/UNIQUE constraint failed: booking.reference/.test(error.message)
						)
							continue;
						throw error;
					}
				}
			});
			const row = { id, reference, name: v.name, places, email: v.email, phone: v.phone };
			const url = manageUrl(request.origin, token);
			const ctx = context(session, row, url);
			if (mode === 'book') {
				send(db, 'booking-confirmed', row, confirmationMessage(ctx), now, {
					session,
					reference,
					manageUrl: url,
					origin: request.origin,
				});
				scheduleReminder(db, id, url, now, {
					defaultHours: request.reminderHours ?? DEFAULT_REMINDER_HOURS,
				});
			} else send(db, 'waiting-list-joined', row, waitingListMessage(ctx), now);
			return { ok: true, token, reference, status, repeated: false };
		})
		.immediate();
}

function formatDeadline(instant: Date): string {
	return `${formatTime(londonTime(instant))} on ${formatLongDate(londonDate(instant))}`;
}

/**
 * Gives freed places to the waiting list, in order, whole parties only: moved in, or offered with
 * a hold, as the session's pattern says. Runs inside the caller's transaction.
 */
export function promoteWaitingList(
	db: Db,
	sessionId: string,
	now: Date,
	offerHours: number,
	origin: string,
	reminderHours = DEFAULT_REMINDER_HOURS,
): void {
	const session = loadSession(db, sessionId);
	if (!session) return;
	const open = checkBooking(session, now, 1);
	if (!open.ok && open.reason !== 'full') return;
	const waiting = db.$client
		.prepare(
			`select ${BOOKING_COLUMNS} from booking where session_id = ? and status = 'waiting' order by created_at, rowid`,
		)
		.all(sessionId) as BookingRow[];
	const chosen = new Set(
		entriesToPromote(waiting, session.capacity - session.placesTaken).map((e) => e.id),
	);
	for (const entry of waiting.filter((w) => chosen.has(w.id))) {
		if (!takePlaces(db, sessionId, entry.places)) break;
		// A promoted person gets a fresh manage link in the message; the old one stops working.
		const token = newManageToken();
		const url = manageUrl(origin, token);
		const ctx = context(session, entry, url);
		if (session.waitingList === 'automatic') {
			changeBooking(db, entry.id, () =>
				db.$client
					.prepare(
						"update booking set status = 'confirmed', manage_token_hash = ?, updated_at = ? where id = ?",
					)
					.run(hashToken(token), now.toISOString(), entry.id),
			);
			send(db, 'waiting-list-promoted', entry, promotedMessage(ctx), now, {
				session,
				reference: entry.reference,
				manageUrl: url,
				origin,
			});
			scheduleReminder(db, entry.id, url, now, { defaultHours: reminderHours });
		} else {
			const expires = offerExpiry(now, session, offerHours);
			changeBooking(db, entry.id, () =>
				db.$client
					.prepare(
						"update booking set status = 'offered', offer_expires_at = ?, manage_token_hash = ?, updated_at = ? where id = ?",
					)
					.run(expires.toISOString(), hashToken(token), now.toISOString(), entry.id),
			);
			send(db, 'waiting-list-offer', entry, offerMessage(ctx, formatDeadline(expires)), now);
		}
	}
}

/** The outcome of an action on one's own booking. */
export type ManageResult = { ok: true } | { ok: false; reason: 'not-found' | 'not-possible' };

function bookingByToken(db: Db, token: string): BookingRow | null {
	if (!isManageTokenShape(token)) return null;
	return (
		(db.$client
			.prepare(`select ${BOOKING_COLUMNS} from booking where manage_token_hash = ?`)
			.get(hashToken(token)) as BookingRow | undefined) ?? null
	);
}

/** Cancels a booking or waiting-list entry; freed places go straight to the waiting list. */
export function cancelBooking(
	db: Db,
	token: string,
	now: Date,
	offerHours: number,
	origin: string,
	reminderHours = DEFAULT_REMINDER_HOURS,
): ManageResult {
	return db.$client
		.transaction((): ManageResult => {
			const booking = bookingByToken(db, token);
			if (!booking) return { ok: false, reason: 'not-found' };
			if (booking.status === 'cancelled' || booking.status === 'expired')
				return { ok: false, reason: 'not-possible' };
			const session = loadSession(db, booking.sessionId)!;
			changeBooking(db, booking.id, () =>
				db.$client
					.prepare(
						"update booking set status = 'cancelled', cancelled_by = 'person', updated_at = ? where id = ?",
					)
					.run(now.toISOString(), booking.id),
			);
			if (booking.status === 'confirmed' || booking.status === 'offered') {
				releasePlaces(db, booking.sessionId, booking.places);
			}
			dropReminders(db, booking.id);
			send(
				db,
				'booking-cancelled',
				booking,
				cancelledMessage(context(session, booking, manageUrl(origin, token))),
				now,
			);
			promoteWaitingList(db, booking.sessionId, now, offerHours, origin, reminderHours);
			return { ok: true };
		})
		.immediate();
}

/** Accepts a waiting-list offer that has not run out. */
export function acceptOffer(
	db: Db,
	token: string,
	now: Date,
	origin: string,
	reminderHours = DEFAULT_REMINDER_HOURS,
): ManageResult {
	return db.$client
		.transaction((): ManageResult => {
			const booking = bookingByToken(db, token);
			if (!booking) return { ok: false, reason: 'not-found' };
			const row = db.$client
				.prepare('select offer_expires_at as expires from booking where id = ?')
				.get(booking.id) as { expires: string | null };
			if (booking.status !== 'offered' || row.expires === null || row.expires <= now.toISOString())
				return { ok: false, reason: 'not-possible' };
			changeBooking(db, booking.id, () =>
				db.$client
					.prepare(
						"update booking set status = 'confirmed', offer_expires_at = null, updated_at = ? where id = ?",
					)
					.run(now.toISOString(), booking.id),
			);
			const session = loadSession(db, booking.sessionId)!;
			const url = manageUrl(origin, token);
			send(
				db,
				'booking-confirmed',
				booking,
				confirmationMessage(context(session, booking, url)),
				now,
				{
					session,
					reference: booking.reference,
					manageUrl: url,
					origin,
				},
			);
			scheduleReminder(db, booking.id, url, now, { defaultHours: reminderHours });
			return { ok: true };
		})
		.immediate();
}

/** Ends offers whose time has run out and passes their places on; returns how many ended. */
export function expireOffers(
	db: Db,
	now: Date,
	offerHours: number,
	origin: string,
	reminderHours = DEFAULT_REMINDER_HOURS,
): number {
	return db.$client
		.transaction((): number => {
			const expired = db.$client
				.prepare(
					`select ${BOOKING_COLUMNS} from booking where status = 'offered' and offer_expires_at <= ? order by offer_expires_at`,
				)
				.all(now.toISOString()) as BookingRow[];
			for (const booking of expired) {
				changeBooking(db, booking.id, () =>
					db.$client
						.prepare("update booking set status = 'expired', updated_at = ? where id = ?")
						.run(now.toISOString(), booking.id),
				);
				releasePlaces(db, booking.sessionId, booking.places);
				const session = loadSession(db, booking.sessionId)!;
				send(
					db,
					'waiting-list-offer-expired',
					booking,
					offerExpiredMessage(context(session, booking, '')),
					now,
				);
			}
			for (const sessionId of new Set(expired.map((b) => b.sessionId)))
				promoteWaitingList(db, sessionId, now, offerHours, origin, reminderHours);
			return expired.length;
		})
		.immediate();
}

/**
 * Finds a booking by its reference and the email or phone given with it; on a match issues a new
 * manage link (earlier links stop working) and returns its token.
 */
export function findBooking(
	db: Db,
	reference: string,
	contact: string,
	now: Date,
	origin: string,
): string | null {
	return db.$client
		.transaction((): string | null => {
			const phone = normalisePhone(contact);
			const booking = db.$client
				.prepare(
					`select ${BOOKING_COLUMNS} from booking where reference = ? and (lower(email) = lower(?) or phone = ?)`,
				)
				.get(reference, contact.trim(), phone ?? '') as BookingRow | undefined;
			if (!booking) return null;
			const token = newManageToken();
			db.$client
				.prepare('update booking set manage_token_hash = ?, updated_at = ? where id = ?')
				.run(hashToken(token), now.toISOString(), booking.id);
			const session = loadSession(db, booking.sessionId)!;
			send(
				db,
				'manage-link',
				booking,
				manageLinkMessage(context(session, booking, manageUrl(origin, token))),
				now,
			);
			scheduleReminder(db, booking.id, manageUrl(origin, token), now, 'keep');
			return token;
		})
		.immediate();
}
