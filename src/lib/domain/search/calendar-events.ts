/**
 * What the calendar view on /sessions shows for a range of days: each session as an event, except
 * on a day too busy to show one by one, which becomes one "N sessions" event linking to that day
 * of the session list. A city's month can hold thousands of sessions; a day cell with hundreds of
 * lines helps nobody, and building them all took seconds. The decision is per day, so a quiet day
 * next to a busy one still shows its sessions.
 */
import { availability, availabilityLabel } from '../booking/availability.ts';
import type { BookableSession } from '../booking/rules.ts';
import { sessionSearchHref, type SessionQuery } from './session-query.ts';

/** A day with more sessions than this is shown as a count. */
export const MAX_CALENDAR_SESSIONS_PER_DAY = 12;

/** What the calendar needs of one session. */
export interface CalendarSession extends BookableSession {
	id: string;
	endTime: string;
	serviceName: string;
	hubName: string;
}

/** How many sessions (matching the filters) a day holds. */
export interface DayCount {
	date: string;
	count: number;
}

/** One session, as FullCalendar takes it. */
export interface SessionEvent {
	id: string;
	title: string;
	start: string;
	end: string;
	url: string;
	extendedProps: {
		kind: 'session';
		status: 'scheduled' | 'cancelled';
		hub: string;
		availability: string;
	};
}

/** A busy day, as one all-day event linking to that day of the session list. */
export interface DayCountEvent {
	id: string;
	title: string;
	start: string;
	allDay: true;
	url: string;
	extendedProps: { kind: 'day-count'; count: number };
}

export type CalendarEvent = SessionEvent | DayCountEvent;

/** The days (of those counted) quiet enough to show each session, in date order. */
export function quietDays(
	counts: readonly DayCount[],
	max = MAX_CALENDAR_SESSIONS_PER_DAY,
): string[] {
	return counts
		.filter((d) => d.count > 0 && d.count <= max)
		.map((d) => d.date)
		.sort();
}

/**
 * The calendar's events: `sessions` (those of the quiet days) one by one, and one count event per
 * busy day, linking to the session list from that day with the same filters.
 */
export function calendarEvents(
	counts: readonly DayCount[],
	sessions: readonly CalendarSession[],
	query: Omit<SessionQuery, 'from'>,
	now: Date,
	max = MAX_CALENDAR_SESSIONS_PER_DAY,
): CalendarEvent[] {
	const events: CalendarEvent[] = sessions.map((s) => ({
		id: s.id,
		title: `${s.status === 'cancelled' ? 'Cancelled: ' : ''}${s.serviceName}, ${s.hubName}`,
		start: `${s.date}T${s.startTime}:00`,
		end: `${s.date}T${s.endTime}:00`,
		url: `/sessions/${s.id}`,
		extendedProps: {
			kind: 'session',
			status: s.status,
			hub: s.hubName,
			availability: availabilityLabel(availability(s, now)),
		},
	}));
	for (const day of counts) {
		if (day.count <= max) continue;
		events.push({
			id: `day-${day.date}`,
			title: `${day.count} sessions`,
			start: day.date,
			allDay: true,
			url: sessionSearchHref({ ...query, from: day.date }),
			extendedProps: { kind: 'day-count', count: day.count },
		});
	}
	return events;
}
