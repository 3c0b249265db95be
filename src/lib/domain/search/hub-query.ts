/**
 * The hub search as it travels in a URL (so results can be shared and bookmarked) and back.
 * Unknown or malformed values are dropped rather than refused: a search page always answers.
 */
import { isAccessFeature, type AccessFeature } from '../directory/access.ts';
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
const SLUG = /^[a-z0-9][a-z0-9-]{0,80}$/;

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

function slugOrNull(value: string | null): string | null {
	return value !== null && SLUG.test(value) ? value : null;
}

/** Reads a search from URL parameters. */
export function parseHubQuery(params: URLSearchParams): HubQuery {
	const text = (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
	const day = WEEKDAYS.find((d) => d.slug === params.get('day'))?.number ?? null;
	const access = [...new Set(params.getAll('access'))].filter(isAccessFeature).sort();
	const page = Number(params.get('page') ?? '1');
	return {
		text,
		theme: slugOrNull(params.get('theme')),
		area: slugOrNull(params.get('area')),
		day,
		access,
		noReferral: params.get('referral') === 'none',
		page: Number.isInteger(page) && page >= 1 && page <= 10000 ? page : 1,
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
