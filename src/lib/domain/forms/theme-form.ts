/** The staff forms for themes and for organisations, which are published as soon as they are saved. */
import { contactFields, type FieldError } from './fields.ts';
import { blankOr, parseForm, required, text, wholeNumber, yes } from './schema.ts';

/** A theme's editable details. */
export interface ThemeValues {
	name: string;
	summary: string;
	description: string;
	sensitive: boolean;
	sortOrder: number;
}

/** Labels of a theme's fields, for the audit trail's diff. */
export const THEME_FIELDS: Record<keyof ThemeValues, string> = {
	name: 'Name',
	summary: 'Summary',
	description: 'Description',
	sensitive: 'Shows “leave this site quickly”',
	sortOrder: 'Position in lists',
};

const THEME = {
	name: required(100, 'Enter the theme’s name', 'The name'),
	summary: required(400, 'Enter a one-sentence summary of the theme', 'The summary'),
	description: required(5000, 'Enter a description of the theme', 'The description'),
	sensitive: yes,
	sortOrder: blankOr(wholeNumber(0, 999, 'Enter the position as a whole number from 0 to 999'), 0),
};

/** Reads the theme form. */
export function parseThemeForm(
	form: FormData,
): { ok: true; values: ThemeValues } | { ok: false; errors: FieldError[]; values: ThemeValues } {
	const r = parseForm(form, THEME);
	if (r.ok) return { ok: true, values: r.values };
	const typed = r.input as Record<keyof typeof THEME, string>;
	return {
		ok: false,
		errors: r.errors,
		values: { ...typed, sensitive: typed.sensitive === 'yes', sortOrder: r.values.sortOrder ?? 0 },
	};
}

/** An organisation's editable details. */
export interface OrganisationValues {
	name: string;
	description: string;
	website: string;
	email: string;
	phone: string;
}

/** Labels of an organisation's fields, for the audit trail's diff. */
export const ORGANISATION_FIELDS: Record<keyof OrganisationValues, string> = {
	name: 'Name',
	description: 'Description',
	website: 'Website',
	email: 'Email',
	phone: 'Phone',
};

const ORGANISATION = {
	name: required(200, 'Enter the organisation’s name', 'The name'),
	description: text(5000, 'The description'),
	...contactFields('office'),
};

/** Reads the organisation form. */
export function parseOrganisationForm(
	form: FormData,
):
	| { ok: true; values: OrganisationValues }
	| { ok: false; errors: FieldError[]; values: OrganisationValues } {
	const r = parseForm(form, ORGANISATION);
	return r.ok
		? { ok: true, values: r.values }
		: {
				ok: false,
				errors: r.errors,
				values: { ...(r.input as Record<keyof OrganisationValues, string>), ...r.values },
			};
}
