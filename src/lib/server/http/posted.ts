/**
 * Reading what a request sends, for the request handlers and pages: a posted form checked field by
 * field against a schema (lib/domain/forms/schema.ts), a form whose buttons choose an action with
 * fields of its own, and query parameters that only choose what a page says (a confirmation).
 */
import type { z } from 'zod';
import {
	checkFields,
	cleanText,
	oneOf,
	readForm,
	type FieldError,
	type Input,
	type ParseOptions,
	type Problem,
	type Shape,
	type Values,
} from '../../domain/forms/schema.ts';

/** Reads a posted form, or null when the body is not a readable form (too big, wrong type, broken). */
export async function readPosted(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch {
		return null;
	}
}

/** How to read and check a posted form beyond its shape. */
export interface PostedOptions<S extends Shape> extends Omit<ParseOptions<S>, 'order'> {
	/** Fields read exactly as posted, not trimmed (passwords, pasted files). */
	raw?: readonly string[];
}

/** The outcome of checking a posted form: its values, or a message for each wrong field in form order. */
export type Checked<V> =
	{ ok: true; values: V; input: Input } | { ok: false; errors: FieldError[]; input: Input };

/** Reads the fields of `shape` from a posted form and checks each. */
export function checkPosted<S extends Shape>(
	form: FormData,
	shape: S,
	options: PostedOptions<S> = {},
): Checked<Values<S>> {
	const input = readForm(form, shape, options.lists);
	for (const name of options.raw ?? []) {
		const value = form.get(name);
		if (name in shape) input[name] = typeof value === 'string' ? value : '';
	}
	const checked = checkFields(input, shape, options.rules);
	return checked.ok
		? { ok: true, values: checked.values, input }
		: { ok: false, errors: checked.errors, input };
}

/** The fields of each action a form's buttons can post, keyed by the action's name. */
export type ActionShapes = Record<string, Shape>;

/** A form whose `action` field chooses what to do, each action with fields of its own. */
export interface Actions<M extends ActionShapes> {
	/** The schema of each action's fields. */
	fields: M;
	/** The message when the posted action is none of these. */
	unknown: string;
	/** Rules across fields, for the actions that have them. */
	rules?: { [A in keyof M]?: (values: Partial<Values<M[A]>>, problem: Problem) => void };
	/** Fields read exactly as posted, not trimmed. */
	raw?: readonly string[];
}

/** A checked action and its fields, told apart by `action`. */
export type ActionRequest<M extends ActionShapes> = {
	[A in keyof M & string]: { action: A } & Values<M[A]>;
}[keyof M & string];

/** Declares a form's actions (keeps the action names as types). */
export const actions = <M extends ActionShapes>(declared: Actions<M>): Actions<M> => declared;

/**
 * Checks the posted `action` against the declared ones, then that action's fields. An unknown action
 * is refused with `unknown` (as field `action`, with `action` null); nothing else is read.
 */
export function checkAction<M extends ActionShapes>(
	form: FormData,
	declared: Actions<M>,
):
	| { ok: true; request: ActionRequest<M>; input: Input }
	| { ok: false; action: (keyof M & string) | null; errors: FieldError[]; input: Input } {
	const names = Object.keys(declared.fields) as (keyof M & string)[];
	const chosen = oneOf(names, declared.unknown).safeParse(cleanText(form.get('action')));
	if (!chosen.success)
		return {
			ok: false,
			action: null,
			errors: [{ field: 'action', message: declared.unknown }],
			input: {},
		};
	const action = chosen.data;
	const options: PostedOptions<Shape> = {};
	if (declared.raw) options.raw = declared.raw;
	const rules = declared.rules?.[action];
	if (rules) options.rules = rules as NonNullable<PostedOptions<Shape>['rules']>;
	const checked = checkPosted(form, declared.fields[action]!, options);
	if (!checked.ok) return { ok: false, action, errors: checked.errors, input: checked.input };
	return {
		ok: true,
		request: { action, ...checked.values } as ActionRequest<M>,
		input: checked.input,
	};
}

/** A query parameter that passes `schema`, or null when it is missing or does not. */
export function param<T>(url: URL, name: string, schema: z.ZodType<T, string>): T | null {
	const value = url.searchParams.get(name);
	if (value === null) return null;
	const result = schema.safeParse(cleanText(value));
	return result.success ? result.data : null;
}

/** A query flag that is one of `allowed` (for example which confirmation to show), or null. */
export function flag<T extends string>(url: URL, name: string, allowed: readonly T[]): T | null {
	return param(url, name, oneOf(allowed, `Choose one of ${allowed.join(', ')}`));
}
