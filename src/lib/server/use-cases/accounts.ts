/**
 * Accounts: invitations, setting a password from a single-use link, signing in, and "forgot
 * password". Links are 120-bit random tokens stored only as SHA-256 hashes; an invitation lasts
 * 7 days and a reset link 2 hours, and each works once. Setting a password ends every other
 * sign-in session of that user.
 */
import { randomUUID } from 'node:crypto';
import { passwordProblem } from '../../domain/auth/password-rules.ts';
import { recordAudit } from '../queries/audit-trail.ts';
import type { Db } from '../db/open-database.ts';
import { hashToken } from '../booking/tokens.ts';
import { createAuthSession, invalidateUserSessions, randomString } from '../auth/auth-session.ts';
import { hashPassword, isCommonPassword, verifyPassword } from '../auth/password.ts';
import { queueMessage } from '../queries/outbox.ts';

const INVITATION_MS = 7 * 24 * 3600_000;
const RESET_MS = 2 * 3600_000;
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;

/** A new account's details. */
export interface NewAccount {
	email: string;
	name: string;
	role: 'staff' | 'volunteer';
	hubIds: string[];
}

/** Checks a new account's details; returns field messages. */
export function accountProblems(
	account: NewAccount,
): { field: 'email' | 'name' | 'role' | 'hubs'; message: string }[] {
	const problems: { field: 'email' | 'name' | 'role' | 'hubs'; message: string }[] = [];
	if (account.name.trim() === '')
		problems.push({ field: 'name', message: 'Enter the person’s name' });
	else if (account.name.length > 100)
		problems.push({ field: 'name', message: 'Name must be 100 characters or fewer' });
	if (!EMAIL.test(account.email) || account.email.length > 254)
		problems.push({
			field: 'email',
			message: 'Enter an email address in the correct format, like name@example.org',
		});
	if (account.role !== 'staff' && account.role !== 'volunteer')
		problems.push({ field: 'role', message: 'Select staff or volunteer' });
	if (account.role === 'volunteer' && account.hubIds.length === 0)
		problems.push({ field: 'hubs', message: 'Select at least one hub for a volunteer' });
	return problems;
}

function issueToken(db: Db, userId: string, kind: 'invitation' | 'reset', now: number): string {
	const token = randomString() + randomString();
	db.$client
		.prepare(
			'insert into password_token (id, user_id, kind, token_hash, expires_at, used_at, created_at) values (?, ?, ?, ?, ?, null, ?)',
		)
		.run(
			randomUUID(),
			userId,
			kind,
			hashToken(token),
			now + (kind === 'invitation' ? INVITATION_MS : RESET_MS),
			now,
		);
	return token;
}

/** The outcome of an invitation. */
export type InviteResult =
	{ ok: true; userId: string; token: string } | { ok: false; reason: 'exists' };

/** Creates an account and an invitation link (also queued as an email); the link is returned to show the inviter. */
export function inviteUser(db: Db, account: NewAccount, now: number, origin: string): InviteResult {
	return db.$client
		.transaction((): InviteResult => {
			const email = account.email.trim().toLowerCase();
			if (db.$client.prepare('select 1 from user where email = ?').get(email))
				return { ok: false, reason: 'exists' };
			const userId = randomUUID();
			const stamp = new Date(now).toISOString();
			db.$client
				.prepare(
					'insert into user (id, email, name, role, password_hash, active, created_at, updated_at) values (?, ?, ?, ?, null, 1, ?, ?)',
				)
				.run(userId, email, account.name.trim(), account.role, stamp, stamp);
			for (const hubId of account.role === 'volunteer' ? account.hubIds : [])
				db.$client
					.prepare('insert into user_hub (user_id, hub_id) values (?, ?)')
					.run(userId, hubId);
			const token = issueToken(db, userId, 'invitation', now);
			const hubNames = (
				account.role === 'volunteer'
					? db.$client
							.prepare(
								`select name from hub where id in (${account.hubIds.map(() => '?').join(',')}) order by name`,
							)
							.pluck()
							.all(...account.hubIds)
					: []
			) as string[];
			const where = hubNames.length ? ` at ${hubNames.join(' and ')}` : '';
			queueMessage(
				db,
				{
					kind: 'invitation',
					bookingId: null,
					channel: 'email',
					recipient: email,
					subject: 'You have been invited to run community hub sessions',
					body: `Hello ${account.name.trim()},\n\nYou have been given an account on the community hubs site${where}, as ${account.role === 'staff' ? 'a member of staff' : 'a volunteer'}. To choose your password and sign in, go to ${origin}/set-password/${token}\n\nThe link works once, within 7 days. If you did not expect this, or the link has run out, contact the hub or the partnership's staff team who invited you.`,
				},
				new Date(now),
			);
			return { ok: true, userId, token };
		})
		.immediate();
}

/** Starts a password reset for an email, if it belongs to an active account (the caller says the same either way). */
export function requestPasswordReset(
	db: Db,
	email: string,
	now: number,
	origin: string,
): string | null {
	return db.$client
		.transaction((): string | null => {
			const user = db.$client
				.prepare('select id, name from user where email = ? and active = 1')
				.get(email.trim().toLowerCase()) as { id: string; name: string } | undefined;
			if (!user) return null;
			const token = issueToken(db, user.id, 'reset', now);
			queueMessage(
				db,
				{
					kind: 'password-reset',
					bookingId: null,
					channel: 'email',
					recipient: email.trim().toLowerCase(),
					subject: 'Reset your password',
					body: `Hello ${user.name},\n\nTo choose a new password for the community hubs site, go to ${origin}/set-password/${token}\n\nThe link works once, within 2 hours. If you did not ask for this, you can ignore this email: your password has not changed. If you need help, contact the partnership's staff team.`,
				},
				new Date(now),
			);
			return token;
		})
		.immediate();
}

/** The account a password link belongs to, if the link is unused and in date. */
export function checkPasswordToken(
	db: Db,
	token: string,
	now: number,
): { userId: string; email: string; name: string; kind: 'invitation' | 'reset' } | null {
	if (!/^[a-z2-9]{48}$/.test(token)) return null;
	return (
		(db.$client
			.prepare(
				`select t.user_id as userId, u.email, u.name, t.kind from password_token t join user u on u.id = t.user_id
				 where t.token_hash = ? and t.used_at is null and t.expires_at > ? and u.active = 1`,
			)
			.get(hashToken(token), now) as
			{ userId: string; email: string; name: string; kind: 'invitation' | 'reset' } | undefined) ??
		null
	);
}

/** The outcome of setting a password. */
export type SetPasswordResult =
	| { ok: true; userId: string }
	| { ok: false; reason: 'link'; message: string }
	| { ok: false; reason: 'password'; message: string };

/** Sets a password from a single-use link; ends the user's other sessions. */
export async function setPasswordWithToken(
	db: Db,
	token: string,
	password: string,
	now: number,
): Promise<SetPasswordResult> {
	const link = checkPasswordToken(db, token, now);
	if (!link)
		return {
			ok: false,
			reason: 'link',
			message: 'This link has expired or has already been used. Ask for a new one.',
		};
	const problem = passwordProblem(password, link.email, isCommonPassword);
	if (problem) return { ok: false, reason: 'password', message: problem };
	const passwordHash = await hashPassword(password);
	return db.$client
		.transaction((): SetPasswordResult => {
			const used = db.$client
				.prepare('update password_token set used_at = ? where token_hash = ? and used_at is null')
				.run(now, hashToken(token));
			if (used.changes !== 1)
				return {
					ok: false,
					reason: 'link',
					message: 'This link has already been used. Ask for a new one.',
				};
			db.$client
				.prepare('update user set password_hash = ?, updated_at = ? where id = ?')
				.run(passwordHash, new Date(now).toISOString(), link.userId);
			invalidateUserSessions(db, link.userId);
			return { ok: true, userId: link.userId };
		})
		.immediate();
}

// A real hash of a random password, verified against when the email is unknown, so that a wrong
// email takes as long as a wrong password (the response must not reveal whether the email exists).
let decoyHash: Promise<string> | null = null;

/** Checks an email and password; on success starts a session and returns its token. */
export async function signIn(
	db: Db,
	email: string,
	password: string,
	now: number,
): Promise<{ ok: true; token: string; expiresAt: number } | { ok: false }> {
	const user = db.$client
		.prepare('select id, password_hash as passwordHash from user where email = ? and active = 1')
		.get(email.trim().toLowerCase()) as { id: string; passwordHash: string | null } | undefined;
	decoyHash ??= hashPassword(randomString());
	const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
	if (!user || !user.passwordHash || !valid) return { ok: false };
	const { token, session } = createAuthSession(db, user.id, now);
	return { ok: true, token, expiresAt: session.expiresAt };
}

/** Creates an active account with a password at once (the command-line tool for a first staff account). */
export async function createAccountWithPassword(
	db: Db,
	account: { email: string; name: string; role: 'staff' | 'volunteer'; hubSlugs: string[] },
	password: string,
	now: number,
): Promise<{ ok: true; userId: string } | { ok: false; message: string }> {
	const hubIds = account.hubSlugs.map(
		(slug) =>
			db.$client.prepare('select id from hub where slug = ?').pluck().get(slug) as
				string | undefined,
	);
	const unknown = account.hubSlugs.filter((_, i) => hubIds[i] === undefined);
	if (unknown.length) return { ok: false, message: `No hub has the slug ${unknown.join(', ')}.` };
	const details: NewAccount = {
		email: account.email.trim().toLowerCase(),
		name: account.name,
		role: account.role,
		hubIds: hubIds as string[],
	};
	const problem = accountProblems(details)[0];
	if (problem) return { ok: false, message: problem.message };
	const passwordIssue = passwordProblem(password, details.email, isCommonPassword);
	if (passwordIssue) return { ok: false, message: passwordIssue };
	if (db.$client.prepare('select 1 from user where email = ?').get(details.email))
		return { ok: false, message: 'There is already an account with that email address.' };
	const passwordHash = await hashPassword(password);
	const userId = randomUUID();
	const stamp = new Date(now).toISOString();
	db.$client
		.transaction(() => {
			db.$client
				.prepare(
					'insert into user (id, email, name, role, password_hash, active, created_at, updated_at) values (?, ?, ?, ?, ?, 1, ?, ?)',
				)
				.run(userId, details.email, details.name, details.role, passwordHash, stamp, stamp);
			for (const hubId of details.role === 'volunteer' ? details.hubIds : [])
				db.$client
					.prepare('insert into user_hub (user_id, hub_id) values (?, ?)')
					.run(userId, hubId);
		})
		.immediate();
	return { ok: true, userId };
}

/** Staff end every sign-in session of an account, and can make it inactive (or active again). Recorded in the audit trail. */
export function changeAccount(
	db: Db,
	userId: string,
	action: 'end-sessions' | 'deactivate' | 'reactivate',
	by: { id: string; name: string },
	now: number,
): { ok: true } | { ok: false; message: string } {
	if (userId === by.id && action === 'deactivate')
		return { ok: false, message: 'You cannot make your own account inactive' };
	return db.$client
		.transaction((): { ok: true } | { ok: false; message: string } => {
			const exists = db.$client.prepare('select 1 from user where id = ?').get(userId);
			if (!exists) return { ok: false, message: 'That account does not exist' };
			if (action !== 'reactivate') invalidateUserSessions(db, userId);
			if (action !== 'end-sessions')
				db.$client
					.prepare('update user set active = ?, updated_at = ? where id = ?')
					.run(action === 'reactivate' ? 1 : 0, new Date(now).toISOString(), userId);
			const words = {
				'end-sessions': 'Signed out everywhere',
				deactivate: 'Made inactive',
				reactivate: 'Made active',
			} as const;
			recordAudit(db, by, 'user', userId, words[action], [], new Date(now));
			return { ok: true };
		})
		.immediate();
}
