import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Who changed what and when: one entry per change, with a readable diff (JSON list of changes). */
export const auditEntries = sqliteTable(
	'audit_entry',
	{
		id: text('id').primaryKey(),
		at: text('at').notNull(),
		userId: text('user_id'),
		userName: text('user_name').notNull(),
		entity: text('entity').notNull(),
		entityId: text('entity_id').notNull(),
		action: text('action').notNull(),
		changes: text('changes').notNull().default('[]'),
	},
	(t) => [index('audit_entity_idx').on(t.entity, t.entityId, t.at)],
);
