/**
 * The hub search as it travels in a URL (so results can be shared and bookmarked) and back.
 * Unknown or malformed values are dropped rather than refused: a search page always answers.
 */
import { z } from 'zod';
import { isAccessFeature, type AccessFeature } from '../directory/access.ts';
import { wholeNumber } from '../forms/schema.ts';
import {
	orElse,
	parseLenientQuery,
	searchText,
	slugOrNull,
	weekdayOrNull,
} from '../forms/query-params.ts';
import { WEEKDAYS, type Weekday } from '../time.ts';

/** A search of the hub directory. */
export interface HubQuery {
	text: string;
	theme: string | null;
	area: string | null;
	day: Weekday | null;
	access: AccessFeature[];
	noReferral: boolean;
	page: number;
}

/** Hubs shown on one page of results. */
export const HUBS_PER_PAGE = 25;
const MAX_TEXT = 200;
const MAX_PAGE = 10_000;

/** The search with nothing chosen. */
export const EMPTY_QUERY: HubQuery = {
	text: '',
	theme: null,
	area: null,
	day: null,
	access: [],
	noReferral: false,
	page: 1,
};

/**
 * The search's parameters: `q` words (cut to 200 characters), `theme` and `area` slugs, `day` a
 * weekday slug, `access` any known accessibility features (repeated; unknown ones and repeats
 * dropped), `referral=none` for hubs that need no referral, and `page` from 1 to 10,000.
 */
const HUB_QUERY = {
	q: searchText(MAX_TEXT),
	theme: slugOrNull,
	area: slugOrNull,
	day: weekdayOrNull,
	access: orElse(
		z.array(z.string()).transform((codes) => [...new Set(codes.filter(isAccessFeature))].sort()),
		[],
	),
	referral: orElse(
		z.literal('none').transform(() => true),
		false,
	),
	page: orElse(wholeNumber(1, MAX_PAGE, 'Enter a page number'), 1),
};

/** Reads a search from URL parameters. */
export function parseHubQuery(params: URLSearchParams): HubQuery {
	const v = parseLenientQuery(params, HUB_QUERY, ['access']);
	return {
		text: v.q,
		theme: v.theme,
		area: v.area,
		day: v.day,
		access: v.access,
		noReferral: v.referral,
		page: v.page,
	};
}

/** Writes a search as URL parameters, in a stable order; `page` 1 is left out. */
export function hubQueryToParams(query: HubQuery): URLSearchParams {
	const params = new URLSearchParams();
	if (query.text) params.set('q', query.text);
	if (query.theme) params.set('theme', query.theme);
	if (query.area) params.set('area', query.area);
	if (query.day) params.set('day', WEEKDAYS[query.day - 1]!.slug);
	for (const a of query.access) params.append('access', a);
	if (query.noReferral) params.set('referral', 'none');
	if (query.page > 1) params.set('page', String(query.page));
	return params;
}

/** The URL of the hub list for a search. */
export function hubSearchHref(query: HubQuery): string {
	const params = hubQueryToParams(query).toString();
	return params ? `/hubs?${params}` : '/hubs';
}

/** The filters a search uses, each with the search that drops it (for "remove this filter"). */
export type FilterKey = 'text' | 'theme' | 'area' | 'day' | 'access' | 'noReferral';

/** One active filter and the same search without it. */
export interface ActiveFilter {
	key: FilterKey;
	without: HubQuery;
}

/** The filters this search uses, in the order they appear on the form. */
export function activeFilters(query: HubQuery): ActiveFilter[] {
	const base = { ...query, page: 1 };
	const result: ActiveFilter[] = [];
	if (query.text) result.push({ key: 'text', without: { ...base, text: '' } });
	if (query.theme) result.push({ key: 'theme', without: { ...base, theme: null } });
	if (query.area) result.push({ key: 'area', without: { ...base, area: null } });
	if (query.day) result.push({ key: 'day', without: { ...base, day: null } });
	if (query.access.length) result.push({ key: 'access', without: { ...base, access: [] } });
	if (query.noReferral) result.push({ key: 'noReferral', without: { ...base, noReferral: false } });
	return result;
}

/** A suggestion for a search that found nothing: drop one filter and find `count` hubs. */
export interface Loosening {
	key: FilterKey;
	query: HubQuery;
	count: number;
}

/**
 * Why a search found nothing, as the filters whose removal would find something, most results
 * first. `count` runs the search; it is called once per active filter.
 */
export function suggestLoosening(query: HubQuery, count: (q: HubQuery) => number): Loosening[] {
	return activeFilters(query)
		.map((f) => ({ key: f.key, query: f.without, count: count(f.without) }))
		.filter((s) => s.count > 0)
		.sort((a, b) => b.count - a.count);
}

/** The total number of pages for a result count (at least one). */
export function pageCount(total: number): number {
	return Math.max(1, Math.ceil(total / HUBS_PER_PAGE));
}

/** Names of themes and areas by slug, to describe a search in words. */
export interface FilterNames {
	themes: ReadonlyMap<string, string>;
	areas: ReadonlyMap<string, string>;
}

/** A filter of a search in words, e.g. "in Govan" or "open on Saturday". */
export function describeFilter(key: FilterKey, query: HubQuery, names: FilterNames): string {
	switch (key) {
		case 'text':
			return `matching “${query.text}”`;
		case 'theme':
			return `offering help with ${(names.themes.get(query.theme ?? '') ?? 'this theme').toLowerCase()}`;
		case 'area':
			return `in ${names.areas.get(query.area ?? '') ?? 'this area'}`;
		case 'day':
			return `open on ${query.day ? WEEKDAYS[query.day - 1]!.name : 'this day'}`;
		case 'access':
			return query.access.length === 1
				? 'with the accessibility feature you chose'
				: `with all ${query.access.length} accessibility features you chose`;
		case 'noReferral':
			return 'with no referral needed';
	}
}
