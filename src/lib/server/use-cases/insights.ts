/**
 * Insights for staff (every hub) and volunteers (their own hubs): reads the filters, checks the
 * caller may see the hub asked for (another hub's figures are "not found", as everywhere in the
 * back office), and works out every figure and table from the sessions' anonymous counts.
 */
import {
	breakdownTable,
	buildReport,
	demandTable,
	overTimeTable,
	summaryTable,
	type FigureTable,
	type InsightsReport,
} from '../../domain/insights/figures.ts';
import {
	parseInsightsQuery,
	type InsightsQuery,
	type QueryProblem,
} from '../../domain/insights/query.ts';
import { describeView } from '../../domain/insights/describe.ts';
import { demandChart, overTimeChart, type Chart } from '../../domain/insights/report-charts.ts';
import type { Db } from '../db/open-database.ts';
import { listInsightsChoices, listSessionFigures, type Choice } from '../queries/insights.ts';

/** Who is asking: the hubs they may see (null: every hub). */
export interface InsightsViewer {
	hubIds: string[] | null;
}

/** The filters' choices. */
export interface InsightsChoices {
	hubs: Choice[];
	themes: Choice[];
	areas: Choice[];
}

/** The outcome: the figures, filters that need fixing, or a hub the caller may not see. */
export type InsightsResult =
	| {
			ok: true;
			query: InsightsQuery;
			choices: InsightsChoices;
			report: InsightsReport;
			tables: Record<FigureTable['id'], FigureTable>;
			charts: { overTime: Chart; demand: Chart };
			/** What the view covers, in words. */
			description: string;
	  }
	| {
			ok: false;
			reason: 'invalid';
			query: InsightsQuery;
			choices: InsightsChoices;
			problems: QueryProblem[];
			values: Record<string, string>;
	  }
	| { ok: false; reason: 'not-found' };

/** The order of the filters on the form, for the error summary. */
const FIELD_ORDER: QueryProblem['field'][] = ['from', 'to', 'hub', 'theme', 'area'];

/** The insights for one view, from the page's (or a download's) search parameters. */
export function getInsights(
	db: Db,
	viewer: InsightsViewer,
	params: URLSearchParams,
	today: string,
): InsightsResult {
	const { query, problems, values } = parseInsightsQuery(params, today);
	if (problems.some((p) => p.field === 'hub')) return { ok: false, reason: 'not-found' };
	const choices = listInsightsChoices(db, viewer.hubIds);
	const hub = query.hub === null ? null : choices.hubs.find((h) => h.slug === query.hub);
	if (hub === undefined) return { ok: false, reason: 'not-found' };
	const theme = query.theme === null ? null : choices.themes.find((t) => t.slug === query.theme);
	const area = query.area === null ? null : choices.areas.find((a) => a.slug === query.area);
	if (theme === undefined)
		problems.push({ field: 'theme', message: 'Select a theme from the list' });
	if (area === undefined) problems.push({ field: 'area', message: 'Select an area from the list' });
	problems.sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
	if (problems.length > 0)
		return { ok: false, reason: 'invalid', query, choices, problems, values };
	const sessions = listSessionFigures(db, {
		from: query.from,
		to: query.to,
		hubIds: hub ? [hub.id] : viewer.hubIds,
		themeId: theme?.id ?? null,
		areaId: area?.id ?? null,
	});
	const report = buildReport(sessions, query);
	return {
		ok: true,
		query,
		choices,
		report,
		tables: {
			summary: summaryTable(report),
			'over-time': overTimeTable(report, query),
			breakdown: breakdownTable(report, query),
			demand: demandTable(report),
		},
		charts: { overTime: overTimeChart(report, query), demand: demandChart(report) },
		description: describeView(
			query,
			{ hub: hub?.name ?? null, theme: theme?.name ?? null, area: area?.name ?? null },
			viewer.hubIds === null ? 'Every hub' : 'All your hubs',
		),
	};
}
