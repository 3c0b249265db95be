/**
 * Query-string parameters, checked with the same schema library as forms (see schema.ts).
 *
 * Two readings. The public filters (hub search, session list, insights) are lenient: each
 * parameter's schema says what it falls back to when it is missing or does not pass (`orElse`),
 * so a search page always answers. The APIs are strict (`parseStrictQuery`): a parameter that
 * does not pass is refused, with a message that names it and quotes what was sent.
 *
 * Only the first value of a parameter sent more than once is read, except for list parameters.
 */
import { z } from 'zod';
import { WEEKDAYS, type Weekday } from '../time.ts';
import {
	checkFields,
	readForm,
	type Input,
	type ParseOptions,
	type Shape,
	type Values,
} from './schema.ts';

/** A URL slug as the site makes them (hubs, themes, areas). */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,80}$/;

/** The longest value quoted back in a message. */
const MAX_QUOTED = 100;

/**
 * A lenient parameter: missing, or a value that does not pass `schema`, reads as `fallback`.
 * (A `catch` whose fallback may be of another type than the schema's values, such as null.)
 */
export const orElse = <O, I, F>(schema: z.ZodType<O, I>, fallback: F) =>
	(schema as z.ZodType<O | F, I>).catch(fallback);

/** A slug, or null when missing or malformed. */
export const slugOrNull = orElse(z.string().regex(SLUG), null);

const WEEKDAY_BY_SLUG = new Map<string, Weekday>(WEEKDAYS.map((d) => [d.slug, d.number]));

/** A weekday by its URL slug ("monday"), as its ISO number; null when missing or unknown. */
export const weekdayOrNull = orElse(
	z
		.enum(WEEKDAYS.map((d) => d.slug) as [string, ...string[]])
		.transform((slug) => WEEKDAY_BY_SLUG.get(slug)!),
	null,
);

/** Text cut to at most `max` UTF-16 units, never in the middle of a character written as two. */
export const cut = (text: string, max: number) =>
	text.length > max ? text.slice(0, max).replace(/[\uD800-\uDBFF]$/, '') : text;

/** Free text for a search: runs of spaces made one, and cut to at most `max` characters. */
export const searchText = (max: number) =>
	orElse(
		z.string().transform((v) => cut(v.replace(/\s+/g, ' ').trim(), max)),
		'',
	);

/** Each shape's object schema, made once (zod compiles an object schema on its first use). */
const objects = new WeakMap<Shape, z.ZodType>();

/** Reads query parameters leniently: every field of `shape` must have a fallback (`orElse`). */
export function parseLenientQuery<S extends Shape>(
	params: URLSearchParams,
	shape: S,
	lists: readonly string[] = [],
): Values<S> {
	let schema = objects.get(shape);
	if (!schema) objects.set(shape, (schema = z.object(shape)));
	return schema.parse(readForm(params, shape, lists)) as Values<S>;
}

/**
 * Reads the parameters of `shape` as they were sent: the first value of each ("" when missing),
 * or every value of `lists`. Unlike `readForm`, nothing is trimmed: a strict API checks (and
 * quotes back) exactly what it was sent.
 */
export function readQuery(
	params: URLSearchParams,
	shape: Shape,
	lists: readonly string[] = [],
): Input {
	const input: Input = {};
	for (const name of Object.keys(shape))
		input[name] = lists.includes(name) ? params.getAll(name) : (params.get(name) ?? '');
	return input;
}

/** A value sent, quoted for a message, and cut short when long. */
export function quoted(value: unknown): string {
	const text = String(value);
	return `"${text.length > MAX_QUOTED ? `${cut(text, MAX_QUOTED)}…` : text}"`;
}

/** A message that quotes the value sent: `says((v) => \`page must be …, not ${v}.\`)`. */
export const says = (message: (value: string) => string) => ({
	error: (issue: { input?: unknown }) => message(quoted(issue.input)),
});

/**
 * Reads query parameters strictly: every field of `shape` is checked, then `rules` across fields;
 * the first problem, in the order of `order` (by default the shape's), is what is wrong.
 */
export function parseStrictQuery<S extends Shape>(
	params: URLSearchParams,
	shape: S,
	options: ParseOptions<S> = {},
): { ok: true; values: Values<S> } | { ok: false; message: string } {
	const input = readQuery(params, shape, options.lists);
	const result = checkFields(input, shape, options.rules, options.order);
	return result.ok ? result : { ok: false, message: result.errors[0]!.message };
}
