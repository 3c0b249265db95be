/**
 * Demo drop-in patterns and bookings: dates generated over the horizon, a few bookings on the next
 * dates, some nearly full, some full with a waiting list, one cancelled date. Booking names and
 * contacts are plainly made up ("Demo booking 3", example.org).
 */
import type { Db } from '../../src/lib/server/db/open-database.ts';
import {
	hashToken,
	newFormToken,
	newManageToken,
	newReference,
} from '../../src/lib/server/booking/tokens.ts';
import { syncPattern } from '../../src/lib/server/use-cases/schedule-sessions.ts';
import { addDays } from '../../src/lib/domain/time.ts';
import { PATTERNS } from './demo-data.ts';

/** Loads the demo patterns, their dates and demo bookings. Runs inside the seed's transaction. */
export function seedDemoSessions(
	db: Db,
	today: string,
	now: Date,
	idOf: (kind: string, key: string) => string,
): void {
	const stamp = now.toISOString();
	let person = 0;
	const book = (
		sessionId: string,
		places: number,
		status: 'confirmed' | 'waiting',
		minutesAgo: number,
	) => {
		person++;
		const created = new Date(now.getTime() - minutesAgo * 60_000).toISOString();
		db.$client
			.prepare(
				`insert into booking (id, session_id, reference, manage_token_hash, form_token, status, places, name, email, phone, needs, wants_reminder, assisted, created_at, updated_at)
				 values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, '', 1, 0, ?, ?)`,
			)
			.run(
				idOf('booking', String(person)),
				sessionId,
				newReference(),
				hashToken(newManageToken()),
				newFormToken(),
				status,
				places,
				`Demo booking ${person}`,
				`demo${person}@example.org`,
				created,
				created,
			);
		if (status === 'confirmed')
			db.$client
				.prepare('update session set places_taken = places_taken + ? where id = ?')
				.run(places, sessionId);
	};
	for (const p of PATTERNS) {
		const id = idOf('pattern', `${p.service}@${p.hub}`);
		db.$client
			.prepare(
				`insert into session_pattern (id, service_id, hub_id, rrule, starts_on, ends_on, start_time, end_time, capacity, booking_mode,
				   booking_opens_days, booking_closes_hours, max_places_per_booking, waiting_list, created_at, updated_at)
				 values (?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			)
			.run(
				id,
				idOf('service', p.service),
				idOf('hub', p.hub),
				p.rrule,
				addDays(today, -14),
				p.startTime,
				p.endTime,
				p.capacity,
				p.mode,
				p.mode === 'booking' ? 28 : null,
				p.mode === 'booking' ? 2 : null,
				p.maxPlaces ?? 2,
				p.waitingList ?? 'automatic',
				stamp,
				stamp,
			);
		syncPattern(db, id, today, now);
		if (p.mode === 'walk-in') continue;
		// The next two scheduled dates from tomorrow (so they stay bookable through the demo day).
		const upcoming = db.$client
			.prepare(
				"select id, capacity from session where pattern_id = ? and date > ? and status = 'scheduled' order by date limit 2",
			)
			.all(id, today) as { id: string; capacity: number }[];
		const [next, after] = upcoming;
		if (!next) continue;
		if (p.demo === 'nearly-full') {
			for (let i = 0; i < next.capacity - 1; i++) book(next.id, 1, 'confirmed', 600 - i);
		} else if (p.demo === 'full') {
			for (let i = 0; i < next.capacity; i++) book(next.id, 1, 'confirmed', 600 - i);
			book(next.id, 1, 'waiting', 120);
			book(next.id, Math.min(2, p.maxPlaces ?? 2), 'waiting', 60);
		} else if (p.demo === 'cancelled-date' && after) {
			db.$client
				.prepare(
					"update session set status = 'cancelled', cancel_reason = ?, is_exception = 1, sequence = sequence + 1 where id = ?",
				)
				.run(
					'The café is closed this week because the hall is being used for a community event.',
					after.id,
				);
		} else {
			book(next.id, 1, 'confirmed', 300);
			book(next.id, 2, 'confirmed', 200);
		}
	}
}
