/**
 * The staff form for a hub's public details. Checks values as the rest of the site does: UK
 * postcode, email, web address, UK phone (kept in national format), known area and features.
 */
import { ACCESS_FEATURES, type AccessFeature } from '../directory/access.ts';
import { parseDayHours, type OpeningPeriod } from '../directory/opening-hours.ts';
import { WEEKDAYS } from '../time.ts';
import { contactFields, type FieldError } from './fields.ts';
import { normalised, oneOf, parseForm, required, someOf, text } from './schema.ts';
import { z } from 'zod';

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

/** A day's opening hours as typed ("9:30 to 12:30, 13:30 to 16:00"), read into periods. */
const dayHours = (day: (typeof WEEKDAYS)[number]) =>
	z.string().transform((typed, ctx) => {
		const hours = typed.length > 200 ? null : parseDayHours(typed);
		if (hours?.ok) return hours.periods.map((p) => ({ weekday: day.number, ...p }));
		ctx.addIssue({
			code: 'custom',
			message: `${day.name}: ${hours ? hours.message : 'Write the hours in 200 characters or fewer'}`,
		});
		return z.NEVER;
	});

const hubFields = (areaIds: readonly string[], organisationIds: readonly string[]) => ({
	name: required(200, 'Enter the hub’s name', 'The name'),
	summary: required(400, 'Enter a one-sentence summary of what the hub offers', 'The summary'),
	description: text(5000, 'The description'),
	addressLine1: required(200, 'Enter the first line of the address', 'Address line 1'),
	addressLine2: text(200, 'Address line 2'),
	town: required(100, 'Enter the town or city', 'The town or city'),
	postcode: normalised(normalisePostcode, 'Enter a real UK postcode, like G51 3QX'),
	areaId: oneOf(areaIds, 'Select the area the hub is in'),
	organisationId: oneOf(organisationIds, 'Select the organisation that runs the hub'),
	...contactFields('hub'),
	howToGetThere: text(1000, 'How to get there'),
	languages: text(300, 'Languages'),
	accessFeatures: someOf(
		ACCESS_FEATURES.map((f) => f.code),
		'Select accessibility features from the list',
	),
	...Object.fromEntries(WEEKDAYS.map((day) => [`hours-${day.number}`, dayHours(day)])),
});

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
	const r = parseForm(form, hubFields(areaIds, organisationIds), { lists: ['accessFeatures'] });
	const hours = r.values as Record<string, OpeningPeriod[] | undefined>;
	const openingHours = WEEKDAYS.flatMap((day) => hours[`hours-${day.number}`] ?? []);
	const { accessFeatures, ...typed } = r.input as Record<string, string> & {
		accessFeatures: string[];
	};
	const values = (source: Record<string, unknown>): HubValues => {
		const v = source as Record<keyof HubValues, string>;
		return {
			name: v.name,
			summary: v.summary,
			description: v.description,
			addressLine1: v.addressLine1,
			addressLine2: v.addressLine2,
			town: v.town,
			postcode: v.postcode,
			areaId: v.areaId,
			phone: v.phone,
			email: v.email,
			website: v.website,
			howToGetThere: v.howToGetThere,
			languages: v.languages,
			accessFeatures: ACCESS_FEATURES.map((f) => f.code).filter((c) =>
				(source['accessFeatures'] as string[]).includes(c),
			),
			organisationId: v.organisationId,
			openingHours,
		};
	};
	if (r.ok) return { ok: true, values: values(r.values) };
	const hoursTyped = Object.fromEntries(
		WEEKDAYS.map((day) => [`hours-${day.number}`, typed[`hours-${day.number}`] ?? '']),
	);
	return {
		ok: false,
		errors: r.errors,
		values: values({ ...typed, ...r.values, accessFeatures }),
		typed: hoursTyped,
	};
}
