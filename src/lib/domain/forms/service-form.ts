/** The staff form for a service's public details. */
import { checkContact, formChoices, formText, wholeNumber, type FieldError } from './fields.ts';

/** A service's editable details. */
export interface ServiceValues {
	name: string;
	summary: string;
	description: string;
	whoItIsFor: string;
	minimumAge: number | null;
	maximumAge: number | null;
	isFree: boolean;
	costDescription: string;
	referralNeeded: boolean;
	referralDetails: string;
	phone: string;
	email: string;
	website: string;
	organisationId: string;
	themeIds: string[];
	hubIds: string[];
}

/** A new service's form, before anything is typed. */
export function emptyService(): ServiceValues {
	return {
		name: '',
		summary: '',
		description: '',
		whoItIsFor: '',
		minimumAge: null,
		maximumAge: null,
		isFree: true,
		costDescription: '',
		referralNeeded: false,
		referralDetails: '',
		phone: '',
		email: '',
		website: '',
		organisationId: '',
		themeIds: [],
		hubIds: [],
	};
}

/** Labels of the fields, in form order (also used for the audit trail's diff). */
export const SERVICE_FIELDS: Record<keyof ServiceValues, string> = {
	name: 'Name',
	summary: 'Summary',
	description: 'Description',
	whoItIsFor: 'Who it is for',
	minimumAge: 'Youngest age',
	maximumAge: 'Oldest age',
	isFree: 'Free',
	costDescription: 'Cost',
	referralNeeded: 'Referral needed',
	referralDetails: 'How to be referred',
	phone: 'Phone',
	email: 'Email',
	website: 'Website',
	organisationId: 'Run by',
	themeIds: 'Themes',
	hubIds: 'Hubs',
};

/** What the form may choose from. */
export interface ServiceChoices {
	organisationIds: readonly string[];
	themeIds: readonly string[];
	hubIds: readonly string[];
}

/** Reads the service form. Ages the form could not read are kept as typed, to show again. */
export function parseServiceForm(
	form: FormData,
	choices: ServiceChoices,
):
	| { ok: true; values: ServiceValues }
	| { ok: false; errors: FieldError[]; values: ServiceValues; typed: Record<string, string> } {
	const get = formText(form);
	const errors: FieldError[] = [];
	const ageErrors: FieldError[] = [];
	const typed = { minimumAge: get('minimumAge', 10), maximumAge: get('maximumAge', 10) };
	const age = (field: 'minimumAge' | 'maximumAge', words: string) => {
		if (typed[field] === '') return null;
		const n = wholeNumber(typed[field], 0, 120);
		if (n === null)
			ageErrors.push({ field, message: `Enter the ${words} as a whole number from 0 to 120` });
		return n;
	};
	const values: ServiceValues = {
		name: get('name', 200),
		summary: get('summary', 400),
		description: get('description', 5000),
		whoItIsFor: get('whoItIsFor', 1000),
		minimumAge: age('minimumAge', 'youngest age'),
		maximumAge: age('maximumAge', 'oldest age'),
		isFree: form.get('isFree') !== 'no',
		costDescription: get('costDescription', 500),
		referralNeeded: form.get('referralNeeded') === 'yes',
		referralDetails: get('referralDetails', 1000),
		phone: get('phone', 40),
		email: get('email', 254),
		website: get('website', 300),
		organisationId: get('organisationId', 64),
		themeIds: formChoices(form, 'themeIds', choices.themeIds),
		hubIds: formChoices(form, 'hubIds', choices.hubIds),
	};
	if (values.name === '') errors.push({ field: 'name', message: 'Enter the service’s name' });
	if (values.summary === '')
		errors.push({ field: 'summary', message: 'Enter a one-sentence summary of the service' });
	errors.push(...ageErrors);
	if (
		values.minimumAge !== null &&
		values.maximumAge !== null &&
		values.maximumAge < values.minimumAge
	)
		errors.push({
			field: 'maximumAge',
			message: 'The oldest age must be the same as or more than the youngest age',
		});
	if (!values.isFree && values.costDescription === '')
		errors.push({ field: 'costDescription', message: 'Say what the service costs' });
	if (values.referralNeeded && values.referralDetails === '')
		errors.push({ field: 'referralDetails', message: 'Say how someone gets a referral' });
	checkContact(values, errors, 'service');
	if (!choices.organisationIds.includes(values.organisationId))
		errors.push({
			field: 'organisationId',
			message: 'Select the organisation that runs the service',
		});
	if (values.themeIds.length === 0)
		errors.push({ field: 'themeIds', message: 'Select at least one theme' });
	if (values.hubIds.length === 0)
		errors.push({ field: 'hubIds', message: 'Select at least one hub where the service runs' });
	return errors.length ? { ok: false, errors, values, typed } : { ok: true, values };
}
