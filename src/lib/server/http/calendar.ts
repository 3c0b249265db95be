/** Sessions as calendar events: one session's .ics file, and the subscription feeds. */
import { buildCalendar, type IcsEvent } from '../../domain/calendar/ics.ts';
import { addDays } from '../../domain/time.ts';
import type { Db } from '../db/open-database.ts';
import { listSessions, type SessionSummary } from '../queries/sessions.ts';

/** A session as an iCalendar event. */
export function sessionEvent(s: SessionSummary, origin: string): IcsEvent {
	return {
		uid: s.id,
		sequence: s.sequence,
		date: s.date,
		startTime: s.startTime,
		endTime: s.endTime,
		summary: `${s.service.name} at ${s.hub.name}`,
		location: `${s.hub.name}, ${s.hub.addressLine1}, ${s.hub.postcode}`,
		description:
			s.status === 'cancelled' ? `Cancelled. ${s.cancelReason ?? ''}`.trim() : s.service.summary,
		url: `${origin}/sessions/${s.id}`,
		cancelled: s.status === 'cancelled',
	};
}

/** How far ahead a subscription feed lists sessions: every date that is stored (26 weeks). */
export const FEED_DAYS = 26 * 7;

/** Which sessions a feed holds. */
export type FeedScope =
	{ kind: 'all' } | { kind: 'hub'; slug: string } | { kind: 'theme'; slug: string };

/**
 * A subscription feed of upcoming sessions (cancelled dates included, marked cancelled, so
 * subscribers' calendars drop them), or null for a hub or theme that is not published.
 */
export function sessionFeed(
	db: Db,
	scope: FeedScope,
	today: string,
	now: Date,
	origin: string,
): { name: string; body: string } | null {
	let name = 'Drop-in sessions at every hub';
	if (scope.kind !== 'all') {
		const table = scope.kind === 'hub' ? "hub where status = 'published' and" : 'theme where';
		const found = db.$client
			.prepare(`select name from ${table} slug = ?`)
			.pluck()
			.get(scope.slug) as string | undefined;
		if (found === undefined) return null;
		name = scope.kind === 'hub' ? `Drop-in sessions at ${found}` : `Drop-in sessions: ${found}`;
	}
	const sessions = listSessions(
		db,
		{
			hub: scope.kind === 'hub' ? scope.slug : null,
			theme: scope.kind === 'theme' ? scope.slug : null,
			area: null,
			day: null,
		},
		today,
		addDays(today, FEED_DAYS - 1),
	);
	const body = buildCalendar(
		name,
		sessions.map((s) => sessionEvent(s, origin)),
		now,
		{
			description: `${name}, for the next 26 weeks. Cancelled sessions stay in the calendar, marked as cancelled.`,
			refreshHours: 6,
		},
	);
	return { name, body };
}
