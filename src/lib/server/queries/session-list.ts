/** Everything the /sessions page shows: two weeks of sessions from a date, with filter choices. */
import {
	DAYS_PER_PAGE,
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
	const to = addDays(from, DAYS_PER_PAGE - 1);
	const earlier = addDays(from, -DAYS_PER_PAGE);
	return {
		query,
		from,
		to,
		previousFrom: from > today ? (earlier > today ? earlier : today) : null,
		nextFrom: addDays(from, DAYS_PER_PAGE),
		sessions: listSessions(db, query, from, to),
		themes: listThemes(db),
		areas: listAreas(db),
		hubs: db.$client
			.prepare("select slug, name from hub where status = 'published' order by name")
			.all() as { slug: string; name: string }[],
	};
}
