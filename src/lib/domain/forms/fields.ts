/**
 * What the staff forms share: reading a posted form's text safely (trimmed, line endings made
 * plain, cut to a size) and the checks on contact details, each with the GOV.UK-style message.
 */
import { normalisePhone } from './booking-form.ts';

/** A problem with one field, shown in the error summary and beside the field. */
export interface FieldError {
	field: string;
	message: string;
}

/** Reads text fields from a posted form: missing or file values read as "". */
export function formText(form: FormData): (name: string, max: number) => string {
	return (name, max) => {
		const v = form.get(name);
		return typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim().slice(0, max) : '';
	};
}

/** The values of a multiple-choice field that are among `allowed`. */
export function formChoices<T extends string>(
	form: FormData,
	name: string,
	allowed: readonly T[],
): T[] {
	const all = new Set<string>(allowed);
	return [...new Set(form.getAll(name).filter((v): v is T => typeof v === 'string' && all.has(v)))];
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;
const WEBSITE = /^https?:\/\/[^\s<>"]+\.[^\s<>"]+$/;

/**
 * Checks the optional contact fields `phone`, `email` and `website` of `values` in place
 * (a phone number is rewritten in its national format) and adds a message for each that is wrong.
 */
export function checkContact(
	values: { phone: string; email: string; website: string },
	errors: FieldError[],
	what: string,
): void {
	if (values.phone !== '') {
		const phone = normalisePhone(values.phone);
		if (phone === null)
			errors.push({ field: 'phone', message: 'Enter a UK phone number, like 0141 496 0123' });
		else values.phone = phone;
	}
	if (values.email !== '' && !EMAIL.test(values.email))
		errors.push({
			field: 'email',
			message: `Enter an email address in the correct format, like ${what}@example.org`,
		});
	if (values.website !== '' && !WEBSITE.test(values.website))
		errors.push({ field: 'website', message: 'Enter a web address starting with https://' });
}

/** A whole number from `min` to `max` written in `text`, or null. */
export function wholeNumber(text: string, min: number, max: number): number | null {
	if (!/^\d{1,6}$/.test(text)) return null;
	const n = Number(text);
	return n >= min && n <= max ? n : null;
}

/** A web address for a name: lower case words joined by hyphens ("Elder Park Rooms" → "elder-park-rooms"). */
export function slugify(name: string): string {
	return (
		name
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/&/g, ' and ')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 80)
			.replace(/-+$/, '') || 'untitled'
	);
}
