/**
 * The HTTP side of the booking form, kept out of the route file: rate limit, read the form, book,
 * and say what the page should do (redirect, show errors, or refuse).
 */
import {
	parseBookingForm,
	type BookingInput,
	type FieldError,
} from '../../domain/forms/booking-form.ts';
import { refusalMessage } from '../../domain/booking/rules.ts';
import { normaliseReference } from '../../domain/booking/reference.ts';
import { config } from '../config.ts';
import type { Db } from '../db/open-database.ts';
import { bookPlace, cancelBooking, acceptOffer, findBooking } from '../use-cases/bookings.ts';
import { RateLimiter } from './rate-limit.ts';

/** What a page does after a POST. */
export type PostOutcome =
	| { kind: 'redirect'; location: string }
	| { kind: 'errors'; status: 400; errors: FieldError[]; input: BookingInput | null }
	| {
			kind: 'refused';
			status: 400 | 409;
			message: string;
			input: BookingInput | null;
			offerWaitingList: boolean;
	  }
	| { kind: 'rate-limited'; status: 429; retryAfterSeconds: number }
	| { kind: 'not-found'; status: 404 };

let limiters: { booking: RateLimiter; manage: RateLimiter } | null = null;
function limiter(kind: 'booking' | 'manage'): RateLimiter {
	limiters ??= {
		booking: new RateLimiter(config().bookingRateLimit),
		manage: new RateLimiter(config().bookingRateLimit === 0 ? 0 : 30),
	};
	return limiters[kind];
}

const UNREADABLE: PostOutcome = {
	kind: 'refused',
	status: 400,
	message: 'The form could not be read. Go back to the form and send it again.',
	input: null,
	offerWaitingList: false,
};

/** Reads a posted form, or null when the body is not a readable form (too big, wrong type, broken). */
async function readForm(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch {
		return null;
	}
}

/** The origin used in links sent to people: PUBLIC_ORIGIN, else the request's own. */
export function publicOrigin(requestOrigin: string): string {
	return config().publicOrigin ?? requestOrigin;
}

/** Handles a booking or waiting-list form posted to a session page. */
export async function postBooking(
	db: Db,
	request: Request,
	sessionId: string,
	maxPlaces: number,
	client: string,
	now: Date,
	requestOrigin: string,
): Promise<PostOutcome> {
	const form = await readForm(request);
	if (!form) return UNREADABLE;
	const formToken = String(form.get('formToken') ?? '').slice(0, 64);
	const limited = limiter('booking').attempt(`${client}|${formToken}`, now.getTime());
	if (!limited.allowed)
		return { kind: 'rate-limited', status: 429, retryAfterSeconds: limited.retryAfterSeconds };
	const mode = form.get('action') === 'wait' ? 'wait' : 'book';
	const parsed = parseBookingForm(form, maxPlaces);
	if (!parsed.ok)
		return { kind: 'errors', status: 400, errors: parsed.errors, input: parsed.input };
	if (!/^[a-z2-7]{16,64}$/.test(formToken)) {
		return {
			kind: 'refused',
			status: 409,
			message: 'The form had expired. Check your details and send it again.',
			input: parsed.input,
			offerWaitingList: false,
		};
	}
	const result = bookPlace(
		db,
		{
			sessionId,
			formToken,
			values: parsed.values,
			origin: publicOrigin(requestOrigin),
			reminderHours: config().reminderHours,
		},
		now,
		mode,
	);
	if (result.ok) return { kind: 'redirect', location: `/bookings/${result.token}/confirmation` };
	if (result.reason === 'not-found') return { kind: 'not-found', status: 404 };
	return {
		kind: 'refused',
		status: 409,
		message: refusalMessage(result.reason, maxPlaces),
		input: parsed.input,
		offerWaitingList: result.reason === 'full',
	};
}

/** Handles the buttons on the manage page (cancel, accept an offer). */
export async function postManage(
	db: Db,
	request: Request,
	token: string,
	client: string,
	now: Date,
	requestOrigin: string,
): Promise<PostOutcome> {
	const limited = limiter('manage').attempt(client, now.getTime());
	if (!limited.allowed)
		return { kind: 'rate-limited', status: 429, retryAfterSeconds: limited.retryAfterSeconds };
	const form = await readForm(request);
	if (!form) return UNREADABLE;
	const origin = publicOrigin(requestOrigin);
	const action = form.get('action');
	const result =
		action === 'accept'
			? acceptOffer(db, token, now, origin, config().reminderHours)
			: action === 'cancel'
				? cancelBooking(db, token, now, config().offerHours, origin, config().reminderHours)
				: ({ ok: false, reason: 'not-possible' } as const);
	if (!result.ok && result.reason === 'not-found') return { kind: 'not-found', status: 404 };
	if (!result.ok)
		return {
			kind: 'refused',
			status: 409,
			message: 'That cannot be done for this booking any more.',
			input: null,
			offerWaitingList: false,
		};
	return {
		kind: 'redirect',
		location: `/bookings/${token}?done=${action === 'accept' ? 'accepted' : 'cancelled'}`,
	};
}

/** Handles the "find my booking" form. */
export async function postFindBooking(
	db: Db,
	request: Request,
	client: string,
	now: Date,
	requestOrigin: string,
): Promise<PostOutcome & { values?: { reference: string; contact: string } }> {
	const limited = limiter('manage').attempt(client, now.getTime());
	if (!limited.allowed)
		return { kind: 'rate-limited', status: 429, retryAfterSeconds: limited.retryAfterSeconds };
	const form = await readForm(request);
	if (!form)
		return {
			kind: 'errors',
			status: 400,
			errors: [{ field: 'name', message: 'The form could not be read. Send it again' }],
			input: null,
		};
	const referenceInput = String(form.get('reference') ?? '')
		.trim()
		.slice(0, 50);
	const contact = String(form.get('contact') ?? '')
		.trim()
		.slice(0, 254);
	const errors: FieldError[] = [];
	const reference = normaliseReference(referenceInput);
	if (referenceInput === '')
		errors.push({ field: 'name', message: 'Enter your booking reference' });
	else if (reference === null)
		errors.push({
			field: 'name',
			message: 'Enter the reference as it appears on your confirmation, like KT7-4MX',
		});
	if (contact === '')
		errors.push({
			field: 'contact',
			message: 'Enter the email address or phone number you gave when you booked',
		});
	const values = { reference: referenceInput, contact };
	if (errors.length) return { kind: 'errors', status: 400, errors, input: null, values };
	const token = findBooking(db, reference!, contact, now, publicOrigin(requestOrigin));
	if (!token) {
		return {
			kind: 'errors',
			status: 400,
			errors: [
				{
					field: 'name',
					message:
						'We could not find a booking with that reference and email address or phone number. Check both and try again',
				},
			],
			input: null,
			values,
		};
	}
	return { kind: 'redirect', location: `/bookings/${token}?done=found` };
}
