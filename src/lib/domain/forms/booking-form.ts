/**
 * The booking form: one parser that turns posted fields into values or field errors. Messages
 * follow the GOV.UK error-message guidance: say what went wrong and how to fix it.
 * Phone numbers are kept in UK national format (e.g. 0141 496 0123) so they stay readable.
 */
import {
	blankOr,
	emailAddress,
	normalised,
	parseForm,
	required,
	text,
	wholeNumber,
	yes,
} from './schema.ts';

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

const CONTACT =
	'Enter an email address or a phone number, so the hub can contact you about your booking';

/** The fields of the form, in the order they appear on it ("contact" is the email-or-phone rule). */
const ORDER = ['name', 'contact', 'email', 'phone', 'places', 'attendeeName', 'needs'];

const makeFields = (maxPlaces: number) => ({
	name: required(100, 'Enter your name', 'Name'),
	email: blankOr(
		emailAddress('Enter an email address in the correct format, like name@example.com'),
		null,
	),
	phone: blankOr(
		normalised(normalisePhone, 'Enter a UK phone number, like 0141 496 0123 or 07700 900 123'),
		null,
	),
	places: wholeNumber(
		1,
		maxPlaces,
		maxPlaces === 1
			? 'You can book 1 place for this session'
			: `Enter a number of places from 1 to ${maxPlaces}`,
	),
	forSomeoneElse: yes,
	attendeeName: text(100, 'Name'),
	needs: text(500, 'Access or support needs'),
	wantsReminder: yes,
});

/** The fields for each most-places-a-booking (a zod schema is built once, then reused). */
const fieldsFor = new Map<number, ReturnType<typeof makeFields>>();
function fields(maxPlaces: number): ReturnType<typeof makeFields> {
	let f = fieldsFor.get(maxPlaces);
	if (!f) fieldsFor.set(maxPlaces, (f = makeFields(maxPlaces)));
	return f;
}

/** Reads and checks a posted booking form. */
export function parseBookingForm(form: FormData, maxPlaces: number): BookingFormResult {
	const r = parseForm(form, fields(maxPlaces), {
		order: ORDER,
		rules: (v, problem) => {
			if (v.email === null && v.phone === null) problem('contact', CONTACT);
			if (v.forSomeoneElse && v.attendeeName === '')
				problem('attendeeName', 'Enter the name of the person who will come to the session');
		},
	});
	const shown = (name: string) => String(r.input[name]).slice(0, 1000);
	const input: BookingInput = {
		name: shown('name'),
		email: shown('email'),
		phone: shown('phone'),
		needs: String(r.input['needs']).slice(0, 10000),
		places: shown('places'),
		attendeeName: shown('attendeeName'),
		forSomeoneElse: r.input['forSomeoneElse'] === 'yes',
		wantsReminder: r.input['wantsReminder'] === 'yes',
	};
	if (!r.ok) return { ok: false, errors: r.errors as FieldError[], input };
	const v = r.values;
	return {
		ok: true,
		input,
		values: {
			name: v.name,
			email: v.email,
			phone: v.phone,
			needs: v.needs,
			places: v.places,
			forSomeoneElse: v.forSomeoneElse,
			attendeeName: v.forSomeoneElse ? v.attendeeName : null,
			wantsReminder: v.wantsReminder,
		},
	};
}
