/**
 * Everything the /sessions page shows: two weeks of sessions from a date (fewer days when they
 * hold more than a page's worth), with filter choices.
 */
import {
	DAYS_PER_PAGE,
	fitWholeDays,
	MAX_SESSIONS_PER_PAGE,
	parseSessionQuery,
	type SessionQuery,
} from '../../domain/search/session-query.ts';
import { addDays } from '../../domain/time.ts';
import type { Db } from '../db/open-database.ts';
import { listAreas, listThemes, type AreaSummary, type ThemeSummary } from './directory.ts';
import { listSessions, type SessionSummary } from './sessions.ts';

/** The /sessions page's data. */
export interface SessionListPage {
	query: SessionQuery;
	from: string;
	to: string;
	previousFrom: string | null;
	nextFrom: string;
	sessions: SessionSummary[];
	themes: ThemeSummary[];
	areas: AreaSummary[];
	hubs: { slug: string; name: string }[];
}

/** Reads the search from the URL and lists its sessions (never before today). */
export function getSessionListPage(
	db: Db,
	params: URLSearchParams,
	today: string,
): SessionListPage {
	const query = parseSessionQuery(params);
	const from = query.from && query.from > today ? query.from : today;
	const earlier = addDays(from, -DAYS_PER_PAGE);
	let to = addDays(from, DAYS_PER_PAGE - 1);
	// One more than a page: enough to know where the last whole day ends.
	let sessions = listSessions(db, query, from, to, MAX_SESSIONS_PER_PAGE + 1);
	const fitted = fitWholeDays(sessions, MAX_SESSIONS_PER_PAGE);
	if (fitted) {
		to = fitted.lastDate;
		// A first day fuller than a page is shown whole.
		sessions =
			fitted.sessions.length > MAX_SESSIONS_PER_PAGE
				? listSessions(db, query, to, to)
				: fitted.sessions;
	}
	return {
		query,
		from,
		to,
		previousFrom: from > today ? (earlier > today ? earlier : today) : null,
		nextFrom: addDays(to, 1),
		sessions,
		themes: listThemes(db),
		areas: listAreas(db),
		hubs: db.$client
			.prepare("select slug, name from hub where status = 'published' order by name")
			.all() as { slug: string; name: string }[],
	};
}
