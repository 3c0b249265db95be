/** The integration tests' own drop-in: Thursdays 14:00 to 16:00 at Maryhill Locks Hub (job club). */
import type { Db } from '../../src/lib/server/db/open-database.ts';
import { sessionId, syncPattern } from '../../src/lib/server/use-cases/schedule-sessions.ts';

/**
 * Adds pattern "p1" (`capacity` places, up to 2 a booking, booking opens 14 days and closes 2 hours
 * before, automatic waiting list), stores its dates from 23 November 2026, and gives the id of the
 * session on Thursday 26 November 2026.
 */
export function addThursdayPattern(db: Db, now: Date, capacity = 2): string {
	db.$client
		.prepare(
			`insert into session_pattern (id, service_id, hub_id, rrule, starts_on, start_time, end_time, capacity, booking_mode,
			   booking_opens_days, booking_closes_hours, max_places_per_booking, waiting_list, created_at, updated_at)
			 select 'p1', s.id, h.id, 'FREQ=WEEKLY;BYDAY=TH', '2026-11-01', '14:00', '16:00', ?, 'booking', 14, 2, 2, 'automatic', 'x', 'x'
			 from service s, hub h where s.slug = 'job-club' and h.slug = 'maryhill-locks-hub'`,
		)
		.run(capacity);
	syncPattern(db, 'p1', '2026-11-23', now);
	return sessionId('p1', '2026-11-26');
}
