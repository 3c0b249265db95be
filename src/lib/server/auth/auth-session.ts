/**
 * Sign-in sessions, following Lucia's session guide (lucia-auth.com): a token "<id>.<secret>" with
 * 120 random bits in each part is given to the browser in an HttpOnly cookie; the database keeps the
 * id and the SHA-256 of the secret only, and a presented secret is compared in constant time.
 * Policy (hub computers are shared): a session ends after 2 hours without activity, and 12 hours
 * after sign-in whatever happens; it also ends on sign-out, on a password change, and when staff
 * end it. Activity is written at most once a minute.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '../db/open-database.ts';

/** Inactivity after which a session ends. */
export const IDLE_MS = 2 * 3600_000;
/** Longest a session lasts. */
export const ABSOLUTE_MS = 12 * 3600_000;
const TOUCH_MS = 60_000;

/** The name of the sign-in cookie. */
export const AUTH_COOKIE = 'hubs_auth';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random string of 24 characters from a 32-letter alphabet (120 bits), as Lucia's guide does. */
export function randomString(): string {
	const bytes = new Uint8Array(24);
	crypto.getRandomValues(bytes);
	let out = '';
	for (const b of bytes) out += ALPHABET[b >> 3];
	return out;
}

function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

/** A signed-in user, as pages and policies see them. */
export interface SignedInUser {
	id: string;
	email: string;
	name: string;
	role: 'staff' | 'volunteer';
	hubIds: string[];
}

/** A valid session. */
export interface AuthSession {
	id: string;
	userId: string;
	createdAt: number;
	lastActiveAt: number;
	/** When the cookie should expire, given activity now. */
	expiresAt: number;
}

/** Starts a session for a user and returns its token (for the cookie). */
export function createAuthSession(
	db: Db,
	userId: string,
	now: number,
): { token: string; session: AuthSession } {
	const id = randomString();
	const secret = randomString();
	db.$client
		.prepare(
			'insert into auth_session (id, user_id, secret_hash, created_at, last_active_at) values (?, ?, ?, ?, ?)',
		)
		.run(id, userId, encodeHexLowerCase(hashSecret(secret)), now, now);
	return {
		token: `${id}.${secret}`,
		session: {
			id,
			userId,
			createdAt: now,
			lastActiveAt: now,
			expiresAt: Math.min(now + IDLE_MS, now + ABSOLUTE_MS),
		},
	};
}

/** The session and user a token opens, sliding its expiry; null if unknown, wrong or expired. */
export function validateAuthSession(
	db: Db,
	token: string,
	now: number,
): { session: AuthSession; user: SignedInUser; refreshed: boolean } | null {
	const parts = token.split('.');
	if (parts.length !== 2 || !/^[a-z2-9]{24}$/.test(parts[0]!) || !/^[a-z2-9]{24}$/.test(parts[1]!))
		return null;
	const [id, secret] = parts as [string, string];
	const row = db.$client
		.prepare(
			`select s.id, s.user_id as userId, s.secret_hash as secretHash, s.created_at as createdAt, s.last_active_at as lastActiveAt,
			   u.email, u.name, u.role, u.active
			 from auth_session s join user u on u.id = s.user_id where s.id = ?`,
		)
		.get(id) as
		| {
				id: string;
				userId: string;
				secretHash: string;
				createdAt: number;
				lastActiveAt: number;
				email: string;
				name: string;
				role: 'staff' | 'volunteer';
				active: number;
		  }
		| undefined;
	if (!row) return null;
	if (!constantTimeEqual(hashSecret(secret), hexToBytes(row.secretHash))) return null;
	if (row.active !== 1 || now - row.lastActiveAt >= IDLE_MS || now - row.createdAt >= ABSOLUTE_MS) {
		invalidateAuthSession(db, row.id);
		return null;
	}
	let lastActiveAt = row.lastActiveAt;
	let refreshed = false;
	if (now - row.lastActiveAt >= TOUCH_MS) {
		db.$client.prepare('update auth_session set last_active_at = ? where id = ?').run(now, row.id);
		lastActiveAt = now;
		refreshed = true;
	}
	const hubIds = db.$client
		.prepare('select hub_id from user_hub where user_id = ?')
		.pluck()
		.all(row.userId) as string[];
	return {
		session: {
			id: row.id,
			userId: row.userId,
			createdAt: row.createdAt,
			lastActiveAt,
			expiresAt: Math.min(lastActiveAt + IDLE_MS, row.createdAt + ABSOLUTE_MS),
		},
		user: { id: row.userId, email: row.email, name: row.name, role: row.role, hubIds },
		refreshed,
	};
}

/** Ends one session. */
export function invalidateAuthSession(db: Db, sessionId: string): void {
	db.$client.prepare('delete from auth_session where id = ?').run(sessionId);
}

/** Ends every session of a user (password change, or by staff). */
export function invalidateUserSessions(db: Db, userId: string): void {
	db.$client.prepare('delete from auth_session where user_id = ?').run(userId);
}

function hexToBytes(hex: string): Uint8Array {
	const bytes = new Uint8Array(hex.length / 2);
	for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
	return bytes;
}
