/** The staff forms for themes and for organisations, which are published as soon as they are saved. */
import { checkContact, formText, wholeNumber, type FieldError } from './fields.ts';

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

/** Reads the theme form. */
export function parseThemeForm(
	form: FormData,
): { ok: true; values: ThemeValues } | { ok: false; errors: FieldError[]; values: ThemeValues } {
	const get = formText(form);
	const errors: FieldError[] = [];
	const order = get('sortOrder', 10);
	const sortOrder = order === '' ? 0 : wholeNumber(order, 0, 999);
	const values: ThemeValues = {
		name: get('name', 100),
		summary: get('summary', 400),
		description: get('description', 5000),
		sensitive: form.get('sensitive') === 'yes',
		sortOrder: sortOrder ?? 0,
	};
	if (values.name === '') errors.push({ field: 'name', message: 'Enter the theme’s name' });
	if (values.summary === '')
		errors.push({ field: 'summary', message: 'Enter a one-sentence summary of the theme' });
	if (values.description === '')
		errors.push({ field: 'description', message: 'Enter a description of the theme' });
	if (sortOrder === null)
		errors.push({
			field: 'sortOrder',
			message: 'Enter the position as a whole number from 0 to 999',
		});
	return errors.length ? { ok: false, errors, values } : { ok: true, values };
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

/** Reads the organisation form. */
export function parseOrganisationForm(
	form: FormData,
):
	| { ok: true; values: OrganisationValues }
	| { ok: false; errors: FieldError[]; values: OrganisationValues } {
	const get = formText(form);
	const values: OrganisationValues = {
		name: get('name', 200),
		description: get('description', 5000),
		website: get('website', 300),
		email: get('email', 254),
		phone: get('phone', 40),
	};
	const errors: FieldError[] = [];
	if (values.name === '') errors.push({ field: 'name', message: 'Enter the organisation’s name' });
	checkContact(values, errors, 'office');
	return errors.length ? { ok: false, errors, values } : { ok: true, values };
}
