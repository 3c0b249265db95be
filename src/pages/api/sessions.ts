import type { APIRoute } from 'astro';
import { getDatabase } from '../../lib/server/db/open-database.ts';
import { listSessions } from '../../lib/server/queries/sessions.ts';
import { calendarRange } from '../../lib/domain/search/calendar-range.ts';
import { parseSessionQuery } from '../../lib/domain/search/session-query.ts';
import { availability, availabilityLabel } from '../../lib/domain/booking/availability.ts';

/** Sessions from `start` to `end` (dates; at most 62 days), with the /sessions filters, for the calendar view. */
export const GET: APIRoute = ({ url, locals }) => {
	const range = calendarRange(
		url.searchParams.get('start'),
		url.searchParams.get('end'),
		locals.today,
	);
	if (!range.ok) return Response.json({ error: range.message }, { status: 400 });
	const sessions = listSessions(
		getDatabase(),
		parseSessionQuery(url.searchParams),
		range.from,
		range.to,
	);
	return Response.json(
		sessions.map((s) => ({
			id: s.id,
			title: `${s.status === 'cancelled' ? 'Cancelled: ' : ''}${s.service.name}, ${s.hub.name}`,
			start: `${s.date}T${s.startTime}:00`,
			end: `${s.date}T${s.endTime}:00`,
			url: `/sessions/${s.id}`,
			extendedProps: {
				status: s.status,
				hub: s.hub.name,
				availability: availabilityLabel(availability(s, locals.now)),
			},
		})),
		{ headers: { 'Cache-Control': 'no-cache' } },
	);
};
