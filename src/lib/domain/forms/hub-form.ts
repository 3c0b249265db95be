/**
 * The staff form for a hub's public details. Checks values as the rest of the site does: UK
 * postcode, email, web address, UK phone (kept in national format), known area and features.
 */
import { ACCESS_FEATURES, type AccessFeature } from '../directory/access.ts';
import { parseDayHours, type OpeningPeriod } from '../directory/opening-hours.ts';
import { WEEKDAYS } from '../time.ts';
import { checkContact, formChoices, formText, type FieldError } from './fields.ts';

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
	organisationId: string;
	openingHours: OpeningPeriod[];
}

/** A new hub's form, before anything is typed. */
export function emptyHub(): HubValues {
	return {
		name: '',
		summary: '',
		description: '',
		addressLine1: '',
		addressLine2: '',
		town: 'Glasgow',
		postcode: '',
		areaId: '',
		phone: '',
		email: '',
		website: '',
		howToGetThere: '',
		languages: '',
		accessFeatures: [],
		organisationId: '',
		openingHours: [],
	};
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
	organisationId: 'Run by',
	openingHours: 'Opening hours',
};

const POSTCODE =
	/^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPS-UW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})$/i;

/** A UK postcode in its standard form (upper case, one space), or null. */
export function normalisePostcode(input: string): string | null {
	const compact = input.toUpperCase().replace(/\s+/g, '');
	if (!POSTCODE.test(compact)) return null;
	return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/**
 * Reads the hub form; `areaIds` and `organisationIds` are the ones that exist. On failure, the
 * opening hours as typed come back too, to show again.
 */
export function parseHubForm(
	form: FormData,
	areaIds: readonly string[],
	organisationIds: readonly string[],
):
	| { ok: true; values: HubValues }
	| { ok: false; errors: FieldError[]; values: HubValues; typed: Record<string, string> } {
	const get = formText(form);
	const errors: FieldError[] = [];
	const openingHours: OpeningPeriod[] = [];
	const typed: Record<string, string> = {};
	for (const day of WEEKDAYS) {
		const text = get(`hours-${day.number}`, 200);
		typed[`hours-${day.number}`] = text;
		const hours = parseDayHours(text);
		if (hours.ok) openingHours.push(...hours.periods.map((p) => ({ weekday: day.number, ...p })));
		else errors.push({ field: `hours-${day.number}`, message: `${day.name}: ${hours.message}` });
	}
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
		accessFeatures: formChoices(
			form,
			'accessFeatures',
			ACCESS_FEATURES.map((f) => f.code),
		),
		organisationId: get('organisationId', 64),
		openingHours,
	};
	const before: FieldError[] = [];
	if (values.name === '') before.push({ field: 'name', message: 'Enter the hub’s name' });
	if (values.summary === '')
		before.push({
			field: 'summary',
			message: 'Enter a one-sentence summary of what the hub offers',
		});
	if (values.addressLine1 === '')
		before.push({ field: 'addressLine1', message: 'Enter the first line of the address' });
	if (values.town === '') before.push({ field: 'town', message: 'Enter the town or city' });
	const postcode = normalisePostcode(values.postcode);
	if (postcode === null)
		before.push({ field: 'postcode', message: 'Enter a real UK postcode, like G51 3QX' });
	else values.postcode = postcode;
	if (!areaIds.includes(values.areaId))
		before.push({ field: 'areaId', message: 'Select the area the hub is in' });
	if (!organisationIds.includes(values.organisationId))
		before.push({ field: 'organisationId', message: 'Select the organisation that runs the hub' });
	checkContact(values, before, 'hub');
	errors.unshift(...before);
	return errors.length ? { ok: false, errors, values, typed } : { ok: true, values };
}
