/**
 * The insights filters: URL search parameters <-> a query, so every view is a plain GET and a
 * shareable link. Dates are Europe/London calendar dates (YYYY-MM-DD), inclusive.
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { blankOr, calendarDate, checkFields, oneOf, readForm } from '../forms/schema.ts';
import { cut, orElse, SLUG } from '../forms/query-params.ts';

/** How figures over time are grouped. */
export type Period = 'week' | 'month';

/** What the breakdown table is by. */
export type Breakdown = 'hub' | 'service' | 'theme' | 'area';

/** The periods and breakdowns people can choose, with their names. */
export const PERIODS: readonly { value: Period; label: string }[] = [
	{ value: 'week', label: 'Week' },
	{ value: 'month', label: 'Month' },
];

/** The breakdowns people can choose, with their names. */
export const BREAKDOWNS: readonly { value: Breakdown; label: string }[] = [
	{ value: 'hub', label: 'Hub' },
	{ value: 'service', label: 'Service' },
	{ value: 'theme', label: 'Theme' },
	{ value: 'area', label: 'Area' },
];

/** A chosen view of the figures. Hub, theme and area are slugs; null means all. */
export interface InsightsQuery {
	from: string;
	to: string;
	hub: string | null;
	theme: string | null;
	area: string | null;
	period: Period;
	by: Breakdown;
}

/**
 * A filter that could not be used, with a message that says how to fix it. (A malformed `hub`
 * names no hub, which the caller answers as "not found", as it does an unknown one.)
 */
export interface QueryProblem {
	field: 'from' | 'to' | 'hub' | 'theme' | 'area';
	message: string;
}

/** The longest date range, in days (about two years). */
export const MAX_RANGE_DAYS = 731;

/** The range shown when none is chosen: from the first of the month two months ago to today. */
export function defaultRange(today: string): { from: string; to: string } {
	const month = Temporal.PlainDate.from(today).with({ day: 1 });
	return { from: month.subtract({ months: 2 }).toString(), to: today };
}

/** The longest value of a filter kept to show again in the form. */
const MAX_VALUE = 100;

/** A hub, theme or area by its slug ("" for all); whether it exists is for the caller to check. */
const choice = (message: string) => blankOr(z.string().regex(SLUG, message), null);

/**
 * The filters: `from` and `to` real dates (null when not given: then the `defaultRange`), `hub`,
 * `theme` and `area` slugs, `period` and `by` from their lists (by default week and hub).
 */
const FILTERS = {
	from: blankOr(calendarDate('Enter the first date as a real date, like 2026-09-01'), null),
	to: blankOr(calendarDate('Enter the last date as a real date, like 2026-11-30'), null),
	hub: choice('Select a hub from the list'),
	theme: choice('Select a theme from the list'),
	area: choice('Select an area from the list'),
	period: orElse(
		oneOf(
			PERIODS.map((p) => p.value),
			'Select a period',
		),
		'week' as const,
	),
	by: orElse(
		oneOf(
			BREAKDOWNS.map((b) => b.value),
			'Select a breakdown',
		),
		'hub' as const,
	),
};

/** Reads the filters from a URL; problems are listed, and the query then holds the defaults. */
export function parseInsightsQuery(
	params: URLSearchParams,
	today: string,
): { query: InsightsQuery; problems: QueryProblem[]; values: Record<string, string> } {
	const fallback = defaultRange(today);
	const input = readForm(params, FILTERS) as Record<keyof typeof FILTERS, string>;
	const values: Record<string, string> = {};
	for (const [key, value] of Object.entries(input)) values[key] = cut(value, MAX_VALUE);
	const result = checkFields(input, FILTERS, (v, problem) => {
		if (v.from === undefined || v.to === undefined) return;
		const [from, to] = [v.from ?? fallback.from, v.to ?? fallback.to];
		if (to < from) problem('to', 'The last date must be the same as or after the first');
		else if (Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to)).days > MAX_RANGE_DAYS)
			problem('to', 'Choose dates no more than 2 years apart');
	});
	const v = result.values;
	const problems = result.ok ? [] : (result.errors as QueryProblem[]);
	const datesOk = !problems.some((p) => p.field === 'from' || p.field === 'to');
	return {
		query: {
			from: (datesOk && v.from) || fallback.from,
			to: (datesOk && v.to) || fallback.to,
			hub: v.hub ?? null,
			theme: v.theme ?? null,
			area: v.area ?? null,
			period: v.period!,
			by: v.by!,
		},
		problems,
		values,
	};
}

/** The query as a search string (with "?"), with some parts changed: for links and downloads. */
export function insightsSearch(query: InsightsQuery, changes: Partial<InsightsQuery> = {}): string {
	const q = { ...query, ...changes };
	const params = new URLSearchParams({ from: q.from, to: q.to });
	if (q.hub) params.set('hub', q.hub);
	if (q.theme) params.set('theme', q.theme);
	if (q.area) params.set('area', q.area);
	params.set('period', q.period);
	params.set('by', q.by);
	return `?${params.toString()}`;
}
