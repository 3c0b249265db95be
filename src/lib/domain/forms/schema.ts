/**
 * Every form and query parameter is checked at the boundary with one schema library (zod), field by
 * field: sizes, formats and choices, each with the GOV.UK-style message shown beside the field.
 *
 * A posted form is first read as text (`readForm`: missing or file values read as "", line endings
 * made plain, trimmed; list fields as lists). Each field is then checked on its own, so every wrong
 * field gets its message at once, in form order; rules across fields (an end after a start) run on
 * the fields that passed, and name the field they are about.
 */
import { z } from 'zod';
import { isCalendarDate } from '../time.ts';

/** A problem with one field, shown in the error summary and beside the field. */
export interface FieldError {
	field: string;
	message: string;
}

/** The schema of each field of a form. */
export type Shape = Record<string, z.ZodType>;
/** A form's values once every field has passed. */
export type Values<S extends Shape> = { [K in keyof S]: z.output<S[K]> };
/** What a form posted: the text of each field, or a list for list fields. */
export type Input = Record<string, string | string[]>;

/** Text as posted: line endings made plain and spaces trimmed; anything else reads as "". */
export function cleanText(value: unknown): string {
	return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
}

/** Reads the fields of `shape` from a posted form (or query string); `lists` are read as lists. */
export function readForm(
	form: FormData | URLSearchParams,
	shape: Shape,
	lists: readonly string[] = [],
): Input {
	const input: Input = {};
	for (const name of Object.keys(shape))
		input[name] = lists.includes(name)
			? form
					.getAll(name)
					.filter((v): v is string => typeof v === 'string')
					.map(cleanText)
			: cleanText(form.get(name));
	return input;
}

/** Adds a problem to one field; used by rules across fields. */
export type Problem = (field: string, message: string) => void;

/**
 * Checks `input` against `shape`, field by field, then `rules` on the fields that passed (a field
 * that failed is undefined there). Problems come back in the order of `order` (by default the
 * shape's), and a field that failed its own check is not given a second message by a rule.
 */
export function checkFields<S extends Shape>(
	input: Record<string, unknown>,
	shape: S,
	rules?: (values: Partial<Values<S>>, problem: Problem) => void,
	order: readonly string[] = Object.keys(shape),
):
	| { ok: true; values: Values<S> }
	| { ok: false; values: Partial<Values<S>>; errors: FieldError[] } {
	const values: Record<string, unknown> = {};
	const errors: FieldError[] = [];
	for (const [name, schema] of Object.entries(shape)) {
		const result = schema.safeParse(input[name]);
		if (result.success) values[name] = result.data;
		else errors.push({ field: name, message: result.error.issues[0]?.message ?? 'Check this' });
	}
	rules?.(values as Partial<Values<S>>, (field, message) => {
		if (!errors.some((e) => e.field === field)) errors.push({ field, message });
	});
	if (errors.length === 0) return { ok: true, values: values as Values<S> };
	const rank = (field: string) => {
		const i = order.indexOf(field);
		return i === -1 ? order.length : i;
	};
	errors.sort((a, b) => rank(a.field) - rank(b.field));
	return { ok: false, values: values as Partial<Values<S>>, errors };
}

/** How to read and check a form beyond its shape. */
export interface ParseOptions<S extends Shape> {
	/** Fields sent several times (ticked boxes), read as lists. */
	lists?: readonly string[];
	/** Rules across fields, run on the fields that passed. */
	rules?: (values: Partial<Values<S>>, problem: Problem) => void;
	/** The order problems are listed in (by default the shape's). */
	order?: readonly string[];
}

/** Reads a form and checks it: `readForm` then `checkFields`. */
export function parseForm<S extends Shape>(
	form: FormData | URLSearchParams,
	shape: S,
	options: ParseOptions<S> = {},
):
	| { ok: true; values: Values<S>; input: Input }
	| { ok: false; values: Partial<Values<S>>; errors: FieldError[]; input: Input } {
	const input = readForm(form, shape, options.lists);
	return { ...checkFields(input, shape, options.rules, options.order), input };
}

// The field schemas. Each takes the (already cleaned) text of one field.

/** Optional text of at most `max` characters. */
export const text = (max: number, label: string) =>
	z.string().max(max, `${label} must be ${max} characters or fewer`);

/** Text that must be given, of at most `max` characters. */
export const required = (max: number, missing: string, label: string) =>
	text(max, label).min(1, missing);

/** One of a fixed or known set of values. */
export const oneOf = <const T extends string>(values: readonly T[], message: string) =>
	z.string().refine((v): v is T => (values as readonly string[]).includes(v), message) as z.ZodType<
		T,
		string
	>;

/** Any number of values from a known set (ticked boxes), without repeats. */
export const someOf = <const T extends string>(
	values: readonly T[],
	message: string,
	most = 1000,
) =>
	z
		.array(z.string())
		.max(most, message)
		.refine((vs) => vs.every((v) => (values as readonly string[]).includes(v)), message)
		.transform((vs) => [...new Set(vs)] as T[]);

/** A whole number from `min` to `max`. */
export const wholeNumber = (min: number, max: number, message: string) =>
	z
		.string()
		.regex(/^\d{1,6}$/, message)
		.transform(Number)
		.pipe(z.number().min(min, message).max(max, message));

/** A ticked box or a yes/no radio: "yes" is true, anything else false. */
export const yes = z.string().transform((v) => v === 'yes');

/** A real date written YYYY-MM-DD. */
export const calendarDate = (message: string) => z.string().refine(isCalendarDate, message);

/** A time of day written HH:MM (24-hour). */
export const clockTime = (message: string) =>
	z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, message);

/** An id or one-time token as the site makes them (letters, digits, - and _). */
export const token = (max: number, message: string) =>
	z.string().regex(new RegExp(`^[A-Za-z0-9_-]{1,${max}}$`), message);

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;
const WEBSITE = /^https?:\/\/[^\s<>"]+\.[^\s<>"]+$/;

/** An email address (at most 254 characters). */
export const emailAddress = (message: string) => z.string().max(254, message).regex(EMAIL, message);

/** A web address starting http:// or https:// (at most 300 characters). */
export const webAddress = (message: string) => z.string().max(300, message).regex(WEBSITE, message);

/** Text rewritten by `normalise`, which gives null for text that is not right. */
export const normalised = (normalise: (text: string) => string | null, message: string) =>
	z.string().transform((v, ctx) => {
		const out = v.length > 1000 ? null : normalise(v);
		if (out === null) {
			ctx.addIssue({ code: 'custom', message });
			return z.NEVER;
		}
		return out;
	});

/** A field that may be left empty (read as `empty`), or else must pass `schema`. */
export const blankOr = <O, E>(schema: z.ZodType<O, string>, empty: E) =>
	z.string().transform((v, ctx): O | E => {
		if (v === '') return empty;
		const result = schema.safeParse(v);
		if (result.success) return result.data;
		ctx.addIssue({ code: 'custom', message: result.error.issues[0]?.message ?? 'Check this' });
		return z.NEVER;
	});
