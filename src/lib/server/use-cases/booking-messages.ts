/**
 * Telling people about their bookings, inside the transaction of the change: a message goes by
 * email to those who gave an email address, otherwise by text message to their phone. Messages
 * that confirm a time carry the booking's .ics file. Reminders are outbox messages due before the
 * session: scheduled when a booking is confirmed (if the person asked for one), moved when the
 * session or booking moves, rewritten when the manage link changes, and dropped when the booking or
 * session is cancelled. Rules in lib/domain/booking/reminders.ts.
 */
import { buildCalendar } from '../../domain/calendar/ics.ts';
import {
	reminderMessage,
	type MessageContext,
	type MessageText,
} from '../../domain/booking/messages.ts';
import { parseReminderKey, reminderDueAt, reminderKey } from '../../domain/booking/reminders.ts';
import { sessionInstant } from '../../domain/schedule/recurrence.ts';
import type { Db } from '../db/open-database.ts';
import { queueMessage } from '../queries/outbox.ts';

/** A person a message goes to. */
export interface Recipient {
	id: string;
	email: string | null;
	phone: string | null;
}

/** What a booking's calendar file needs to know about its session. */
export interface CalendarSession {
	id: string;
	date: string;
	startTime: string;
	endTime: string;
	sequence: number;
	serviceName: string;
	hubName: string;
	hubAddress: string;
}

/** The .ics file of a booking: the session's event (same UID as the public file), with the reference. */
export function bookingCalendar(
	session: CalendarSession,
	reference: string,
	manageUrl: string,
	origin: string,
	now: Date,
): string {
	return buildCalendar(
		session.serviceName,
		[
			{
				uid: session.id,
				sequence: session.sequence,
				date: session.date,
				startTime: session.startTime,
				endTime: session.endTime,
				summary: `${session.serviceName} at ${session.hubName}`,
				location: `${session.hubName}, ${session.hubAddress}`,
				description: `Booking reference ${reference}. To see or cancel your booking, go to ${manageUrl}`,
				url: `${origin}/sessions/${session.id}`,
				cancelled: false,
			},
		],
		now,
	);
}

/** Queues a message to a person: by email if they gave one, otherwise by text message. */
export function tell(
	db: Db,
	kind: string,
	person: Recipient,
	text: MessageText,
	now: Date,
	extra: {
		calendar?: { session: CalendarSession; reference: string; manageUrl: string; origin: string };
		sendAfter?: Date;
		dedupeKey?: string;
	} = {},
): string | null {
	const channel = person.email ? 'email' : 'sms';
	const recipient = person.email ?? person.phone;
	if (!recipient) return null;
	// A text message can carry neither an attachment nor a long link list: the calendar is for email.
	const c = channel === 'email' ? extra.calendar : undefined;
	return queueMessage(
		db,
		{
			kind,
			bookingId: person.id,
			channel,
			recipient,
			subject: text.subject,
			body: channel === 'sms' ? text.sms : text.body,
			calendar: c ? bookingCalendar(c.session, c.reference, c.manageUrl, c.origin, now) : null,
			calendarUrl: c ? `${c.origin}/sessions/${c.session.id}.ics` : null,
			sendAfter: extra.sendAfter,
			dedupeKey: extra.dedupeKey,
		},
		now,
	);
}

interface ReminderFacts {
	id: string;
	reference: string;
	name: string;
	places: number;
	email: string | null;
	phone: string | null;
	status: string;
	wantsReminder: number;
	sessionStatus: string;
	date: string;
	startTime: string;
	endTime: string;
	serviceName: string;
	hubName: string;
	hubPhone: string | null;
	hubAddress: string;
	hubReminderHours: number | null;
}

function reminderFacts(db: Db, bookingId: string): ReminderFacts | null {
	return (
		(db.$client
			.prepare(
				`select b.id, b.reference, b.name, b.places, b.email, b.phone, b.status, b.wants_reminder as wantsReminder,
				   s.status as sessionStatus, s.date, s.start_time as startTime, s.end_time as endTime,
				   sv.name as serviceName, h.name as hubName, h.phone as hubPhone,
				   h.address_line1 || ', ' || h.postcode as hubAddress, h.reminder_hours as hubReminderHours
				 from booking b join session s on s.id = b.session_id join session_pattern p on p.id = s.pattern_id
				 join service sv on sv.id = p.service_id join hub h on h.id = p.hub_id where b.id = ?`,
			)
			.get(bookingId) as ReminderFacts | undefined) ?? null
	);
}

function pendingReminder(
	db: Db,
	bookingId: string,
): { id: string; sendAfter: string; dedupeKey: string } | null {
	return (
		(db.$client
			.prepare(
				"select id, send_after as sendAfter, dedupe_key as dedupeKey from outbox where booking_id = ? and kind = 'booking-reminder' and status = 'pending' order by rowid desc limit 1",
			)
			.get(bookingId) as { id: string; sendAfter: string; dedupeKey: string } | undefined) ?? null
	);
}

/** Drops a booking's reminders that have not gone yet. */
export function dropReminders(db: Db, bookingId: string): void {
	db.$client
		.prepare(
			"delete from outbox where booking_id = ? and kind = 'booking-reminder' and status = 'pending'",
		)
		.run(bookingId);
}

/**
 * Schedules (or re-schedules) a booking's reminder with the manage link it should carry. `hours`
 * is how long before the session it goes; 'keep' keeps the lead of the reminder already scheduled
 * (when the session moves or the link changes) and schedules nothing if there is none. A booking
 * that is not confirmed, did not ask, or whose reminder time has passed gets none.
 */
export function scheduleReminder(
	db: Db,
	bookingId: string,
	manageUrl: string,
	now: Date,
	hours: { defaultHours: number } | 'keep',
): void {
	const facts = reminderFacts(db, bookingId);
	const existing = pendingReminder(db, bookingId);
	dropReminders(db, bookingId);
	if (!facts || facts.status !== 'confirmed' || facts.wantsReminder !== 1) return;
	if (facts.sessionStatus !== 'scheduled') return;
	let leadMs: number;
	if (hours === 'keep') {
		const was = existing ? parseReminderKey(existing.dedupeKey) : null;
		if (!existing || !was) return;
		leadMs =
			sessionInstant(was.date, was.startTime).getTime() - new Date(existing.sendAfter).getTime();
	} else {
		leadMs = (facts.hubReminderHours ?? hours.defaultHours) * 3_600_000;
	}
	const due = reminderDueAt(facts.date, facts.startTime, leadMs / 3_600_000);
	if (due <= now) return;
	const context: MessageContext = {
		reference: facts.reference,
		name: facts.name,
		places: facts.places,
		serviceName: facts.serviceName,
		hubName: facts.hubName,
		hubPhone: facts.hubPhone,
		date: facts.date,
		startTime: facts.startTime,
		endTime: facts.endTime,
		manageUrl,
	};
	tell(db, 'booking-reminder', facts, reminderMessage(context, facts.hubAddress), now, {
		sendAfter: due,
		dedupeKey: reminderKey(facts.id, facts.date, facts.startTime),
	});
}

/**
 * Re-times every reminder still to go for a hub's bookings after the hub changed its setting
 * (null: back to the site's default).
 */
export function retimeHubReminders(
	db: Db,
	hubId: string,
	hours: number | null,
	defaultHours: number,
	now: Date,
): number {
	const rows = db.$client
		.prepare(
			`select o.id, s.date, s.start_time as startTime from outbox o join booking b on b.id = o.booking_id
			 join session s on s.id = b.session_id join session_pattern p on p.id = s.pattern_id
			 where p.hub_id = ? and o.kind = 'booking-reminder' and o.status = 'pending'`,
		)
		.all(hubId) as { id: string; date: string; startTime: string }[];
	const update = db.$client.prepare('update outbox set send_after = ? where id = ?');
	for (const r of rows) {
		const due = reminderDueAt(r.date, r.startTime, hours ?? defaultHours);
		// A reminder whose new time has already passed goes now rather than not at all.
		update.run((due > now ? due : now).toISOString(), r.id);
	}
	return rows.length;
}
