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
import { normalisePostcode } from '../forms/hub-form.ts';
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

function whole(
	params: URLSearchParams,
	name: string,
	fallback: number,
	max: number,
): number | string {
	const text = params.get(name);
	if (text === null || text === '') return fallback;
	if (!/^\d{1,6}$/.test(text) || Number(text) < 1 || Number(text) > max)
		return `${name} must be a whole number from 1 to ${max}, not "${text}".`;
	return Number(text);
}

/** Reads `page` and `per_page`, or says what is wrong. */
export function parsePaging(params: URLSearchParams): Paging | string {
	const page = whole(params, 'page', 1, 999_999);
	if (typeof page === 'string') return page;
	const perPage = whole(params, 'per_page', DEFAULT_PER_PAGE, MAX_PER_PAGE);
	if (typeof perPage === 'string') return perPage;
	return { page, perPage };
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

function time(params: URLSearchParams, name: string): string | null | { error: string } {
	const text = params.get(name);
	if (text === null || text === '') return null;
	const m = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/.exec(text);
	if (!m)
		return { error: `${name} must be a time such as 09:30 or 09:30:00 (24-hour), not "${text}".` };
	return `${m[1]}:${m[2]}`;
}

function age(params: URLSearchParams, name: string): number | null | { error: string } {
	const text = params.get(name);
	if (text === null || text === '') return null;
	if (!/^\d{1,3}(\.\d+)?$/.test(text) || Number(text) > 150)
		return { error: `${name} must be an age in years from 0 to 150, not "${text}".` };
	return Number(text);
}

/** Reads the filters of a service list (`location` allows postcode and proximity). */
export function parseServiceFilters(
	params: URLSearchParams,
	location: boolean,
): ServiceFilters | string {
	const paging = parsePaging(params);
	if (typeof paging === 'string') return paging;
	const dayText = params.get('day');
	const day = dayText ? (DAY_NAMES.get(dayText.trim().toLowerCase()) ?? null) : null;
	if (dayText && day === null)
		return `day must be a day of the week, such as Monday or MO, not "${dayText}".`;
	const startTime = time(params, 'start_time');
	if (startTime !== null && typeof startTime === 'object') return startTime.error;
	const endTime = time(params, 'end_time');
	if (endTime !== null && typeof endTime === 'object') return endTime.error;
	const minimumAge = age(params, 'minimum_age');
	if (minimumAge !== null && typeof minimumAge === 'object') return minimumAge.error;
	const maximumAge = age(params, 'maximum_age');
	if (maximumAge !== null && typeof maximumAge === 'object') return maximumAge.error;
	let postcode: string | null = null;
	let proximity: number | null = null;
	const postcodeText = params.get('postcode') ?? '';
	const proximityText = params.get('proximity') ?? '';
	if (!location && (postcodeText || proximityText))
		return 'postcode and proximity filter /service_at_locations, not this list.';
	if (postcodeText || proximityText) {
		if (!postcodeText || !proximityText)
			return 'Give postcode and proximity (a distance in metres) together.';
		postcode = normalisePostcode(postcodeText);
		if (postcode === null) return `postcode must be a UK postcode, not "${postcodeText}".`;
		if (!/^\d{1,7}(\.\d+)?$/.test(proximityText))
			return `proximity must be a distance in metres, such as 1500, not "${proximityText}".`;
		proximity = Number(proximityText);
	}
	const search = (params.get('search') ?? '')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
	return {
		...paging,
		search,
		taxonomyTermId: params.get('taxonomy_term_id')?.trim().toLowerCase() || null,
		taxonomyId: params.get('taxonomy_id')?.trim().toLowerCase() || null,
		day,
		startTime,
		endTime,
		minimumAge,
		maximumAge,
		postcode,
		proximity,
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
	const taxonomyId = params.get('taxonomy_id')?.toLowerCase();
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
