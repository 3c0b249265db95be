/**
 * Validation against the Open Referral UK 3.0 JSON Schemas (draft 2020-12, copied into
 * tests/fixtures/oruk-3.0 with their licence). The compiled schemas carry keywords of the data
 * package format (name, path, constraints...), so ajv runs with `strict: false`. The Page wrapper
 * and `GET /` are described only in the OpenAPI document, whose `$ref`s point off this machine,
 * so they are checked by our own assertions against the shapes it gives.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { expect } from 'vitest';
import { ROOT } from './temp-db.ts';

const DIR = path.join(ROOT, 'tests/fixtures/oruk-3.0');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as object;

const ajv = new Ajv2020({ strict: false, allErrors: true });
const addFormats = addFormatsModule as unknown as (a: Ajv2020) => void;
addFormats(ajv);
for (const file of ['taxonomy_term.json', 'taxonomy.json'])
	ajv.addSchema({ ...read(`schema/${file}`), $id: `https://schemas.invalid/oruk/${file}` });

const validators = new Map<string, ValidateFunction>();

/** The schemas responses are checked against. */
export type SchemaName =
	| 'compiled/service'
	| 'compiled/service_list'
	| 'compiled/service_at_location'
	| 'compiled/service_at_location_list'
	| 'compiled/organization_package'
	| 'taxonomy'
	| 'taxonomy_term';

function validator(name: SchemaName): ValidateFunction {
	let v = validators.get(name);
	if (!v) {
		v = name.startsWith('compiled/')
			? ajv.compile(read(`schema/${name}.json`))
			: ajv.getSchema(`https://schemas.invalid/oruk/${name}.json`)!;
		validators.set(name, v);
	}
	return v;
}

/** Asserts that a value validates against an ORUK schema, showing ajv's errors if not. */
export function expectValid(name: SchemaName, value: unknown, what: string = name): void {
	const v = validator(name);
	const ok = v(value);
	expect(ok ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`), what).toEqual([]);
}

/** The OpenAPI document's Page schema. */
const openapi = read('schema/openapi.json') as {
	components: { schemas: { Page: { properties: Record<string, { type: string }> } } };
	paths: Record<string, { get: { responses: Record<string, unknown> } }>;
};

/** Asserts the Page wrapper's shape (every property of the OpenAPI Page with its type) and its invariants. */
export function expectPage(
	body: unknown,
	perPage: number,
): {
	contents: unknown[];
	total_items: number;
	total_pages: number;
	page_number: number;
	last_page: boolean;
} {
	const page = body as Record<string, unknown>;
	for (const [key, schema] of Object.entries(openapi.components.schemas.Page.properties)) {
		const type = schema.type === 'integer' ? 'number' : schema.type;
		expect(typeof page[key], `Page.${key}`).toBe(type);
		if (schema.type === 'integer') expect(Number.isInteger(page[key]), `Page.${key}`).toBe(true);
	}
	expect(Array.isArray(page['contents'])).toBe(true);
	const contents = page['contents'] as unknown[];
	const n = page['page_number'] as number;
	const total = page['total_items'] as number;
	const pages = page['total_pages'] as number;
	expect(page['size']).toBe(contents.length);
	expect(contents.length).toBeLessThanOrEqual(perPage);
	expect(pages).toBe(Math.ceil(total / perPage));
	expect(page['first_page']).toBe(n === 1);
	expect(page['last_page']).toBe(n >= pages);
	expect(page['empty']).toBe(contents.length === 0);
	if (n < pages) expect(contents.length).toBe(perPage);
	if (n === pages) expect(contents.length).toBe(total - (pages - 1) * perPage);
	return page as ReturnType<typeof expectPage>;
}

/** The properties the OpenAPI document gives `GET /`, with their types and formats. */
export function apiInfoShape(): Record<string, { type: string; format?: string }> {
	const get = openapi.paths['/']!.get.responses['200'] as {
		content: {
			'application/json': {
				schema: { properties: Record<string, { type: string; format?: string }> };
			};
		};
	};
	return get.content['application/json'].schema.properties;
}

/** An ORUK example payload, as copied. */
export function example(file: string): unknown {
	return read(`examples/${file}`);
}
