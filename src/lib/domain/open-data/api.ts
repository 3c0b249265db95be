/**
 * The Open Referral UK API's reading of a request: paging, the filters on services and on services
 * at hubs (all combined with AND), and the `Page` wrapper. Pure: the routes hand over the query
 * string and the published directory, and get back a status and a JSON body.
 *
 * Filters, as the OpenAPI document describes them: `search` (every word, as a word or the start
 * of one, in the service's name, description, who it is for, themes or organisation, and for a
 * service at a hub the hub's name, area and postcode); `taxonomy_term_id` (a theme);
 * `taxonomy_id` (services with any term of that taxonomy); `day`, `start_time` and `end_time`
 * (a drop-in pattern on that day, starting at or after and ending at or before those times, all
 * three on the same pattern); `minimum_age` (a service's minimum age is at least this) and
 * `maximum_age` (its maximum age is at most this); and, for services at hubs, `postcode` with
 * `proximity` in metres. There is no postcode lookup here: only the postcodes of our own hubs
 * are known, and any other postcode is answered with a 400 that says so.
 */
import { z } from 'zod';
import { normalisePostcode } from '../forms/hub-form.ts';
import { blankOr } from '../forms/schema.ts';
import { parseStrictQuery, quoted, says } from '../forms/query-params.ts';
import { WEEKDAYS } from '../time.ts';
import { THEMES_TAXONOMY_ID } from './ids.ts';
import {
	indexDirectory,
	patternWeekdays,
	serviceAtLocationFullObject,
	serviceAtLocationListObject,
	serviceFullObject,
	serviceListObject,
	taxonomyObject,
	termObject,
	type DirectoryIndex,
} from './map.ts';
import type { OpenDirectory, OpenHub, OpenService } from './model.ts';

/** Results per page when `per_page` is not given, and the most a page may hold. */
export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 500;

/** The Page wrapper of a list response. */
export interface Page<T> {
	total_items: number;
	total_pages: number;
	page_number: number;
	size: number;
	first_page: boolean;
	last_page: boolean;
	empty: boolean;
	contents: T[];
}

/** What an API call answers: a JSON body with its status. */
export type ApiResult =
	{ status: 200; body: unknown } | { status: 400 | 404; body: { status: number; message: string } };

/** Paging as asked for. */
export interface Paging {
	page: number;
	perPage: number;
}

/** The filters of `/services` and `/service_at_locations`. */
export interface ServiceFilters extends Paging {
	search: string[];
	taxonomyTermId: string | null;
	taxonomyId: string | null;
	day: number | null;
	startTime: string | null;
	endTime: string | null;
	minimumAge: number | null;
	maximumAge: number | null;
	postcode: string | null;
	proximity: number | null;
}

const bad = (message: string): ApiResult => ({ status: 400, body: { status: 400, message } });
const notFound = (what: string): ApiResult => ({
	status: 404,
	body: { status: 404, message: `No published ${what} has that id.` },
});

/** The longest `search`, and the longest taxonomy or term id. */
export const MAX_SEARCH = 200;
const MAX_ID = 100;

/** A whole number from 1 to `max`. */
const whole = (name: string, max: number) =>
	z
		.string()
		.refine(
			(text) => /^\d{1,6}$/.test(text) && Number(text) >= 1 && Number(text) <= max,
			says((v) => `${name} must be a whole number from 1 to ${max}, not ${v}.`),
		)
		.transform(Number);

/** `page` and `per_page`. */
const PAGING = {
	page: blankOr(whole('page', 999_999), 1),
	per_page: blankOr(whole('per_page', MAX_PER_PAGE), DEFAULT_PER_PAGE),
};

/** Reads `page` and `per_page`, or says what is wrong. */
export function parsePaging(params: URLSearchParams): Paging | string {
	const result = parseStrictQuery(params, PAGING);
	if (!result.ok) return result.message;
	return { page: result.values.page, perPage: result.values.per_page };
}

/** Cuts one page out of a list. */
export function paginate<T>(items: readonly T[], paging: Paging): Page<T> {
	const totalPages = Math.ceil(items.length / paging.perPage);
	const contents = items.slice((paging.page - 1) * paging.perPage, paging.page * paging.perPage);
	return {
		total_items: items.length,
		total_pages: totalPages,
		page_number: paging.page,
		size: contents.length,
		first_page: paging.page === 1,
		last_page: paging.page >= totalPages,
		empty: contents.length === 0,
		contents,
	};
}

const DAY_NAMES = new Map<string, number>(
	WEEKDAYS.flatMap((d) => [
		[d.name.toLowerCase(), d.number],
		[d.name.slice(0, 3).toLowerCase(), d.number],
		[['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'][d.number - 1]!, d.number],
		[String(d.number), d.number],
	]),
);

/** A day of the week, by name, short name, two-letter code or ISO number, in any case. */
const weekday = z
	.string()
	.refine(
		(text) => DAY_NAMES.has(text.trim().toLowerCase()),
		says((v) => `day must be a day of the week, such as Monday or MO, not ${v}.`),
	)
	.transform((text) => DAY_NAMES.get(text.trim().toLowerCase())!);

/** A time of day, HH:MM or HH:MM:SS (24-hour), read as HH:MM. */
const time = (name: string) =>
	z
		.string()
		.regex(
			/^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/,
			says((v) => `${name} must be a time such as 09:30 or 09:30:00 (24-hour), not ${v}.`),
		)
		.transform((text) => text.slice(0, 5));

/** An age in years, from 0 to 150. */
const age = (name: string) => {
	const message = says((v) => `${name} must be an age in years from 0 to 150, not ${v}.`);
	return z
		.string()
		.max(20, message)
		.regex(/^\d{1,3}(\.\d+)?$/, message)
		.refine((text) => Number(text) <= 150, message)
		.transform(Number);
};

/** An id of a taxonomy or term, compared without case. */
const id = (name: string) =>
	z
		.string()
		.max(MAX_ID, `${name} must be at most ${MAX_ID} characters.`)
		.transform((text) => text.trim().toLowerCase() || null);

/** A distance in metres. */
const distance = (() => {
	const message = says((v) => `proximity must be a distance in metres, such as 1500, not ${v}.`);
	return z
		.string()
		.max(20, message)
		.regex(/^\d{1,7}(\.\d+)?$/, message)
		.transform(Number);
})();

/** A UK postcode, written as Royal Mail does ("G51 3QX"). */
const ukPostcode = z.string().transform((text, ctx) => {
	const normal = text.length > 20 ? null : normalisePostcode(text);
	if (normal === null)
		ctx.addIssue({
			code: 'custom',
			message: `postcode must be a UK postcode, not ${quoted(text)}.`,
		});
	return normal ?? z.NEVER;
});

/** Not allowed here: postcode and proximity on a list of services without places. */
const notHere = z
	.string()
	.max(0, 'postcode and proximity filter /service_at_locations, not this list.')
	.transform(() => null);

/**
 * The filters of a service list, in the order they are checked (the first problem is the one
 * reported); `location` allows postcode and proximity. Each filter is optional.
 */
const serviceFilters = (location: boolean) => ({
	...PAGING,
	day: blankOr(weekday, null),
	start_time: blankOr(time('start_time'), null),
	end_time: blankOr(time('end_time'), null),
	minimum_age: blankOr(age('minimum_age'), null),
	maximum_age: blankOr(age('maximum_age'), null),
	postcode: location ? blankOr(ukPostcode, null) : notHere,
	proximity: location ? blankOr(distance, null) : notHere,
	search: z
		.string()
		.max(MAX_SEARCH, `search must be at most ${MAX_SEARCH} characters.`)
		.transform((text) =>
			text
				.toLowerCase()
				.split(/[^\p{L}\p{N}]+/u)
				.filter(Boolean),
		),
	taxonomy_term_id: id('taxonomy_term_id'),
	taxonomy_id: id('taxonomy_id'),
});

const SERVICE_FILTERS = serviceFilters(false);
const PLACE_FILTERS = serviceFilters(true);
/** Postcode and proximity come as a pair: a missing half is reported before either is checked. */
const PLACE_ORDER = Object.keys(PLACE_FILTERS).flatMap((name) =>
	name === 'postcode' ? ['place', name] : [name],
);

/** Reads the filters of a service list (`location` allows postcode and proximity). */
export function parseServiceFilters(
	params: URLSearchParams,
	location: boolean,
): ServiceFilters | string {
	const result = parseStrictQuery(params, location ? PLACE_FILTERS : SERVICE_FILTERS, {
		rules: ({ postcode, proximity }, problem) => {
			// null: not given; undefined: given, but not right.
			if (location && (postcode === null) !== (proximity === null))
				problem('place', 'Give postcode and proximity (a distance in metres) together.');
		},
		order: PLACE_ORDER,
	});
	if (!result.ok) return result.message;
	const v = result.values;
	return {
		page: v.page,
		perPage: v.per_page,
		search: v.search,
		taxonomyTermId: v.taxonomy_term_id,
		taxonomyId: v.taxonomy_id,
		day: v.day,
		startTime: v.start_time,
		endTime: v.end_time,
		minimumAge: v.minimum_age,
		maximumAge: v.maximum_age,
		postcode: v.postcode,
		proximity: v.proximity,
	};
}

const words = (texts: readonly string[]) =>
	texts
		.join(' ')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);

function matchesText(search: readonly string[], texts: readonly string[]): boolean {
	if (search.length === 0) return true;
	const vocabulary = words(texts);
	return search.every((w) => vocabulary.some((v) => v.startsWith(w)));
}

function serviceTexts(s: OpenService, index: DirectoryIndex): string[] {
	return [
		s.name,
		s.summary,
		s.description,
		s.whoItIsFor,
		index.organisations.get(s.organisationId)?.name ?? '',
		...s.themeIds.map((id) => index.themes.get(id)?.name ?? ''),
	];
}

/** Whether a service (at one hub, or at any of its hubs) passes the filters other than text and place. */
function matchesService(
	s: OpenService,
	f: ServiceFilters,
	index: DirectoryIndex,
	serviceHubId: string | null,
): boolean {
	if (f.taxonomyTermId && !s.themeIds.some((t) => t.toLowerCase() === f.taxonomyTermId))
		return false;
	if (f.taxonomyId && (f.taxonomyId !== THEMES_TAXONOMY_ID || s.themeIds.length === 0))
		return false;
	if (f.minimumAge !== null && (s.minimumAge === null || s.minimumAge < f.minimumAge)) return false;
	if (f.maximumAge !== null && (s.maximumAge === null || s.maximumAge > f.maximumAge)) return false;
	if (f.day !== null || f.startTime !== null || f.endTime !== null) {
		const patterns = (index.patternsByService.get(s.id) ?? []).filter(
			(p) => serviceHubId === null || p.serviceHubId === serviceHubId,
		);
		const any = patterns.some(
			(p) =>
				(f.day === null || patternWeekdays(p).includes(f.day)) &&
				(f.startTime === null || p.startTime >= f.startTime) &&
				(f.endTime === null || p.endTime <= f.endTime),
		);
		if (!any) return false;
	}
	return true;
}

/** The distance in metres between two points on the Earth (haversine). */
export function distanceMetres(a: [number, number], b: [number, number]): number {
	const rad = (d: number) => (d * Math.PI) / 180;
	const dLat = rad(b[0] - a[0]);
	const dLon = rad(b[1] - a[1]);
	const h =
		Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(dLon / 2) ** 2;
	return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
	a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id);

/** `GET /`: what this API is. */
export function apiInfo(): ApiResult {
	return {
		status: 200,
		body: {
			version: '3.0',
			profile: 'https://openreferraluk.org/',
			openapi_url:
				'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json',
		},
	};
}

/** Caches the lookups of the directory most recently asked about. */
let lastIndex: DirectoryIndex | null = null;
function indexOf(dir: OpenDirectory): DirectoryIndex {
	if (lastIndex?.dir !== dir) lastIndex = indexDirectory(dir);
	return lastIndex;
}

/** `GET /services`: published services, filtered, by name. */
export function listServices(dir: OpenDirectory, params: URLSearchParams): ApiResult {
	const f = parseServiceFilters(params, false);
	if (typeof f === 'string') return bad(f);
	const index = indexOf(dir);
	const found = dir.services
		.filter(
			(s) => matchesService(s, f, index, null) && matchesText(f.search, serviceTexts(s, index)),
		)
		.sort(byName);
	return {
		status: 200,
		body: paginate(
			found.map((s) => serviceListObject(s, index)),
			f,
		),
	};
}

/** `GET /services/{id}`: one published service in full. */
export function getService(dir: OpenDirectory, id: string, origin: string): ApiResult {
	const index = indexOf(dir);
	const s = index.services.get(id.toLowerCase()) ?? index.services.get(id);
	return s ? { status: 200, body: serviceFullObject(s, index, origin) } : notFound('service');
}

function hubTexts(hub: OpenHub): string[] {
	return [hub.name, hub.areaName, hub.town, hub.postcode, hub.postcode.replace(' ', '')];
}

/** `GET /service_at_locations`: published services at published hubs, filtered. */
export function listServiceAtLocations(dir: OpenDirectory, params: URLSearchParams): ApiResult {
	const f = parseServiceFilters(params, true);
	if (typeof f === 'string') return bad(f);
	const index = indexOf(dir);
	let centre: [number, number] | null = null;
	if (f.postcode !== null) {
		const known = dir.hubs.find(
			(h) => h.postcode === f.postcode && h.latitude !== null && h.longitude !== null,
		);
		if (!known)
			return bad(
				`The location of postcode ${f.postcode} is not known here. There is no postcode lookup: proximity works only from the postcode of one of our hubs.`,
			);
		centre = [known.latitude!, known.longitude!];
	}
	const found: { id: string; distance: number; service: OpenService; hub: OpenHub }[] = [];
	for (const [id, { service, hub }] of index.places) {
		if (!matchesService(service, f, index, id)) continue;
		if (!matchesText(f.search, [...serviceTexts(service, index), ...hubTexts(hub)])) continue;
		let distance = 0;
		if (centre) {
			if (hub.latitude === null || hub.longitude === null) continue;
			distance = distanceMetres(centre, [hub.latitude, hub.longitude]);
			if (distance > f.proximity!) continue;
		}
		found.push({ id, distance, service, hub });
	}
	found.sort(
		(a, b) =>
			a.distance - b.distance ||
			byName(a.service, b.service) ||
			byName(a.hub, b.hub) ||
			a.id.localeCompare(b.id),
	);
	return {
		status: 200,
		body: paginate(
			found.map((p) => serviceAtLocationListObject(p.id, index)!),
			f,
		),
	};
}

/** `GET /service_at_locations/{id}`: one published service at a published hub, in full. */
export function getServiceAtLocation(dir: OpenDirectory, id: string, origin: string): ApiResult {
	const body = serviceAtLocationFullObject(id.toLowerCase(), indexOf(dir), origin);
	return body ? { status: 200, body } : notFound('service at a location');
}

/** `GET /taxonomies`: the one taxonomy of themes. */
export function listTaxonomies(params: URLSearchParams, origin: string): ApiResult {
	const paging = parsePaging(params);
	if (typeof paging === 'string') return bad(paging);
	return { status: 200, body: paginate([taxonomyObject(origin)], paging) };
}

/** `GET /taxonomies/{id}`: the taxonomy of themes, with its terms. */
export function getTaxonomy(dir: OpenDirectory, id: string, origin: string): ApiResult {
	return id.toLowerCase() === THEMES_TAXONOMY_ID
		? { status: 200, body: taxonomyObject(origin, dir.themes) }
		: notFound('taxonomy');
}

/** `GET /taxonomy_terms`: every theme, in display order. */
export function listTaxonomyTerms(
	dir: OpenDirectory,
	params: URLSearchParams,
	origin: string,
): ApiResult {
	const paging = parsePaging(params);
	if (typeof paging === 'string') return bad(paging);
	const filter = parseStrictQuery(params, { taxonomy_id: id('taxonomy_id') });
	if (!filter.ok) return bad(filter.message);
	const taxonomyId = filter.values.taxonomy_id;
	const themes = taxonomyId && taxonomyId !== THEMES_TAXONOMY_ID ? [] : dir.themes;
	return {
		status: 200,
		body: paginate(
			themes.map((t) => termObject(t, origin)),
			paging,
		),
	};
}

/** `GET /taxonomy_terms/{id}`: one theme. */
export function getTaxonomyTerm(dir: OpenDirectory, id: string, origin: string): ApiResult {
	const theme = dir.themes.find((t) => t.id.toLowerCase() === id.toLowerCase());
	return theme ? { status: 200, body: termObject(theme, origin) } : notFound('taxonomy term');
}
