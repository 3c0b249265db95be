/** The HTTP side of signing in and out, password links and invitations, kept out of route files. */
import { config } from '../config.ts';
import type { Db } from '../db/open-database.ts';
import { AUTH_COOKIE } from '../auth/auth-session.ts';
import { authCookieOptions } from '../auth/cookie.ts';
import { SignInThrottle } from '../auth/throttle.ts';
import {
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
import { checkAction, checkPosted, readPosted } from './posted.ts';
import {
	CALL_FAILED,
	CHECK_IN_FAILED,
	SIGN_IN_MISSING,
	SIGN_IN_WRONG,
	WALK_INS,
	accountChangeFields,
	assistedBookingRequestFields,
	closureFields,
	closureInOrder,
	forgotPasswordFields,
	checkInvitation,
	messageRetryFields,
	registerActions,
	reminderFields,
	samePasswords,
	sessionChangeActions,
	setPasswordFields,
	signInFields,
} from './request-forms.ts';

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

const UNREADABLE = 'The form could not be read. Try again';

/** Signs in; the message on failure never says whether the email exists. */
export async function postSignIn(
	db: Db,
	context: Context,
): Promise<
	{ ok: true; next: string } | { ok: false; status: 400 | 429; message: string; email: string }
> {
	const f = await readPosted(context.request);
	if (!f) return { ok: false, status: 400, message: SIGN_IN_MISSING, email: '' };
	const checked = checkPosted(f, signInFields, { raw: ['password'] });
	if (!checked.ok) {
		const missing = checked.errors.some((e) => e.message === SIGN_IN_MISSING);
		return {
			ok: false,
			status: 400,
			message: missing ? SIGN_IN_MISSING : SIGN_IN_WRONG,
			email: String(checked.input['email']),
		};
	}
	const { email, password, next } = checked.values;
	const address = clientOf(context);
	const now = context.locals.now.getTime();
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
		return { ok: false, status: 400, message: SIGN_IN_WRONG, email };
	}
	throttle.succeed(email);
	context.cookies.set(
		AUTH_COOKIE,
		result.token,
		authCookieOptions(context.url, result.expiresAt, now, config().publicOrigin),
	);
	return { ok: true, next };
}

/** Sets a password from a link. */
export async function postSetPassword(
	db: Db,
	context: Context,
	token: string,
): Promise<{ ok: true } | { ok: false; status: 400; message: string; linkProblem: boolean }> {
	// An unreadable form reads as two empty passwords, which the password rules refuse.
	const f = (await readPosted(context.request)) ?? new FormData();
	const checked = checkPosted(f, setPasswordFields, {
		raw: ['password', 'confirm'],
		rules: samePasswords,
	});
	if (!checked.ok)
		return { ok: false, status: 400, message: checked.errors[0]!.message, linkProblem: false };
	const { password } = checked.values;
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
	const checked = checkPosted(
		(await readPosted(context.request)) ?? new FormData(),
		forgotPasswordFields,
	);
	if (!checked.ok) return { ok: false, message: checked.errors[0]!.message };
	const { email } = checked.values;
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
	const f = await readPosted(context.request);
	if (!f || !context.locals.user) return { ok: false, message: UNREADABLE };
	const checked = checkPosted(f, accountChangeFields);
	if (!checked.ok) return { ok: false, message: checked.errors[0]!.message };
	const { user, accountAction } = checked.values;
	return changeAccount(db, user, accountAction, context.locals.user, context.locals.now.getTime());
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
	const f = await readPosted(context.request);
	if (!f)
		return {
			ok: false,
			problems: [{ field: 'email', message: 'The form could not be read. Send it again' }],
			values: {},
		};
	const hubIds = db.$client.prepare('select id from hub').pluck().all() as string[];
	const { input, ...checked } = checkInvitation(f, hubIds);
	if (!checked.ok) return { ok: false, problems: checked.errors, values: input };
	const account = { ...checked.values, hubIds: checked.values.hubs };
	const origin = config().publicOrigin ?? context.url.origin;
	const result = inviteUser(db, account, context.locals.now.getTime(), origin);
	if (!result.ok)
		return {
			ok: false,
			problems: [
				{ field: 'email', message: 'There is already an account with that email address' },
			],
			values: input,
		};
	return { ok: true, link: `${origin}/set-password/${result.token}`, email: account.email };
}

/** Handles the register's buttons: check-in (attended, no-show, clear), the walk-in count, moves, cancellations, offers and "phoned". */
export async function postRegister(
	db: Db,
	context: Context,
	sessionId: string,
): Promise<{ ok: true } | { ok: false; status: 400; message: string }> {
	const f = await readPosted(context.request);
	if (!f) return { ok: false, status: 400, message: UNREADABLE };
	const checked = checkAction(f, registerActions);
	if (!checked.ok) return { ok: false, status: 400, message: checked.errors[0]!.message };
	const request = checked.request;
	if (request.action === 'walk-ins') {
		if (!setWalkIns(db, sessionId, request.walkIns))
			return { ok: false, status: 400, message: WALK_INS };
		return { ok: true };
	}
	if (request.action === 'move-booking') {
		const result = moveBooking(
			db,
			sessionId,
			request.booking,
			request.to,
			context.locals.now,
			config().offerHours,
			config().publicOrigin ?? context.url.origin,
			config().reminderHours,
		);
		return result.ok ? { ok: true } : { ok: false, status: 400, message: result.message };
	}
	if (request.action === 'phoned') {
		const user = context.locals.user;
		if (!user || !markPhoned(db, sessionId, request.booking, user.id, context.locals.now))
			return { ok: false, status: 400, message: CALL_FAILED };
		return { ok: true };
	}
	if (request.action === 'cancel-booking' || request.action === 'offer') {
		const bookingId = request.booking;
		const origin = config().publicOrigin ?? context.url.origin;
		const result =
			request.action === 'offer'
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
	const attendance = request.action === 'clear' ? null : request.action;
	if (!recordAttendance(db, sessionId, request.booking, attendance, context.locals.now))
		return { ok: false, status: 400, message: CHECK_IN_FAILED };
	return { ok: true };
}

/** Handles the "change this session" forms: cancel the date, move it, or change its capacity. */
export async function postSessionChange(
	db: Db,
	context: Context,
	sessionId: string,
): Promise<{ ok: true } | { ok: false; status: 400; message: string; field: string }> {
	const f = await readPosted(context.request);
	if (!f) return { ok: false, status: 400, message: UNREADABLE, field: 'cancelReason' };
	// Each form shows its problem beside its first field.
	const fieldOf = { cancel: 'cancelReason', move: 'date', capacity: 'capacity' } as const;
	const checked = checkAction(f, sessionChangeActions);
	if (!checked.ok)
		return {
			ok: false,
			status: 400,
			message: checked.errors[0]!.message,
			field: fieldOf[checked.action ?? 'capacity'],
		};
	const request = checked.request;
	const now = context.locals.now;
	const origin = config().publicOrigin ?? context.url.origin;
	if (request.action === 'cancel') {
		const r = cancelSessionDate(db, sessionId, request.cancelReason, now);
		return r.ok ? r : { ok: false, status: 400, message: r.message, field: fieldOf.cancel };
	}
	if (request.action === 'move') {
		const { date, startTime, endTime, moveReason: reason } = request;
		const r = moveSessionDate(db, sessionId, { date, startTime, endTime, reason }, now, origin);
		return r.ok ? r : { ok: false, status: 400, message: r.message, field: fieldOf.move };
	}
	const r = changeCapacity(
		db,
		sessionId,
		request.capacity,
		now,
		config().offerHours,
		origin,
		config().reminderHours,
	);
	return r.ok ? r : { ok: false, status: 400, message: r.message, field: fieldOf.capacity };
}

/** Closes a hub for a date range. */
export async function postHubClosure(
	db: Db,
	context: Context,
	hubId: string | null,
): Promise<{ ok: true } | { ok: false; status: 400; message: string }> {
	const f = await readPosted(context.request);
	if (!f) return { ok: false, status: 400, message: UNREADABLE };
	const checked = checkPosted(f, closureFields, { rules: closureInOrder });
	if (!checked.ok) return { ok: false, status: 400, message: checked.errors[0]!.message };
	const r = closeHub(db, hubId, checked.values, context.locals.today, context.locals.now);
	return r.ok ? r : { ok: false, status: 400, message: r.message };
}

/** Books on behalf of someone who phoned or walked in: the public form's rules and capacity, marked as assisted. */
export async function postAssistedBooking(
	db: Db,
	context: Context,
	sessionId: string,
	maxPlaces: number,
) {
	const f = await readPosted(context.request);
	if (!f) return { kind: 'refused' as const, message: UNREADABLE, input: null, errors: [] };
	const parsed = parseBookingForm(f, maxPlaces);
	if (!parsed.ok) return { kind: 'errors' as const, errors: parsed.errors, input: parsed.input };
	const request = checkPosted(f, assistedBookingRequestFields);
	if (!request.ok)
		return {
			kind: 'refused' as const,
			message: request.errors[0]!.message,
			input: parsed.input,
			errors: [],
		};
	const formToken = request.values.formToken ?? newFormToken();
	const mode = request.values.action;
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
	const f = await readPosted(context.request);
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
	const f = await readPosted(context.request);
	if (!f) return { ok: false, status: 400, message: UNREADABLE, value: '' };
	const checked = checkPosted(f, reminderFields);
	const value = String(checked.input['reminderHours']);
	if (!checked.ok) return { ok: false, status: 400, message: checked.errors[0]!.message, value };
	const hours = checked.values.reminderHours;
	const r = setHubReminderHours(
		db,
		hubId,
		hours === null ? '' : String(hours),
		config().reminderHours,
		context.locals.now,
	);
	return r.ok ? { ok: true } : { ok: false, status: 400, message: r.message, value };
}

/** Staff retry a message that could not be sent. */
export async function postMessageRetry(
	db: Db,
	context: Context,
): Promise<{ ok: true } | { ok: false; status: 400; message: string }> {
	const f = await readPosted(context.request);
	const checked = f ? checkPosted(f, messageRetryFields) : null;
	if (!checked?.ok || !retryMessage(db, checked.values.message, context.locals.now))
		return {
			ok: false,
			status: 400,
			message: 'That message could not be sent again. It may have been retried already',
		};
	return { ok: true };
}
