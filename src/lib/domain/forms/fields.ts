/** What the staff forms share: the contact fields' schemas, and web addresses made from names. */
import { normalisePhone } from './booking-form.ts';
import { blankOr, emailAddress, normalised, webAddress } from './schema.ts';

export type { FieldError } from './schema.ts';

/**
 * The optional contact fields `phone`, `email` and `website` (a phone number is kept in its
 * national format); `what` names the example address ("hub" gives hub@example.org).
 */
export function contactFields(what: string) {
	return {
		phone: blankOr(normalised(normalisePhone, 'Enter a UK phone number, like 0141 496 0123'), ''),
		email: blankOr(
			emailAddress(`Enter an email address in the correct format, like ${what}@example.org`),
			'',
		),
		website: blankOr(webAddress('Enter a web address starting with https://'), ''),
	};
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
