import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A neighbourhood or area of the city that hubs are in. */
export const areas = sqliteTable('area', {
	id: text('id').primaryKey(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
});
