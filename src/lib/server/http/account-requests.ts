/** The HTTP side of signing in and out, password links and invitations, kept out of route files. */
import { config } from '../config.ts';
import type { Db } from '../db/open-database.ts';
import { AUTH_COOKIE } from '../auth/auth-session.ts';
import { authCookieOptions } from '../auth/cookie.ts';
import { SignInThrottle } from '../auth/throttle.ts';
import {
	accountProblems,
	inviteUser,
	requestPasswordReset,
	setPasswordWithToken,
	signIn,
} from '../use-cases/accounts.ts';
import { clientOf } from './client.ts';
import { recordAttendance, setWalkIns } from '../use-cases/register.ts';

interface Context {
	request: Request;
	url: URL;
	clientAddress: string;
	locals: App.Locals;
	cookies: {
		set(name: string, value: string, options: ReturnType<typeof authCookieOptions>): void;
	};
}

const throttle = new SignInThrottle();

async function form(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch {
		return null;
	}
}

const text = (f: FormData, name: string, max: number) => {
	const v = f.get(name);
	return typeof v === 'string' ? v.trim().slice(0, max) : '';
};

/** Signs in; the message on failure never says whether the email exists. */
export async function postSignIn(
	db: Db,
	context: Context,
): Promise<
	{ ok: true; next: string } | { ok: false; status: 400 | 429; message: string; email: string }
> {
	const f = await form(context.request);
	if (!f)
		return { ok: false, status: 400, message: 'Enter your email address and password', email: '' };
	const email = text(f, 'email', 254);
	const password =
		typeof f.get('password') === 'string' ? String(f.get('password')).slice(0, 1024) : '';
	const address = clientOf(context);
	const now = context.locals.now.getTime();
	if (email === '' || password === '')
		return { ok: false, status: 400, message: 'Enter your email address and password', email };
	if (!throttle.allowed(email, address, now)) {
		return {
			ok: false,
			status: 429,
			message: 'Too many failed attempts. Wait 15 minutes, then try again, or reset your password',
			email,
		};
	}
	const result = await signIn(db, email, password, now);
	if (!result.ok) {
		throttle.fail(email, address, now);
		return {
			ok: false,
			status: 400,
			message: 'The email address or password is not right. Check them and try again',
			email,
		};
	}
	throttle.succeed(email);
	context.cookies.set(
		AUTH_COOKIE,
		result.token,
		authCookieOptions(context.url, result.expiresAt, now, config().publicOrigin),
	);
	return { ok: true, next: text(f, 'next', 500) };
}

/** Sets a password from a link. */
export async function postSetPassword(
	db: Db,
	context: Context,
	token: string,
): Promise<{ ok: true } | { ok: false; status: 400; message: string; linkProblem: boolean }> {
	const f = await form(context.request);
	const password = f && typeof f.get('password') === 'string' ? String(f.get('password')) : '';
	const confirm = f && typeof f.get('confirm') === 'string' ? String(f.get('confirm')) : '';
	if (password !== confirm)
		return {
			ok: false,
			status: 400,
			message: 'The two passwords do not match. Type the same password twice',
			linkProblem: false,
		};
	const result = await setPasswordWithToken(db, token, password, context.locals.now.getTime());
	if (!result.ok)
		return {
			ok: false,
			status: 400,
			message: result.message,
			linkProblem: result.reason === 'link',
		};
	return { ok: true };
}

/** Starts a password reset; answers the same whether or not the email exists. */
export async function postForgotPassword(
	db: Db,
	context: Context,
): Promise<{ ok: true } | { ok: false; message: string }> {
	const f = await form(context.request);
	const email = f ? text(f, 'email', 254) : '';
	if (email === '') return { ok: false, message: 'Enter your email address' };
	const address = clientOf(context);
	const now = context.locals.now.getTime();
	if (!throttle.allowed(email, address, now)) return { ok: true };
	throttle.fail(email, address, now);
	requestPasswordReset(db, email, now, config().publicOrigin ?? context.url.origin);
	return { ok: true };
}

/** Invites a person (staff only: the caller checks). */
export async function postInvitation(
	db: Db,
	context: Context,
): Promise<
	| { ok: true; link: string; email: string }
	| {
			ok: false;
			problems: { field: string; message: string }[];
			values: Record<string, string | string[]>;
	  }
> {
	const f = await form(context.request);
	if (!f)
		return {
			ok: false,
			problems: [{ field: 'email', message: 'The form could not be read. Send it again' }],
			values: {},
		};
	const account = {
		email: text(f, 'email', 300).toLowerCase(),
		name: text(f, 'name', 300),
		role: text(f, 'role', 20) as 'staff' | 'volunteer',
		hubIds: f
			.getAll('hub')
			.filter((h): h is string => typeof h === 'string')
			.slice(0, 100),
	};
	const values = {
		email: account.email,
		name: account.name,
		role: account.role,
		hubs: account.hubIds,
	};
	const problems = accountProblems(account);
	if (problems.length) return { ok: false, problems, values };
	const known = db.$client.prepare('select id from hub').pluck().all() as string[];
	if (account.hubIds.some((h) => !known.includes(h)))
		return {
			ok: false,
			problems: [{ field: 'hubs', message: 'Select hubs from the list' }],
			values,
		};
	const origin = config().publicOrigin ?? context.url.origin;
	const result = inviteUser(db, account, context.locals.now.getTime(), origin);
	if (!result.ok)
		return {
			ok: false,
			problems: [
				{ field: 'email', message: 'There is already an account with that email address' },
			],
			values,
		};
	return { ok: true, link: `${origin}/set-password/${result.token}`, email: account.email };
}

/** Handles the register's buttons: check-in (attended, no-show, clear) and the walk-in count. */
export async function postRegister(
	db: Db,
	context: Context,
	sessionId: string,
): Promise<{ ok: true } | { ok: false; status: 400; message: string }> {
	const f = await form(context.request);
	if (!f) return { ok: false, status: 400, message: 'The form could not be read. Try again' };
	const action = text(f, 'action', 20);
	if (action === 'walk-ins') {
		const raw = text(f, 'walkIns', 10);
		const count = /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
		if (!setWalkIns(db, sessionId, count))
			return {
				ok: false,
				status: 400,
				message: 'Enter the number of walk-ins as a whole number from 0 to 999',
			};
		return { ok: true };
	}
	const attendance =
		action === 'attended'
			? 'attended'
			: action === 'no-show'
				? 'no-show'
				: action === 'clear'
					? null
					: undefined;
	if (
		attendance === undefined ||
		!recordAttendance(db, sessionId, text(f, 'booking', 40), attendance, context.locals.now)
	) {
		return {
			ok: false,
			status: 400,
			message: 'That check-in could not be recorded. Reload the register and try again',
		};
	}
	return { ok: true };
}
