import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { hubs } from './hub.ts';

/** Someone who signs in: a hub volunteer (acts on their hubs only) or HSCP staff (everything). */
export const users = sqliteTable('user', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	role: text('role', { enum: ['staff', 'volunteer'] }).notNull(),
	/** argon2id hash; null until the invitation is accepted. */
	passwordHash: text('password_hash'),
	active: integer('active', { mode: 'boolean' }).notNull().default(true),
	createdAt: text('created_at').notNull(),
	updatedAt: text('updated_at').notNull(),
});

/** The hubs a volunteer may act on. */
export const userHubs = sqliteTable(
	'user_hub',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		hubId: text('hub_id')
			.notNull()
			.references(() => hubs.id, { onDelete: 'cascade' }),
	},
	(t) => [primaryKey({ columns: [t.userId, t.hubId] })],
);

/**
 * A signed-in session (Lucia's design): the cookie holds "<id>.<secret>"; only the SHA-256 of the
 * secret is stored. Called AuthSession in code, never bare "session" (that is a drop-in).
 */
export const authSessions = sqliteTable(
	'auth_session',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		secretHash: text('secret_hash').notNull(),
		createdAt: integer('created_at').notNull(),
		lastActiveAt: integer('last_active_at').notNull(),
	},
	(t) => [index('auth_session_user_idx').on(t.userId)],
);

/** Single-use links to set a password: invitations and password resets. Only hashes are stored. */
export const passwordTokens = sqliteTable(
	'password_token',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['invitation', 'reset'] }).notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		expiresAt: integer('expires_at').notNull(),
		usedAt: integer('used_at'),
		createdAt: integer('created_at').notNull(),
	},
	(t) => [index('password_token_user_idx').on(t.userId)],
);
