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
import { config } from '../config.ts';
import type { Db } from '../db/open-database.ts';
import { bookPlace, cancelBooking, acceptOffer, findBooking } from '../use-cases/bookings.ts';
import { RateLimiter } from './rate-limit.ts';
import { checkAction, checkPosted, readPosted } from './posted.ts';
import {
	BOOKING_UNREADABLE,
	bookingRequestFields,
	findBookingFields,
	manageActions,
} from './request-forms.ts';

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
	message: BOOKING_UNREADABLE,
	input: null,
	offerWaitingList: false,
};

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
	const form = await readPosted(request);
	if (!form) return UNREADABLE;
	const sent = checkPosted(form, bookingRequestFields);
	const key = String(sent.input['formToken']).slice(0, 64);
	const limited = limiter('booking').attempt(`${client}|${key}`, now.getTime());
	if (!limited.allowed)
		return { kind: 'rate-limited', status: 429, retryAfterSeconds: limited.retryAfterSeconds };
	const parsed = parseBookingForm(form, maxPlaces);
	if (!parsed.ok)
		return { kind: 'errors', status: 400, errors: parsed.errors, input: parsed.input };
	if (!sent.ok) {
		// A form without its token is one sent again after it expired (or made up): 409, send again.
		const [problem] = sent.errors;
		return {
			kind: 'refused',
			status: problem!.field === 'formToken' ? 409 : 400,
			message: problem!.message,
			input: parsed.input,
			offerWaitingList: false,
		};
	}
	const { formToken, action: mode } = sent.values;
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
	const form = await readPosted(request);
	if (!form) return UNREADABLE;
	const checked = checkAction(form, manageActions);
	if (!checked.ok) return UNREADABLE;
	const { action } = checked.request;
	const origin = publicOrigin(requestOrigin);
	const result =
		action === 'accept'
			? acceptOffer(db, token, now, origin, config().reminderHours)
			: cancelBooking(db, token, now, config().offerHours, origin, config().reminderHours);
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

/** What the find-a-booking page does after a POST. */
export type FindOutcome =
	| { kind: 'redirect'; location: string }
	| {
			kind: 'errors';
			status: 400;
			errors: { field: string; message: string }[];
			values: { reference: string; contact: string };
	  }
	| { kind: 'rate-limited'; status: 429; retryAfterSeconds: number };

/** Handles the "find my booking" form. */
export async function postFindBooking(
	db: Db,
	request: Request,
	client: string,
	now: Date,
	requestOrigin: string,
): Promise<FindOutcome> {
	const limited = limiter('manage').attempt(client, now.getTime());
	if (!limited.allowed)
		return { kind: 'rate-limited', status: 429, retryAfterSeconds: limited.retryAfterSeconds };
	const form = await readPosted(request);
	if (!form)
		return {
			kind: 'errors',
			status: 400,
			errors: [{ field: 'reference', message: 'The form could not be read. Send it again' }],
			values: { reference: '', contact: '' },
		};
	const checked = checkPosted(form, findBookingFields);
	const values = {
		reference: String(checked.input['reference']),
		contact: String(checked.input['contact']),
	};
	if (!checked.ok)
		return {
			kind: 'errors',
			status: 400,
			errors: checked.errors,
			values,
		};
	const { reference, contact } = checked.values;
	const token = findBooking(db, reference, contact, now, publicOrigin(requestOrigin));
	if (!token) {
		return {
			kind: 'errors',
			status: 400,
			errors: [
				{
					field: 'reference',
					message:
						'We could not find a booking with that reference and email address or phone number. Check both and try again',
				},
			],
			values,
		};
	}
	return { kind: 'redirect', location: `/bookings/${token}?done=found` };
}
