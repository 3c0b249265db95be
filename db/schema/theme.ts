import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A theme of support, such as welfare and benefits (Open Referral: taxonomy_term). */
export const themes = sqliteTable('theme', {
	id: text('id').primaryKey(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	summary: text('summary').notNull(),
	description: text('description').notNull(),
	/** Themes where someone may be at risk carry a "leave this site quickly" link. */
	sensitive: integer('sensitive', { mode: 'boolean' }).notNull().default(false),
	sortOrder: integer('sort_order').notNull().default(0),
});
