/**
 * The staff form for a hub's public details. Checks values as the rest of the site does: UK
 * postcode, email, web address, UK phone (kept in national format), known area and features.
 */
import { isAccessFeature, type AccessFeature } from '../directory/access.ts';
import { normalisePhone } from './booking-form.ts';

/** A hub's editable details. */
export interface HubValues {
	name: string;
	summary: string;
	description: string;
	addressLine1: string;
	addressLine2: string;
	town: string;
	postcode: string;
	areaId: string;
	phone: string;
	email: string;
	website: string;
	howToGetThere: string;
	languages: string;
	accessFeatures: AccessFeature[];
}

/** Labels of the fields, in form order (also used for the audit trail's diff). */
export const HUB_FIELDS: Record<keyof HubValues, string> = {
	name: 'Name',
	summary: 'Summary',
	description: 'Description',
	addressLine1: 'Address line 1',
	addressLine2: 'Address line 2',
	town: 'Town or city',
	postcode: 'Postcode',
	areaId: 'Area',
	phone: 'Phone',
	email: 'Email',
	website: 'Website',
	howToGetThere: 'How to get there',
	languages: 'Languages spoken besides English',
	accessFeatures: 'Accessibility',
};

const POSTCODE =
	/^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPS-UW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})$/i;
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;

/** A UK postcode in its standard form (upper case, one space), or null. */
export function normalisePostcode(input: string): string | null {
	const compact = input.toUpperCase().replace(/\s+/g, '');
	if (!POSTCODE.test(compact)) return null;
	return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** Reads the hub form; `areaIds` are the known areas. */
export function parseHubForm(
	form: FormData,
	areaIds: readonly string[],
):
	| { ok: true; values: HubValues }
	| { ok: false; errors: { field: string; message: string }[]; values: HubValues } {
	const get = (name: string, max: number) => {
		const v = form.get(name);
		return typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim().slice(0, max) : '';
	};
	const values: HubValues = {
		name: get('name', 200),
		summary: get('summary', 400),
		description: get('description', 5000),
		addressLine1: get('addressLine1', 200),
		addressLine2: get('addressLine2', 200),
		town: get('town', 100),
		postcode: get('postcode', 20),
		areaId: get('areaId', 64),
		phone: get('phone', 40),
		email: get('email', 254),
		website: get('website', 300),
		howToGetThere: get('howToGetThere', 1000),
		languages: get('languages', 300),
		accessFeatures: form
			.getAll('accessFeatures')
			.filter((f): f is AccessFeature => typeof f === 'string' && isAccessFeature(f)),
	};
	const errors: { field: string; message: string }[] = [];
	if (values.name === '') errors.push({ field: 'name', message: 'Enter the hub’s name' });
	if (values.summary === '')
		errors.push({
			field: 'summary',
			message: 'Enter a one-sentence summary of what the hub offers',
		});
	if (values.addressLine1 === '')
		errors.push({ field: 'addressLine1', message: 'Enter the first line of the address' });
	if (values.town === '') errors.push({ field: 'town', message: 'Enter the town or city' });
	const postcode = normalisePostcode(values.postcode);
	if (postcode === null)
		errors.push({ field: 'postcode', message: 'Enter a real UK postcode, like G51 3QX' });
	else values.postcode = postcode;
	if (!areaIds.includes(values.areaId))
		errors.push({ field: 'areaId', message: 'Select the area the hub is in' });
	if (values.phone !== '') {
		const phone = normalisePhone(values.phone);
		if (phone === null)
			errors.push({ field: 'phone', message: 'Enter a UK phone number, like 0141 496 0123' });
		else values.phone = phone;
	}
	if (values.email !== '' && !EMAIL.test(values.email))
		errors.push({
			field: 'email',
			message: 'Enter an email address in the correct format, like hub@example.org',
		});
	if (values.website !== '' && !/^https?:\/\/[^\s<>"]+\.[^\s<>"]+$/.test(values.website))
		errors.push({ field: 'website', message: 'Enter a web address starting with https://' });
	return errors.length ? { ok: false, errors, values } : { ok: true, values };
}
