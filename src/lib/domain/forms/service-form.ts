/** The staff form for a service's public details. */
import { z } from 'zod';
import { contactFields, type FieldError } from './fields.ts';
import { blankOr, oneOf, parseForm, required, someOf, text, wholeNumber, yes } from './schema.ts';

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

const age = (words: string) =>
	blankOr(wholeNumber(0, 120, `Enter the ${words} as a whole number from 0 to 120`), null);

const serviceFields = (choices: ServiceChoices) => ({
	name: required(200, 'Enter the service’s name', 'The name'),
	summary: required(400, 'Enter a one-sentence summary of the service', 'The summary'),
	description: text(5000, 'The description'),
	whoItIsFor: text(1000, 'Who it is for'),
	minimumAge: age('youngest age'),
	maximumAge: age('oldest age'),
	isFree: z.string().transform((v) => v !== 'no'),
	costDescription: text(500, 'The cost'),
	referralNeeded: yes,
	referralDetails: text(1000, 'How to be referred'),
	...contactFields('service'),
	organisationId: oneOf(choices.organisationIds, 'Select the organisation that runs the service'),
	themeIds: someOf(choices.themeIds, 'Select themes from the list'),
	hubIds: someOf(choices.hubIds, 'Select hubs from the list'),
});

/** Reads the service form. Ages the form could not read are kept as typed, to show again. */
export function parseServiceForm(
	form: FormData,
	choices: ServiceChoices,
):
	| { ok: true; values: ServiceValues }
	| { ok: false; errors: FieldError[]; values: ServiceValues; typed: Record<string, string> } {
	const r = parseForm(form, serviceFields(choices), {
		lists: ['themeIds', 'hubIds'],
		rules: (v, problem) => {
			if (v.minimumAge != null && v.maximumAge != null && v.maximumAge < v.minimumAge)
				problem('maximumAge', 'The oldest age must be the same as or more than the youngest age');
			if (v.isFree === false && v.costDescription === '')
				problem('costDescription', 'Say what the service costs');
			if (v.referralNeeded && v.referralDetails === '')
				problem('referralDetails', 'Say how someone gets a referral');
			if (v.themeIds?.length === 0) problem('themeIds', 'Select at least one theme');
			if (v.hubIds?.length === 0)
				problem('hubIds', 'Select at least one hub where the service runs');
		},
	});
	if (r.ok) return { ok: true, values: r.values };
	const input = r.input as Record<keyof ServiceValues, string> & {
		themeIds: string[];
		hubIds: string[];
	};
	return {
		ok: false,
		errors: r.errors,
		values: {
			...input,
			minimumAge: r.values.minimumAge ?? null,
			maximumAge: r.values.maximumAge ?? null,
			isFree: input.isFree !== 'no',
			referralNeeded: input.referralNeeded === 'yes',
			themeIds: choices.themeIds.filter((id) => input.themeIds.includes(id)),
			hubIds: choices.hubIds.filter((id) => input.hubIds.includes(id)),
		},
		typed: { minimumAge: input.minimumAge, maximumAge: input.maximumAge },
	};
}
