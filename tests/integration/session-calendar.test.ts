/**
 * The calendar view's data on a real demo database (now: Monday 23 November 2026): with the demo's
 * few hubs every session is an event, the same sessions, titles and availability the session list
 * has; a day crowded past the limit becomes one count linking to that day of the list, and only
 * published services at published hubs are counted.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCalendarEvents } from '../../src/lib/server/queries/session-calendar.ts';
import { listSessions } from '../../src/lib/server/queries/sessions.ts';
import { availability, availabilityLabel } from '../../src/lib/domain/booking/availability.ts';
import { MAX_CALENDAR_SESSIONS_PER_DAY } from '../../src/lib/domain/search/calendar-events.ts';
import type { SessionQuery } from '../../src/lib/domain/search/session-query.ts';
import { addDays } from '../../src/lib/domain/time.ts';
import type { Db } from '../../src/lib/server/db/open-database.ts';
import { FIXED_NOW, tempDatabase } from '../helpers/temp-db.ts';

let db: Db;
let cleanup: () => void;
const TODAY = '2026-11-23';
const LAST = addDays(TODAY, 41); // a month view: six weeks
const BUSY_DAY = '2026-12-02';
const NO_FILTERS: Omit<SessionQuery, 'from'> = { theme: null, hub: null, area: null, day: null };

beforeAll(() => {
	({ db, cleanup } = tempDatabase('demo'));
});
afterAll(() => cleanup());

/** Adds `n` one-off sessions of a service at a hub on a date. */
function addSessions(n: number, serviceSlug: string, hubSlug: string, date: string): void {
	const sql = db.$client;
	const stamp = FIXED_NOW.toISOString();
	for (let i = 0; i < n; i++) {
		const patternId = randomUUID();
		sql
			.prepare(
				`insert into session_pattern (id, service_id, hub_id, rrule, starts_on, start_time, end_time, capacity,
				   booking_mode, booking_opens_days, booking_closes_hours, max_places_per_booking, waiting_list, created_at, updated_at)
				 values (?, (select id from service where slug = ?), (select id from hub where slug = ?), null, ?, '14:00', '15:00', 10,
				   'booking', null, null, 2, 'automatic', ?, ?)`,
			)
			.run(patternId, serviceSlug, hubSlug, date, stamp, stamp);
		sql
			.prepare(
				`insert into session (id, pattern_id, original_date, date, start_time, end_time, capacity, places_taken, status, updated_at)
				 values (?, ?, ?, ?, '14:00', '15:00', 10, 0, 'scheduled', ?)`,
			)
			.run(randomUUID(), patternId, date, date, stamp);
	}
}

describe('the calendar view’s data', () => {
	it('shows every demo session one by one, as the session list has them, whatever the filters', () => {
		const queries: Omit<SessionQuery, 'from'>[] = [
			NO_FILTERS,
			{ ...NO_FILTERS, hub: 'govan-riverside-hub' },
			{ ...NO_FILTERS, theme: 'food-and-nutrition' },
			{ ...NO_FILTERS, area: 'govan' },
			{ ...NO_FILTERS, day: 2 },
			{ theme: 'welfare-and-benefits', hub: null, area: 'govan', day: 2 },
			{ ...NO_FILTERS, hub: 'nowhere' },
		];
		for (const query of queries) {
			const listed = listSessions(db, query, TODAY, LAST);
			const events = getCalendarEvents(db, query, TODAY, LAST, FIXED_NOW);
			expect(
				events.map((e) => e.extendedProps.kind),
				JSON.stringify(query),
			).not.toContain('day-count');
			expect(events, JSON.stringify(query)).toEqual(
				listed.map((s) => ({
					id: s.id,
					title: `${s.status === 'cancelled' ? 'Cancelled: ' : ''}${s.service.name}, ${s.hub.name}`,
					start: `${s.date}T${s.startTime}:00`,
					end: `${s.date}T${s.endTime}:00`,
					url: `/sessions/${s.id}`,
					extendedProps: {
						kind: 'session',
						status: s.status,
						hub: s.hub.name,
						availability: availabilityLabel(availability(s, FIXED_NOW)),
					},
				})),
			);
		}
		expect(getCalendarEvents(db, NO_FILTERS, TODAY, LAST, FIXED_NOW).length).toBeGreaterThan(50);
		expect(
			getCalendarEvents(db, { ...NO_FILTERS, hub: 'nowhere' }, TODAY, LAST, FIXED_NOW),
		).toEqual([]);
	});

	it('shows a day crowded past the limit as one count of its published sessions, linking to the list', () => {
		const before = listSessions(db, NO_FILTERS, BUSY_DAY, BUSY_DAY).length;
		expect(before).toBeLessThanOrEqual(MAX_CALENDAR_SESSIONS_PER_DAY);
		// Enough to pass the limit even for one theme, plus sessions of an unpublished service that
		// must not count.
		addSessions(
			MAX_CALENDAR_SESSIONS_PER_DAY + 1,
			'benefits-check-drop-in',
			'govan-riverside-hub',
			BUSY_DAY,
		);
		addSessions(3, 'bereavement-support', 'maryhill-locks-hub', BUSY_DAY);
		const count = listSessions(db, NO_FILTERS, BUSY_DAY, BUSY_DAY).length;
		expect(count).toBe(before + MAX_CALENDAR_SESSIONS_PER_DAY + 1);

		const events = getCalendarEvents(db, NO_FILTERS, TODAY, LAST, FIXED_NOW);
		const onBusyDay = events.filter((e) => e.start.startsWith(BUSY_DAY));
		expect(onBusyDay).toEqual([
			{
				id: `day-${BUSY_DAY}`,
				title: `${count} sessions`,
				start: BUSY_DAY,
				allDay: true,
				url: `/sessions?from=${BUSY_DAY}`,
				extendedProps: { kind: 'day-count', count },
			},
		]);
		// The other days are unchanged: every session one by one.
		const others = listSessions(db, NO_FILTERS, TODAY, LAST).filter((s) => s.date !== BUSY_DAY);
		expect(events.filter((e) => !e.start.startsWith(BUSY_DAY)).map((e) => e.id)).toEqual(
			others.map((s) => s.id),
		);

		// Narrowed to another hub, the busy day is quiet again and its sessions show one by one.
		const hub = 'maryhill-locks-hub';
		const atHub = getCalendarEvents(db, { ...NO_FILTERS, hub }, TODAY, LAST, FIXED_NOW);
		expect(atHub.every((e) => e.extendedProps.kind === 'session')).toBe(true);
		expect(atHub.map((e) => e.id)).toEqual(
			listSessions(db, { ...NO_FILTERS, hub }, TODAY, LAST).map((s) => s.id),
		);
		// With filters, the count's link keeps them.
		const themed = getCalendarEvents(
			db,
			{ ...NO_FILTERS, theme: 'welfare-and-benefits', day: 3 },
			TODAY,
			LAST,
			FIXED_NOW,
		).find((e) => e.start === BUSY_DAY);
		expect(themed?.url).toBe(`/sessions?theme=welfare-and-benefits&day=wednesday&from=${BUSY_DAY}`);
	});
});
