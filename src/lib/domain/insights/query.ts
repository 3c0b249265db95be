/**
 * The insights filters: URL search parameters <-> a query, so every view is a plain GET and a
 * shareable link. Dates are Europe/London calendar dates (YYYY-MM-DD), inclusive.
 */
import { Temporal } from 'temporal-polyfill';

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

/** A filter that could not be used, with a message that says how to fix it. */
export interface QueryProblem {
	field: 'from' | 'to' | 'theme' | 'area';
	message: string;
}

/** The longest date range, in days (about two years). */
export const MAX_RANGE_DAYS = 731;

/** The range shown when none is chosen: from the first of the month two months ago to today. */
export function defaultRange(today: string): { from: string; to: string } {
	const month = Temporal.PlainDate.from(today).with({ day: 1 });
	return { from: month.subtract({ months: 2 }).toString(), to: today };
}

function realDate(text: string): string | null {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
	try {
		return Temporal.PlainDate.from(text, { overflow: 'reject' }).toString();
	} catch {
		return null;
	}
}

/** Reads the filters from a URL; problems are listed, and the query then holds the defaults. */
export function parseInsightsQuery(
	params: URLSearchParams,
	today: string,
): { query: InsightsQuery; problems: QueryProblem[]; values: Record<string, string> } {
	const values: Record<string, string> = {};
	for (const key of ['from', 'to', 'hub', 'theme', 'area', 'period', 'by'])
		values[key] = (params.get(key) ?? '').trim().slice(0, 100);
	const fallback = defaultRange(today);
	const problems: QueryProblem[] = [];
	const from = values['from'] ? realDate(values['from']) : fallback.from;
	const to = values['to'] ? realDate(values['to']) : fallback.to;
	if (from === null)
		problems.push({
			field: 'from',
			message: 'Enter the first date as a real date, like 2026-09-01',
		});
	if (to === null)
		problems.push({ field: 'to', message: 'Enter the last date as a real date, like 2026-11-30' });
	if (from !== null && to !== null) {
		if (to < from)
			problems.push({
				field: 'to',
				message: 'The last date must be the same as or after the first',
			});
		else if (Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to)).days > MAX_RANGE_DAYS)
			problems.push({ field: 'to', message: 'Choose dates no more than 2 years apart' });
	}
	const period = PERIODS.find((p) => p.value === values['period'])?.value ?? 'week';
	const by = BREAKDOWNS.find((b) => b.value === values['by'])?.value ?? 'hub';
	const valid = problems.length === 0;
	return {
		query: {
			from: valid ? from! : fallback.from,
			to: valid ? to! : fallback.to,
			hub: values['hub'] || null,
			theme: values['theme'] || null,
			area: values['area'] || null,
			period,
			by,
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
