import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sessions } from './session.ts';

/**
 * A booking, or a place on a session's waiting list. Personal data (names, contact, needs) lives
 * here and nowhere else; the manage token is stored only as its SHA-256 hash.
 */
export const bookings = sqliteTable(
	'booking',
	{
		id: text('id').primaryKey(),
		sessionId: text('session_id')
			.notNull()
			.references(() => sessions.id, { onDelete: 'cascade' }),
		reference: text('reference').notNull().unique(),
		manageTokenHash: text('manage_token_hash').notNull().unique(),
		/** The booking form's one-time token: a second submission of the same form finds this booking. */
		formToken: text('form_token').notNull(),
		status: text('status', {
			enum: ['confirmed', 'waiting', 'offered', 'cancelled', 'expired'],
		}).notNull(),
		places: integer('places').notNull(),
		name: text('name').notNull(),
		attendeeName: text('attendee_name'),
		email: text('email'),
		phone: text('phone'),
		needs: text('needs').notNull().default(''),
		wantsReminder: integer('wants_reminder', { mode: 'boolean' }).notNull().default(false),
		assisted: integer('assisted', { mode: 'boolean' }).notNull().default(false),
		offerExpiresAt: text('offer_expires_at'),
		cancelledBy: text('cancelled_by', { enum: ['person', 'hub'] }),
		/** Check-in at the session, recorded by a volunteer. */
		attendance: text('attendance', { enum: ['attended', 'no-show'] }),
		createdAt: text('created_at').notNull(),
		updatedAt: text('updated_at').notNull(),
	},
	(t) => [
		uniqueIndex('booking_form_token_idx').on(t.sessionId, t.formToken),
		index('booking_session_status_idx').on(t.sessionId, t.status, t.createdAt),
	],
);

/**
 * Messages to send, written in the same transaction as the change that caused them. The body holds
 * personal data and falls under retention. The outbox worker claims a due message with a lease,
 * sends it, and records the outcome; a resend carries the same id (the email's Message-ID, Notify's
 * reference), so a duplicate can be recognised.
 */
export const outbox = sqliteTable(
	'outbox',
	{
		id: text('id').primaryKey(),
		kind: text('kind').notNull(),
		bookingId: text('booking_id').references(() => bookings.id, { onDelete: 'set null' }),
		channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
		recipient: text('recipient').notNull(),
		subject: text('subject').notNull(),
		body: text('body').notNull(),
		/** An .ics file sent with the email (a link to the session's calendar file goes by Notify). */
		calendar: text('calendar'),
		/** The public address of the session's .ics file, for channels that cannot attach it. */
		calendarUrl: text('calendar_url'),
		/**
		 * pending: to send (when due); sent; failed: gave up, staff can retry; logged: no email service
		 * is set up, so it was only logged and shown to staff; phone: no text message service, so a
		 * volunteer must phone the person; phoned: a volunteer did.
		 */
		status: text('status', {
			enum: ['pending', 'sent', 'failed', 'logged', 'phone', 'phoned'],
		})
			.notNull()
			.default('pending'),
		createdAt: text('created_at').notNull(),
		/** Not sent before this instant: a reminder's time, or the next try after a failure. */
		sendAfter: text('send_after').notNull().default(''),
		/** Set while a worker is sending; a worker that dies leaves it to run out, then the message is sent again. */
		leaseUntil: text('lease_until'),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error'),
		sentAt: text('sent_at'),
		/** The id the email server or Notify gave the message. */
		providerId: text('provider_id'),
		/** Makes a message unique where it must be (one reminder per booking and session time). */
		dedupeKey: text('dedupe_key').unique(),
		phonedAt: text('phoned_at'),
		phonedBy: text('phoned_by'),
	},
	(t) => [
		index('outbox_status_idx').on(t.status, t.createdAt),
		index('outbox_due_idx').on(t.status, t.sendAfter),
		index('outbox_booking_idx').on(t.bookingId),
	],
);
