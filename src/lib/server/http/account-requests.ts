/** The HTTP side of signing in and out, password links and invitations, kept out of route files. */
import { config } from '../config.ts';
import type { Db } from '../db/open-database.ts';
import { AUTH_COOKIE } from '../auth/auth-session.ts';
import { authCookieOptions } from '../auth/cookie.ts';
import { SignInThrottle } from '../auth/throttle.ts';
import {
	accountProblems,
	changeAccount,
	inviteUser,
	requestPasswordReset,
	setPasswordWithToken,
	signIn,
} from '../use-cases/accounts.ts';
import { clientOf } from './client.ts';
import { recordAttendance, setWalkIns } from '../use-cases/register.ts';
import { markPhoned } from '../queries/phone-calls.ts';
import { retryMessage } from '../queries/outbox.ts';
import { setHubReminderHours } from '../use-cases/reminder-settings.ts';
import {
	moveBooking,
	cancelBookingForPerson,
	cancelSessionDate,
	changeCapacity,
	closeHub,
	moveSessionDate,
	offerPlaceTo,
} from '../use-cases/manage-sessions.ts';
import { parseBookingForm } from '../../domain/forms/booking-form.ts';
import { refusalMessage } from '../../domain/booking/rules.ts';
import { bookPlace } from '../use-cases/bookings.ts';
import { newFormToken } from '../booking/tokens.ts';
import { parsePatternForm } from '../../domain/forms/pattern-form.ts';
import { listHubServices, savePattern } from '../use-cases/patterns.ts';

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

/** Staff actions on an account: sign out everywhere, make inactive or active again. */
export async function postAccountChange(
	db: Db,
	context: Context,
): Promise<{ ok: true } | { ok: false; message: string }> {
	const f = await form(context.request);
	if (!f || !context.locals.user)
		return { ok: false, message: 'The form could not be read. Try again' };
	const action = text(f, 'accountAction', 20);
	if (action !== 'end-sessions' && action !== 'deactivate' && action !== 'reactivate')
		return { ok: false, message: 'Choose what to do with the account' };
	return changeAccount(
		db,
		text(f, 'user', 40),
		action,
		context.locals.user,
		context.locals.now.getTime(),
	);
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

/** Handles the register's buttons: check-in (attended, no-show, clear), the walk-in count, moves, cancellations, offers and "phoned". */
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
	if (action === 'move-booking') {
		const result = moveBooking(
			db,
			sessionId,
			text(f, 'booking', 40),
			text(f, 'to', 40),
			context.locals.now,
			config().offerHours,
			config().publicOrigin ?? context.url.origin,
			config().reminderHours,
		);
		return result.ok ? { ok: true } : { ok: false, status: 400, message: result.message };
	}
	if (action === 'phoned') {
		const user = context.locals.user;
		if (!user || !markPhoned(db, sessionId, text(f, 'booking', 40), user.id, context.locals.now))
			return {
				ok: false,
				status: 400,
				message: 'That call could not be recorded. Reload the register and try again',
			};
		return { ok: true };
	}
	if (action === 'cancel-booking' || action === 'offer') {
		const bookingId = text(f, 'booking', 40);
		const origin = config().publicOrigin ?? context.url.origin;
		const result =
			action === 'offer'
				? offerPlaceTo(db, sessionId, bookingId, context.locals.now, config().offerHours, origin)
				: cancelBookingForPerson(
						db,
						sessionId,
						bookingId,
						context.locals.now,
						config().offerHours,
						origin,
						config().reminderHours,
					);
		return result.ok ? { ok: true } : { ok: false, status: 400, message: result.message };
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

/** Handles the "change this session" forms: cancel the date, move it, or change its capacity. */
export async function postSessionChange(
	db: Db,
	context: Context,
	sessionId: string,
): Promise<{ ok: true } | { ok: false; status: 400; message: string; field: string }> {
	const f = await form(context.request);
	if (!f)
		return {
			ok: false,
			status: 400,
			message: 'The form could not be read. Try again',
			field: 'cancelReason',
		};
	const action = text(f, 'action', 20);
	const now = context.locals.now;
	const origin = config().publicOrigin ?? context.url.origin;
	if (action === 'cancel') {
		const r = cancelSessionDate(db, sessionId, text(f, 'cancelReason', 1000), now);
		return r.ok ? r : { ok: false, status: 400, message: r.message, field: 'cancelReason' };
	}
	if (action === 'move') {
		const r = moveSessionDate(
			db,
			sessionId,
			{
				date: text(f, 'date', 20),
				startTime: text(f, 'startTime', 10),
				endTime: text(f, 'endTime', 10),
				reason: text(f, 'moveReason', 1000),
			},
			now,
			origin,
		);
		return r.ok ? r : { ok: false, status: 400, message: r.message, field: 'date' };
	}
	const raw = text(f, 'capacity', 10);
	const r = changeCapacity(
		db,
		sessionId,
		/^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN,
		now,
		config().offerHours,
		origin,
		config().reminderHours,
	);
	return r.ok ? r : { ok: false, status: 400, message: r.message, field: 'capacity' };
}

/** Closes a hub for a date range. */
export async function postHubClosure(
	db: Db,
	context: Context,
	hubId: string | null,
): Promise<{ ok: true } | { ok: false; status: 400; message: string }> {
	const f = await form(context.request);
	if (!f) return { ok: false, status: 400, message: 'The form could not be read. Try again' };
	const r = closeHub(
		db,
		hubId,
		{
			startsOn: text(f, 'startsOn', 20),
			endsOn: text(f, 'endsOn', 20),
			reason: text(f, 'reason', 1000),
		},
		context.locals.today,
		context.locals.now,
	);
	return r.ok ? r : { ok: false, status: 400, message: r.message };
}

/** Books on behalf of someone who phoned or walked in: the public form's rules and capacity, marked as assisted. */
export async function postAssistedBooking(
	db: Db,
	context: Context,
	sessionId: string,
	maxPlaces: number,
) {
	const f = await form(context.request);
	if (!f)
		return {
			kind: 'refused' as const,
			message: 'The form could not be read. Try again',
			input: null,
			errors: [],
		};
	const parsed = parseBookingForm(f, maxPlaces);
	if (!parsed.ok) return { kind: 'errors' as const, errors: parsed.errors, input: parsed.input };
	const formToken = text(f, 'formToken', 64) || newFormToken();
	const mode = f.get('action') === 'wait' ? 'wait' : 'book';
	const result = bookPlace(
		db,
		{
			sessionId,
			formToken,
			values: parsed.values,
			assisted: true,
			origin: config().publicOrigin ?? context.url.origin,
			reminderHours: config().reminderHours,
		},
		context.locals.now,
		mode,
	);
	if (result.ok)
		return { kind: 'done' as const, reference: result.reference, status: result.status };
	return {
		kind: 'refused' as const,
		message:
			result.reason === 'not-found'
				? 'That session no longer exists'
				: refusalMessage(result.reason, maxPlaces),
		input: parsed.input,
		errors: [],
	};
}

/** Saves the pattern form (new when patternId is null). */
export async function postPattern(
	db: Db,
	context: Context,
	hubId: string,
	patternId: string | null,
) {
	const f = await form(context.request);
	const services = listHubServices(db, hubId).map((s) => s.id);
	if (!f)
		return {
			ok: false as const,
			errors: [{ field: 'serviceId', message: 'The form could not be read. Try again' }],
			input: {},
		};
	const parsed = parsePatternForm(f, services, context.locals.today);
	if (!parsed.ok) return { ok: false as const, errors: parsed.errors, input: parsed.input };
	const saved = savePattern(
		db,
		hubId,
		patternId,
		parsed.values,
		context.locals.today,
		context.locals.now,
	);
	return { ok: true as const, id: saved.id };
}

/** Saves a hub's reminder time (hours before each session; empty for the site's default). */
export async function postReminderSetting(
	db: Db,
	context: Context,
	hubId: string,
): Promise<{ ok: true } | { ok: false; status: 400; message: string; value: string }> {
	const f = await form(context.request);
	const value = f ? text(f, 'reminderHours', 10) : '';
	if (!f)
		return { ok: false, status: 400, message: 'The form could not be read. Try again', value };
	const r = setHubReminderHours(db, hubId, value, config().reminderHours, context.locals.now);
	return r.ok ? { ok: true } : { ok: false, status: 400, message: r.message, value };
}

/** Staff retry a message that could not be sent. */
export async function postMessageRetry(
	db: Db,
	context: Context,
): Promise<{ ok: true } | { ok: false; status: 400; message: string }> {
	const f = await form(context.request);
	if (!f || !retryMessage(db, text(f, 'message', 40), context.locals.now))
		return {
			ok: false,
			status: 400,
			message: 'That message could not be sent again. It may have been retried already',
		};
	return { ok: true };
}
