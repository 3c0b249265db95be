import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** An organisation that runs hubs or services (Open Referral: organization). */
export const organisations = sqliteTable('organisation', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	description: text('description').notNull().default(''),
	website: text('website'),
	email: text('email'),
	phone: text('phone'),
});
