/** The HTTP side of the calendar feeds: one call per route, the same answer for every scope. */
import { getDatabase } from '../db/open-database.ts';
import { sessionFeed, type FeedScope } from './calendar.ts';
import { openDataOrigin, publicResponse } from './open-data.ts';

interface FeedContext {
	locals: { today: string; now: Date; directoryPage?: boolean };
	url: URL;
}

/** Answers a feed request: the .ics text, or 404 for an unknown hub or theme. */
export function feedResponse(context: FeedContext, scope: FeedScope): Response {
	const feed = sessionFeed(
		getDatabase(),
		scope,
		context.locals.today,
		context.locals.now,
		openDataOrigin(context.url.origin),
	);
	if (!feed)
		return publicResponse(context.locals, 404, 'Not found', {
			'Content-Type': 'text/plain; charset=utf-8',
		});
	return publicResponse(context.locals, 200, feed.body, {
		'Content-Type': 'text/calendar; charset=utf-8',
		'Content-Disposition': 'inline; filename="sessions.ics"',
	});
}
