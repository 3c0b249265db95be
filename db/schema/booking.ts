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
 * personal data and falls under retention.
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
		status: text('status', { enum: ['pending', 'sent', 'failed'] })
			.notNull()
			.default('pending'),
		createdAt: text('created_at').notNull(),
	},
	(t) => [index('outbox_status_idx').on(t.status, t.createdAt)],
);
