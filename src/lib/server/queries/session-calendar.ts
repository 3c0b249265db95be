/**
 * The calendar view's data (`GET /api/sessions`): first how many sessions each day of the range
 * holds, then the sessions of the quiet days only, with just the columns an event needs. Both
 * queries find the patterns the search allows first (a few thousand at city scale) and then read
 * session dates from the (date, start_time, pattern_id) index alone, so a month of a city's
 * sessions is counted without reading a session row.
 */
import {
	calendarEvents,
	quietDays,
	type CalendarEvent,
	type CalendarSession,
	type DayCount,
} from '../../domain/search/calendar-events.ts';
import type { SessionQuery } from '../../domain/search/session-query.ts';
import type { Db } from '../db/open-database.ts';
import { sessionFilters } from './sessions.ts';

type Query = Omit<SessionQuery, 'from'>;

/** The ids of the patterns whose sessions the public sees for a search, as a subquery. */
function visiblePatterns(query: Query): {
	sql: string;
	params: unknown[];
	filters: ReturnType<typeof sessionFilters>;
} {
	const filters = sessionFilters(query);
	const where = filters.pattern.length ? ` where ${filters.pattern.join(' and ')}` : '';
	return {
		sql: `select p.id from session_pattern p
			join service sv on sv.id = p.service_id and sv.status = 'published'
			join hub h on h.id = p.hub_id and h.status = 'published'
			join area a on a.id = h.area_id${where}`,
		params: filters.patternParams,
		filters,
	};
}

/** How many sessions match the search on each day from `from` to `to` (days with none left out). */
export function countSessionsByDay(db: Db, query: Query, from: string, to: string): DayCount[] {
	const patterns = visiblePatterns(query);
	const dayFilter = patterns.filters.date.map((c) => ` and ${c}`).join('');
	return db.$client
		.prepare(
			`select s.date, count(*) as count from session s
			 where s.date >= ? and s.date <= ?${dayFilter} and s.pattern_id in (${patterns.sql})
			 group by s.date order by s.date`,
		)
		.all(from, to, ...patterns.filters.dateParams, ...patterns.params) as DayCount[];
}

/** The sessions matching the search on the given dates, in date and time order. */
export function listCalendarSessions(
	db: Db,
	query: Query,
	dates: readonly string[],
): CalendarSession[] {
	if (dates.length === 0) return [];
	const patterns = visiblePatterns(query);
	const dayFilter = patterns.filters.date.map((c) => ` and ${c}`).join('');
	return db.$client
		.prepare(
			`select s.id, s.date, s.start_time as startTime, s.end_time as endTime, s.status,
			   s.capacity, s.places_taken as placesTaken, p.booking_mode as bookingMode,
			   p.booking_opens_days as bookingOpensDays, p.booking_closes_hours as bookingClosesHours,
			   p.max_places_per_booking as maxPlacesPerBooking, sv.name as serviceName, h.name as hubName
			 from session s join session_pattern p on p.id = s.pattern_id
			   join service sv on sv.id = p.service_id join hub h on h.id = p.hub_id
			 where s.date in (${dates.map(() => '?').join(',')})${dayFilter}
			   and s.pattern_id in (${patterns.sql})
			 order by s.date, s.start_time, h.name`,
		)
		.all(...dates, ...patterns.filters.dateParams, ...patterns.params) as CalendarSession[];
}

/**
 * The calendar's events from `from` to `to` (inclusive): each session of a quiet day, and a
 * count for each busy one (see calendar-events.ts).
 */
export function getCalendarEvents(
	db: Db,
	query: Query,
	from: string,
	to: string,
	now: Date,
): CalendarEvent[] {
	const counts = countSessionsByDay(db, query, from, to);
	const sessions = listCalendarSessions(db, query, quietDays(counts));
	return calendarEvents(counts, sessions, query, now);
}
