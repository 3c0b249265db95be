import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { hubs } from './hub.ts';
import { services } from './service.ts';

/**
 * A drop-in pattern: a service at a hub running on a recurrence rule (RFC 5545 RRULE without
 * DTSTART; null for a one-off session on startsOn). Times are wall-clock times in Europe/London.
 */
export const sessionPatterns = sqliteTable(
	'session_pattern',
	{
		id: text('id').primaryKey(),
		serviceId: text('service_id')
			.notNull()
			.references(() => services.id, { onDelete: 'cascade' }),
		hubId: text('hub_id')
			.notNull()
			.references(() => hubs.id, { onDelete: 'cascade' }),
		rrule: text('rrule'),
		startsOn: text('starts_on').notNull(),
		endsOn: text('ends_on'),
		startTime: text('start_time').notNull(),
		endTime: text('end_time').notNull(),
		capacity: integer('capacity').notNull(),
		bookingMode: text('booking_mode', { enum: ['booking', 'walk-in'] }).notNull(),
		/** Booking opens this many days before the session; null: as soon as it is listed. */
		bookingOpensDays: integer('booking_opens_days'),
		/** Booking closes this many hours before the start; null: at the start. */
		bookingClosesHours: integer('booking_closes_hours'),
		maxPlacesPerBooking: integer('max_places_per_booking').notNull().default(2),
		waitingList: text('waiting_list', { enum: ['automatic', 'offer'] })
			.notNull()
			.default('automatic'),
		createdAt: text('created_at').notNull(),
		updatedAt: text('updated_at').notNull(),
	},
	(t) => [index('session_pattern_hub_idx').on(t.hubId)],
);

/**
 * One date of a pattern. Its identity is the pattern plus its original date: id, URL and calendar
 * UID never change when it is moved or re-timed, and a date that drops out is cancelled, never
 * deleted. placesTaken counts confirmed places and places held for waiting-list offers.
 */
export const sessions = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		patternId: text('pattern_id')
			.notNull()
			.references(() => sessionPatterns.id, { onDelete: 'cascade' }),
		originalDate: text('original_date').notNull(),
		date: text('date').notNull(),
		startTime: text('start_time').notNull(),
		endTime: text('end_time').notNull(),
		capacity: integer('capacity').notNull(),
		placesTaken: integer('places_taken').notNull().default(0),
		status: text('status', { enum: ['scheduled', 'cancelled'] })
			.notNull()
			.default('scheduled'),
		cancelReason: text('cancel_reason'),
		/** Set when a volunteer changed this date by hand; regeneration then leaves it alone. */
		isException: integer('is_exception', { mode: 'boolean' }).notNull().default(false),
		/** People who came without booking, counted by a volunteer. */
		walkIns: integer('walk_ins').notNull().default(0),
		/** iCalendar SEQUENCE: raised whenever the date, time or status changes. */
		sequence: integer('sequence').notNull().default(0),
		updatedAt: text('updated_at').notNull(),
	},
	(t) => [
		uniqueIndex('session_pattern_original_idx').on(t.patternId, t.originalDate),
		// With the pattern, the calendar counts a month of sessions from the index alone.
		index('session_date_idx').on(t.date, t.startTime, t.patternId),
	],
);

/**
 * Anonymous counts for one session date, kept up to date in the same transaction as each change
 * (rules in src/lib/domain/insights/counting.ts), so insights never count booking rows and deleting
 * personal data never changes them. Every figure is in places (people).
 */
export const sessionCounts = sqliteTable('session_count', {
	sessionId: text('session_id')
		.primaryKey()
		.references(() => sessions.id, { onDelete: 'cascade' }),
	/** Places confirmed: booked, or given from the waiting list (automatically or by accepting an offer). */
	booked: integer('booked').notNull().default(0),
	/** Of the places booked, those a volunteer booked for someone. */
	assisted: integer('assisted').notNull().default(0),
	cancelledByPerson: integer('cancelled_by_person').notNull().default(0),
	cancelledByHub: integer('cancelled_by_hub').notNull().default(0),
	attended: integer('attended').notNull().default(0),
	noShow: integer('no_show').notNull().default(0),
	walkIns: integer('walk_ins').notNull().default(0),
	waitingJoined: integer('waiting_joined').notNull().default(0),
	/** Waiting-list places that became confirmed places. */
	waitingPromoted: integer('waiting_promoted').notNull().default(0),
	/** Waiting-list places given up: cancelled, removed, or an offer that ran out. */
	waitingLeft: integer('waiting_left').notNull().default(0),
});
