import type { APIRoute } from 'astro';
import { getDatabase } from '../../lib/server/db/open-database.ts';
import { getCalendarEvents } from '../../lib/server/queries/session-calendar.ts';
import { calendarRange } from '../../lib/domain/search/calendar-range.ts';
import { parseSessionQuery } from '../../lib/domain/search/session-query.ts';

/**
 * Sessions from `start` to `end` (dates; at most 62 days), with the /sessions filters, for the
 * calendar view: each session of a quiet day, and one "N sessions" event for each busy day.
 */
export const GET: APIRoute = ({ url, locals }) => {
	const range = calendarRange(
		url.searchParams.get('start'),
		url.searchParams.get('end'),
		locals.today,
	);
	if (!range.ok) return Response.json({ error: range.message }, { status: 400 });
	return Response.json(
		getCalendarEvents(
			getDatabase(),
			parseSessionQuery(url.searchParams),
			range.from,
			range.to,
			locals.now,
		),
		{ headers: { 'Cache-Control': 'no-cache' } },
	);
};
