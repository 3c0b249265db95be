import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { hubs } from './hub.ts';
import { organisations } from './organisation.ts';
import { themes } from './theme.ts';

/** A service: help that is offered, at one or more hubs (Open Referral: service). */
export const services = sqliteTable(
	'service',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisations.id),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		summary: text('summary').notNull(),
		description: text('description').notNull().default(''),
		whoItIsFor: text('who_it_is_for').notNull().default(''),
		minimumAge: integer('minimum_age'),
		maximumAge: integer('maximum_age'),
		isFree: integer('is_free', { mode: 'boolean' }).notNull().default(true),
		costDescription: text('cost_description').notNull().default(''),
		referralNeeded: integer('referral_needed', { mode: 'boolean' }).notNull().default(false),
		referralDetails: text('referral_details').notNull().default(''),
		phone: text('phone'),
		email: text('email'),
		website: text('website'),
		status: text('status', { enum: ['draft', 'published'] })
			.notNull()
			.default('draft'),
		lastReviewedOn: text('last_reviewed_on').notNull(),
		/** The working draft (JSON of the editable fields) while the public sees the published version. */
		draft: text('draft'),
		createdAt: text('created_at').notNull(),
		updatedAt: text('updated_at').notNull(),
	},
	(t) => [index('service_status_idx').on(t.status)],
);

/** Where a service runs: a service at a hub, with its own stable id (Open Referral: service_at_location). */
export const serviceHubs = sqliteTable(
	'service_hub',
	{
		id: text('id').notNull().unique(),
		serviceId: text('service_id')
			.notNull()
			.references(() => services.id, { onDelete: 'cascade' }),
		hubId: text('hub_id')
			.notNull()
			.references(() => hubs.id, { onDelete: 'cascade' }),
	},
	(t) => [
		primaryKey({ columns: [t.serviceId, t.hubId] }),
		index('service_hub_hub_idx').on(t.hubId),
	],
);

/** The themes a service covers. */
export const serviceThemes = sqliteTable(
	'service_theme',
	{
		serviceId: text('service_id')
			.notNull()
			.references(() => services.id, { onDelete: 'cascade' }),
		themeId: text('theme_id')
			.notNull()
			.references(() => themes.id, { onDelete: 'cascade' }),
	},
	(t) => [
		primaryKey({ columns: [t.serviceId, t.themeId] }),
		index('service_theme_theme_idx').on(t.themeId),
	],
);
