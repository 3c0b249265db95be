import type { APIRoute } from 'astro';
import { getDatabase } from '../../lib/server/db/open-database.ts';
import { getSession } from '../../lib/server/queries/sessions.ts';
import { sessionEvent } from '../../lib/server/http/calendar.ts';
import { buildCalendar } from '../../lib/domain/calendar/ics.ts';
import { publicOrigin } from '../../lib/server/http/booking-requests.ts';

/** One session as an .ics file, to add to a calendar. */
export const GET: APIRoute = ({ params, url, locals }) => {
	const session = getSession(getDatabase(), params.id ?? '');
	if (!session) return new Response('Not found', { status: 404 });
	const body = buildCalendar(
		session.service.name,
		[sessionEvent(session, publicOrigin(url.origin))],
		locals.now,
	);
	return new Response(body, {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': `attachment; filename="session-${session.date}.ics"`,
			'Cache-Control': 'no-cache',
		},
	});
};
