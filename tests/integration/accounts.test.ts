import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open-database.ts';
import {
	ABSOLUTE_MS,
	createAuthSession,
	IDLE_MS,
	invalidateAuthSession,
	invalidateUserSessions,
	validateAuthSession,
} from '../../src/lib/server/auth/auth-session.ts';
import {
	checkPasswordToken,
	createAccountWithPassword,
	inviteUser,
	requestPasswordReset,
	setPasswordWithToken,
	signIn,
} from '../../src/lib/server/use-cases/accounts.ts';
import { tempDatabase } from '../helpers/temp-db.ts';

let db: Db;
let cleanup: () => void;
const T0 = Date.parse('2026-11-23T09:00:00Z');
const ORIGIN = 'https://hubs.example.org';

beforeEach(() => {
	({ db, cleanup } = tempDatabase('none'));
	db.$client.prepare("insert into organisation (id, name) values ('o', 'Org')").run();
	db.$client.prepare("insert into area (id, slug, name) values ('a', 'govan', 'Govan')").run();
	for (const slug of ['hub-a', 'hub-b']) {
		db.$client
			.prepare(
				"insert into hub (id, organisation_id, area_id, slug, name, summary, address_line1, town, postcode, status, last_reviewed_on, created_at, updated_at) values (?, 'o', 'a', ?, ?, 's', '1 Road', 'Glasgow', 'G1 1AA', 'published', '2026-11-01', 'x', 'x')",
			)
			.run(slug, slug, slug);
	}
});
afterEach(() => cleanup());

async function user(role: 'staff' | 'volunteer' = 'volunteer'): Promise<string> {
	const r = await createAccountWithPassword(
		db,
		{
			email: `${role}@example.org`,
			name: role,
			role,
			hubSlugs: role === 'volunteer' ? ['hub-a'] : [],
		},
		'plum tractor lighthouse',
		T0,
	);
	if (!r.ok) throw new Error(r.message);
	return r.userId;
}

describe('sign-in sessions (Lucia design)', () => {
	it('creates a session whose token opens it, storing only a hash of the secret', async () => {
		const id = await user();
		const { token } = createAuthSession(db, id, T0);
		expect(token).toMatch(/^[a-z2-9]{24}\.[a-z2-9]{24}$/);
		const stored = db.$client.prepare('select id, secret_hash from auth_session').get() as {
			id: string;
			secret_hash: string;
		};
		expect(token.startsWith(`${stored.id}.`)).toBe(true);
		expect(stored.secret_hash).not.toContain(token.split('.')[1]);
		const v = validateAuthSession(db, token, T0 + 1000);
		expect(v?.user).toEqual({
			id,
			email: 'volunteer@example.org',
			name: 'volunteer',
			role: 'volunteer',
			hubIds: ['hub-a'],
		});
	});

	it('refuses a wrong secret, a malformed token and an unknown id', async () => {
		const { token } = createAuthSession(db, await user(), T0);
		const [sid] = token.split('.');
		expect(validateAuthSession(db, `${sid}.${'a'.repeat(24)}`, T0)).toBeNull();
		expect(validateAuthSession(db, 'nonsense', T0)).toBeNull();
		expect(validateAuthSession(db, `${'b'.repeat(24)}.${'c'.repeat(24)}`, T0)).toBeNull();
	});

	it('slides with activity but ends after 2 idle hours', async () => {
		const { token } = createAuthSession(db, await user(), T0);
		const at90 = validateAuthSession(db, token, T0 + 90 * 60_000);
		expect(at90?.refreshed).toBe(true);
		expect(at90?.session.expiresAt).toBe(T0 + 90 * 60_000 + IDLE_MS);
		expect(validateAuthSession(db, token, T0 + 90 * 60_000 + IDLE_MS - 1)).not.toBeNull();
		expect(validateAuthSession(db, token, T0 + 90 * 60_000 + IDLE_MS - 1 + IDLE_MS)).toBeNull();
		expect(db.$client.prepare('select count(*) from auth_session').pluck().get()).toBe(0);
	});

	it('ends 12 hours after sign-in however active', async () => {
		const { token } = createAuthSession(db, await user(), T0);
		for (let t = T0; t < T0 + ABSOLUTE_MS; t += 60 * 60_000)
			expect(validateAuthSession(db, token, t)).not.toBeNull();
		expect(validateAuthSession(db, token, T0 + ABSOLUTE_MS)).toBeNull();
	});

	it('ends on sign-out, and all of a user’s sessions at once (by staff, or a password change)', async () => {
		const id = await user();
		const a = createAuthSession(db, id, T0);
		const b = createAuthSession(db, id, T0);
		invalidateAuthSession(db, a.session.id);
		expect(validateAuthSession(db, a.token, T0)).toBeNull();
		expect(validateAuthSession(db, b.token, T0)).not.toBeNull();
		invalidateUserSessions(db, id);
		expect(validateAuthSession(db, b.token, T0)).toBeNull();
	});

	it('ends when the account is made inactive', async () => {
		const id = await user();
		const { token } = createAuthSession(db, id, T0);
		db.$client.prepare('update user set active = 0 where id = ?').run(id);
		expect(validateAuthSession(db, token, T0)).toBeNull();
	});
});

describe('signing in', () => {
	it('accepts the right password in any email case, and refuses a wrong one or an unknown email alike', async () => {
		await user();
		expect((await signIn(db, 'Volunteer@Example.org', 'plum tractor lighthouse', T0)).ok).toBe(
			true,
		);
		expect(await signIn(db, 'volunteer@example.org', 'wrong password here', T0)).toEqual({
			ok: false,
		});
		expect(await signIn(db, 'nobody@example.org', 'plum tractor lighthouse', T0)).toEqual({
			ok: false,
		});
	});
});

describe('invitation and reset links', () => {
	it('lets an invited person set a password once, within 7 days, and then sign in', async () => {
		const invite = inviteUser(
			db,
			{ email: 'New@Example.org', name: 'New Person', role: 'volunteer', hubIds: ['hub-b'] },
			T0,
			ORIGIN,
		);
		if (!invite.ok) throw new Error('invite failed');
		expect(
			db.$client.prepare("select recipient, body from outbox where kind = 'invitation'").get(),
		).toEqual({
			recipient: 'new@example.org',
			body: expect.stringContaining(`${ORIGIN}/set-password/${invite.token}`),
		});
		expect(
			inviteUser(
				db,
				{ email: 'new@example.org', name: 'Again', role: 'staff', hubIds: [] },
				T0,
				ORIGIN,
			),
		).toEqual({ ok: false, reason: 'exists' });
		expect(await setPasswordWithToken(db, invite.token, 'short', T0)).toMatchObject({
			ok: false,
			reason: 'password',
		});
		expect(
			await setPasswordWithToken(db, invite.token, 'plum tractor lighthouse', T0 + 1000),
		).toMatchObject({ ok: true });
		expect(
			await setPasswordWithToken(db, invite.token, 'another long password', T0 + 2000),
		).toMatchObject({ ok: false, reason: 'link' });
		expect((await signIn(db, 'new@example.org', 'plum tractor lighthouse', T0)).ok).toBe(true);
	});

	it('expires an invitation after 7 days and a reset link after 2 hours', async () => {
		const invite = inviteUser(
			db,
			{ email: 'late@example.org', name: 'Late', role: 'staff', hubIds: [] },
			T0,
			ORIGIN,
		);
		if (!invite.ok) throw new Error('invite failed');
		expect(checkPasswordToken(db, invite.token, T0 + 7 * 24 * 3600_000 - 1)).not.toBeNull();
		expect(checkPasswordToken(db, invite.token, T0 + 7 * 24 * 3600_000)).toBeNull();
		await user();
		const reset = requestPasswordReset(db, 'volunteer@example.org', T0, ORIGIN)!;
		expect(checkPasswordToken(db, reset, T0 + 2 * 3600_000 - 1)?.kind).toBe('reset');
		expect(checkPasswordToken(db, reset, T0 + 2 * 3600_000)).toBeNull();
		expect(requestPasswordReset(db, 'nobody@example.org', T0, ORIGIN)).toBeNull();
	});

	it('ends every session of the user when the password is reset', async () => {
		const id = await user();
		const { token } = createAuthSession(db, id, T0);
		const reset = requestPasswordReset(db, 'volunteer@example.org', T0, ORIGIN)!;
		expect(
			await setPasswordWithToken(db, reset, 'a brand new passphrase', T0 + 1000),
		).toMatchObject({ ok: true });
		expect(validateAuthSession(db, token, T0 + 2000)).toBeNull();
		expect((await signIn(db, 'volunteer@example.org', 'plum tractor lighthouse', T0)).ok).toBe(
			false,
		);
	});
});

describe('staff changes to accounts', () => {
	it('signs a user out everywhere, makes the account inactive and active again, and records it', async () => {
		const { changeAccount } = await import('../../src/lib/server/use-cases/accounts.ts');
		const id = await user();
		const staffId = await user('staff');
		const { token } = createAuthSession(db, id, T0);
		expect(changeAccount(db, id, 'end-sessions', { id: staffId, name: 'staff' }, T0)).toEqual({
			ok: true,
		});
		expect(validateAuthSession(db, token, T0)).toBeNull();
		expect(changeAccount(db, id, 'deactivate', { id: staffId, name: 'staff' }, T0)).toEqual({
			ok: true,
		});
		expect((await signIn(db, 'volunteer@example.org', 'plum tractor lighthouse', T0)).ok).toBe(
			false,
		);
		expect(changeAccount(db, id, 'reactivate', { id: staffId, name: 'staff' }, T0)).toEqual({
			ok: true,
		});
		expect((await signIn(db, 'volunteer@example.org', 'plum tractor lighthouse', T0)).ok).toBe(
			true,
		);
		expect(
			changeAccount(db, staffId, 'deactivate', { id: staffId, name: 'staff' }, T0),
		).toMatchObject({ ok: false });
		expect(
			db.$client
				.prepare("select action from audit_entry where entity = 'user' order by rowid")
				.pluck()
				.all(),
		).toEqual(['Signed out everywhere', 'Made inactive', 'Made active']);
	});
});
