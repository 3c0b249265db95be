import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Small key/value facts about this database: content version, whether demo data was loaded. */
export const meta = sqliteTable('meta', {
	key: text('key').primaryKey(),
	value: text('value').notNull(),
});
