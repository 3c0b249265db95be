import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { areas } from './area.ts';
import { organisations } from './organisation.ts';

/** A community hub: a place people can go (Open Referral: location). */
export const hubs = sqliteTable(
	'hub',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisations.id),
		areaId: text('area_id')
			.notNull()
			.references(() => areas.id),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		summary: text('summary').notNull(),
		description: text('description').notNull().default(''),
		addressLine1: text('address_line1').notNull(),
		addressLine2: text('address_line2'),
		town: text('town').notNull(),
		postcode: text('postcode').notNull(),
		latitude: real('latitude'),
		longitude: real('longitude'),
		phone: text('phone'),
		email: text('email'),
		website: text('website'),
		howToGetThere: text('how_to_get_there').notNull().default(''),
		/** Languages spoken besides English, as a comma-separated list of names. */
		languages: text('languages').notNull().default(''),
		status: text('status', { enum: ['draft', 'published'] })
			.notNull()
			.default('draft'),
		lastReviewedOn: text('last_reviewed_on').notNull(),
		/** Reminders go this many hours before a session; null: the site's default (REMINDER_HOURS). */
		reminderHours: integer('reminder_hours'),
		/** The working draft (JSON of the editable fields) while the public sees the published version. */
		draft: text('draft'),
		createdAt: text('created_at').notNull(),
		updatedAt: text('updated_at').notNull(),
	},
	(t) => [index('hub_area_idx').on(t.areaId), index('hub_status_name_idx').on(t.status, t.name)],
);

/** Regular opening hours: one row per opening period on an ISO weekday (1 = Monday). */
export const hubOpeningHours = sqliteTable(
	'hub_opening_hours',
	{
		hubId: text('hub_id')
			.notNull()
			.references(() => hubs.id, { onDelete: 'cascade' }),
		weekday: integer('weekday').notNull(),
		opensAt: text('opens_at').notNull(),
		closesAt: text('closes_at').notNull(),
	},
	(t) => [primaryKey({ columns: [t.hubId, t.weekday, t.opensAt] })],
);

/** Accessibility features a hub has, from the fixed list in lib/domain/directory/access.ts. */
export const hubAccessFeatures = sqliteTable(
	'hub_access_feature',
	{
		hubId: text('hub_id')
			.notNull()
			.references(() => hubs.id, { onDelete: 'cascade' }),
		feature: text('feature').notNull(),
	},
	(t) => [
		primaryKey({ columns: [t.hubId, t.feature] }),
		index('hub_access_feature_idx').on(t.feature),
	],
);

/**
 * A date range when a hub is closed; a null hubId closes every hub (public holidays such as
 * St Andrew's Day, entered once by staff). Dates are Europe/London calendar dates, inclusive.
 */
export const closures = sqliteTable(
	'closure',
	{
		id: text('id').primaryKey(),
		hubId: text('hub_id').references(() => hubs.id, { onDelete: 'cascade' }),
		startsOn: text('starts_on').notNull(),
		endsOn: text('ends_on').notNull(),
		reason: text('reason').notNull(),
	},
	(t) => [index('closure_hub_idx').on(t.hubId, t.endsOn)],
);
