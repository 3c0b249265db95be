/**
 * The booking form: one parser that turns posted fields into values or field errors. Messages
 * follow the GOV.UK error-message guidance: say what went wrong and how to fix it.
 * Phone numbers are kept in UK national format (e.g. 0141 496 0123) so they stay readable.
 */
import { z } from 'zod';

/** The values of a valid booking form. */
export interface BookingValues {
	name: string;
	email: string | null;
	phone: string | null;
	needs: string;
	places: number;
	forSomeoneElse: boolean;
	attendeeName: string | null;
	wantsReminder: boolean;
}

/** A field error, in the order the fields appear on the form. */
export interface FieldError {
	field: 'name' | 'contact' | 'email' | 'phone' | 'needs' | 'places' | 'attendeeName';
	message: string;
}

/** What the form posted, as text, to show back on error. */
export type BookingInput = Record<
	'name' | 'email' | 'phone' | 'needs' | 'places' | 'attendeeName',
	string
> & {
	forSomeoneElse: boolean;
	wantsReminder: boolean;
};

/** The outcome of reading the form. */
export type BookingFormResult =
	| { ok: true; values: BookingValues; input: BookingInput }
	| { ok: false; errors: FieldError[]; input: BookingInput };

const text = (max: number) => z.string().max(max);
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;

/** A UK phone number in national format, or null if it is not one. */
export function normalisePhone(input: string): string | null {
	let digits = input.replace(/[\s\-().]/g, '');
	if (digits.startsWith('+44')) digits = `0${digits.slice(3)}`;
	else if (digits.startsWith('0044')) digits = `0${digits.slice(4)}`;
	if (!/^0\d{9,10}$/.test(digits)) return null;
	if (digits.startsWith('07') && digits.length === 11)
		return `${digits.slice(0, 5)} ${digits.slice(5)}`;
	if (digits.startsWith('01') || digits.startsWith('02')) {
		if (/^0(1\d1|11\d)/.test(digits) && digits.length === 11)
			return `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
		if (digits.startsWith('02') && digits.length === 11)
			return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
		return `${digits.slice(0, 5)} ${digits.slice(5)}`;
	}
	return `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
}

const schema = z.object({
	name: text(1000),
	email: text(1000),
	phone: text(1000),
	needs: text(10000),
	places: text(100),
	attendeeName: text(1000),
});

function field(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
}

/** Reads and checks a posted booking form. */
export function parseBookingForm(form: FormData, maxPlaces: number): BookingFormResult {
	const raw = schema.parse({
		name: field(form, 'name').slice(0, 1000),
		email: field(form, 'email').slice(0, 1000),
		phone: field(form, 'phone').slice(0, 1000),
		needs: field(form, 'needs').slice(0, 10000),
		places: field(form, 'places').slice(0, 100),
		attendeeName: field(form, 'attendeeName').slice(0, 1000),
	});
	const input: BookingInput = {
		...raw,
		forSomeoneElse: form.get('forSomeoneElse') === 'yes',
		wantsReminder: form.get('wantsReminder') === 'yes',
	};
	const errors: FieldError[] = [];
	if (input.name === '') errors.push({ field: 'name', message: 'Enter your name' });
	else if (input.name.length > 100)
		errors.push({ field: 'name', message: 'Name must be 100 characters or fewer' });
	if (input.email === '' && input.phone === '') {
		errors.push({
			field: 'contact',
			message:
				'Enter an email address or a phone number, so the hub can contact you about your booking',
		});
	}
	if (input.email !== '' && (input.email.length > 254 || !EMAIL.test(input.email))) {
		errors.push({
			field: 'email',
			message: 'Enter an email address in the correct format, like name@example.com',
		});
	}
	const phone = input.phone === '' ? null : normalisePhone(input.phone);
	if (input.phone !== '' && phone === null) {
		errors.push({
			field: 'phone',
			message: 'Enter a UK phone number, like 0141 496 0123 or 07700 900 123',
		});
	}
	const places = /^\d{1,3}$/.test(input.places) ? Number(input.places) : Number.NaN;
	if (!(places >= 1 && places <= maxPlaces)) {
		errors.push({
			field: 'places',
			message:
				maxPlaces === 1
					? 'You can book 1 place for this session'
					: `Enter a number of places from 1 to ${maxPlaces}`,
		});
	}
	if (input.forSomeoneElse && input.attendeeName === '') {
		errors.push({
			field: 'attendeeName',
			message: 'Enter the name of the person who will come to the session',
		});
	} else if (input.attendeeName.length > 100) {
		errors.push({ field: 'attendeeName', message: 'Name must be 100 characters or fewer' });
	}
	if (input.needs.length > 500)
		errors.push({
			field: 'needs',
			message: 'Access or support needs must be 500 characters or fewer',
		});
	if (errors.length) return { ok: false, errors, input };
	return {
		ok: true,
		input,
		values: {
			name: input.name,
			email: input.email === '' ? null : input.email,
			phone,
			needs: input.needs,
			places,
			forSomeoneElse: input.forSomeoneElse,
			attendeeName: input.forSomeoneElse ? input.attendeeName : null,
			wantsReminder: input.wantsReminder,
		},
	};
}
