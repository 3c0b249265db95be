import type { APIRoute } from 'astro';
import { getDatabase } from '../../lib/server/db/open-database.ts';
import { requireUser } from '../../lib/server/auth/guard.ts';
import { hubsVisibleTo } from '../../lib/server/auth/policies.ts';
import { getInsights } from '../../lib/server/use-cases/insights.ts';
import { tableRows, type FigureTable } from '../../lib/domain/insights/figures.ts';
import { toCsv } from '../../lib/domain/csv.ts';

const TABLES: FigureTable['id'][] = ['summary', 'over-time', 'breakdown', 'demand'];

/** One insights table as CSV, for the same filters as the page (cells escaped against formulas). */
export const GET: APIRoute = async (context) => {
	const user = await requireUser(context);
	if (user instanceof Response) return user;
	const table = TABLES.find((t) => t === context.params.table);
	const result = table
		? getInsights(
				getDatabase(),
				{ hubIds: hubsVisibleTo(user) },
				context.url.searchParams,
				context.locals.today,
			)
		: null;
	if (!table || !result || !result.ok) {
		const invalid = result !== null && !result.ok && result.reason === 'invalid';
		return new Response(invalid ? 'Check the filters on the insights page' : 'Not found', {
			status: invalid ? 400 : 404,
			headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
		});
	}
	const { from, to } = result.query;
	return new Response(toCsv(tableRows(result.tables[table])), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="insights-${table}-${from}-to-${to}.csv"`,
			'Cache-Control': 'no-store',
		},
	});
};
