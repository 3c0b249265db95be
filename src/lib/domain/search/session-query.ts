/**
 * The session search as it travels in a URL: theme, hub, area and weekday filters and the first
 * date shown. Malformed values are dropped.
 */
import { calendarDate } from '../forms/schema.ts';
import { orElse, parseLenientQuery, slugOrNull, weekdayOrNull } from '../forms/query-params.ts';
import { WEEKDAYS, type Weekday } from '../time.ts';

/** A search of upcoming drop-in sessions. */
export interface SessionQuery {
	theme: string | null;
	hub: string | null;
	area: string | null;
	day: Weekday | null;
	/** The first date listed (YYYY-MM-DD); null for today. */
	from: string | null;
}

/** Days of sessions listed on one page. */
export const DAYS_PER_PAGE = 14;
/** Sessions listed on one page at most: a city's fortnight can hold thousands. */
export const MAX_SESSIONS_PER_PAGE = 300;

/**
 * Whole days of sessions (in date order) that fit on one page: as many days as stay within `max`
 * sessions, and always the first day, however full. Returns the sessions kept and the last date
 * shown, or null when everything fits.
 */
export function fitWholeDays<T extends { date: string }>(
	sessions: readonly T[],
	max: number,
): { sessions: T[]; lastDate: string } | null {
	if (sessions.length <= max) return null;
	let end = 0;
	while (end < sessions.length && sessions[end]!.date === sessions[0]!.date) end++;
	for (let i = end; i <= max && i < sessions.length; i++) {
		if (i === sessions.length - 1 || sessions[i]!.date !== sessions[i + 1]!.date) {
			if (i + 1 <= max) end = i + 1;
		}
	}
	return { sessions: sessions.slice(0, end), lastDate: sessions[end - 1]!.date };
}

/** The parameters: `theme`, `hub` and `area` slugs, `day` a weekday slug, `from` a real date. */
const SESSION_QUERY = {
	theme: slugOrNull,
	hub: slugOrNull,
	area: slugOrNull,
	day: weekdayOrNull,
	from: orElse(calendarDate('Enter a real date'), null),
};

/** Reads a session search from URL parameters. */
export function parseSessionQuery(params: URLSearchParams): SessionQuery {
	return parseLenientQuery(params, SESSION_QUERY);
}

/** Writes a session search as URL parameters, in a stable order. */
export function sessionQueryToParams(query: SessionQuery): URLSearchParams {
	const params = new URLSearchParams();
	if (query.theme) params.set('theme', query.theme);
	if (query.hub) params.set('hub', query.hub);
	if (query.area) params.set('area', query.area);
	if (query.day) params.set('day', WEEKDAYS[query.day - 1]!.slug);
	if (query.from) params.set('from', query.from);
	return params;
}

/** The URL of the session list for a search. */
export function sessionSearchHref(query: SessionQuery): string {
	const params = sessionQueryToParams(query).toString();
	return params ? `/sessions?${params}` : '/sessions';
}
