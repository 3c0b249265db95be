/**
 * Demo drop-in patterns and bookings: dates generated over the horizon, a few bookings on the next
 * dates, some nearly full, some full with a waiting list, one cancelled date; and twelve weeks of
 * past dates with bookings, cancellations (by the person and by the hub), waiting lists, check-ins and walk-ins, so insights have
 * something to show. Booking names and contacts are plainly made up ("Demo booking 3",
 * example.org). Every booking goes through the capacity guard and the session counts
 * (queries/capacity.ts, queries/session-counts.ts) and every walk-in count through the register's
 * use-case, so the counts match the bookings as they would in use; no messages are
 * queued for demo bookings.
 */
import type { Db } from '../../src/lib/server/db/open-database.ts';
import {
	hashToken,
	newFormToken,
	newManageToken,
	newReference,
} from '../../src/lib/server/booking/tokens.ts';
import { releasePlaces, takePlaces } from '../../src/lib/server/queries/capacity.ts';
import { changeBooking } from '../../src/lib/server/queries/session-counts.ts';
import { setWalkIns } from '../../src/lib/server/use-cases/register.ts';
import { syncPattern } from '../../src/lib/server/use-cases/schedule-sessions.ts';
import { addDays } from '../../src/lib/domain/time.ts';
import { PATTERNS } from './demo-data.ts';

/** How far back the demo's past dates go. */
const HISTORY_WEEKS = 12;

/** How full past dates were, in turn (1: full, with a waiting list). */
const FILL = [0.6, 0.8, 1, 0.5, 0.9, 1, 0.7, 0.4, 1, 0.75, 0.85, 0.65];

/** Loads the demo patterns, their dates and demo bookings. Runs inside the seed's transaction. */
export function seedDemoSessions(
	db: Db,
	today: string,
	now: Date,
	idOf: (kind: string, key: string) => string,
): void {
	const stamp = now.toISOString();
	let person = 0;
	// References are random; with thousands of demo bookings two would sometimes be the same, so
	// the seed skips any it has already used (as bookPlace retries on the unique index).
	const references = new Set<string>();
	const reference = (): string => {
		let r = newReference();
		while (references.has(r)) r = newReference();
		references.add(r);
		return r;
	};
	const insertBooking = db.$client.prepare(
		`insert into booking (id, session_id, reference, manage_token_hash, form_token, status, places, name, email, phone, needs, wants_reminder, assisted, created_at, updated_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, '', 1, ?, ?, ?)`,
	);
	const book = (
		sessionId: string,
		places: number,
		status: 'confirmed' | 'waiting',
		created: Date,
		assisted = false,
	): string => {
		person++;
		const id = idOf('booking', String(person));
		if (status === 'confirmed' && !takePlaces(db, sessionId, places))
			throw new Error(`Demo data: no room for booking ${person}`);
		const stamp = created.toISOString();
		changeBooking(db, id, () =>
			insertBooking.run(
				id,
				sessionId,
				reference(),
				hashToken(newManageToken()),
				newFormToken(),
				status,
				places,
				`Demo booking ${person}`,
				`demo${person}@example.org`,
				assisted ? 1 : 0,
				stamp,
				stamp,
			),
		);
		return id;
	};
	const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
	const checkIn = db.$client.prepare('update booking set attendance = ? where id = ?');
	const updateStatus = db.$client.prepare(
		'update booking set status = ?, cancelled_by = ? where id = ?',
	);
	const setStatus = (
		id: string,
		status: 'confirmed' | 'cancelled',
		by: 'person' | 'hub' = 'person',
	) =>
		changeBooking(db, id, () => updateStatus.run(status, status === 'cancelled' ? by : null, id));
	/** A past date as it went: bookings, a cancellation, a waiting list on a full date, check-ins, walk-ins. */
	const pastDate = (
		session: { id: string; date: string; capacity: number },
		fill: number,
		maxPlaces: number,
		turn: number,
	) => {
		const booked: { id: string; places: number }[] = [];
		const opened = Date.parse(`${session.date}T08:00:00Z`) - 10 * 86_400_000;
		let left = Math.max(1, Math.round(session.capacity * fill));
		for (let j = 0; left > 0; j++) {
			const places = j % 4 === 3 && left >= 2 && maxPlaces >= 2 ? 2 : 1;
			const created = new Date(opened + j * 3_600_000);
			booked.push({ id: book(session.id, places, 'confirmed', created, j % 5 === 2), places });
			left -= places;
		}
		const waiting: string[] = [];
		if (fill === 1) {
			const later = new Date(opened + 5 * 86_400_000);
			waiting.push(book(session.id, 1, 'waiting', later), book(session.id, 1, 'waiting', later));
		}
		// Someone cancels on most dates; on a full date their place goes to the first person waiting.
		if (turn % 3 !== 1 && booked.length > 1) {
			const gone = booked.splice(1, 1)[0]!;
			setStatus(gone.id, 'cancelled');
			releasePlaces(db, session.id, gone.places);
			const next = waiting.shift();
			if (next && takePlaces(db, session.id, 1)) {
				setStatus(next, 'confirmed');
				booked.push({ id: next, places: 1 });
			}
		}
		// Now and then the hub cancels someone's place (the volunteer was ill, the room was double-booked).
		if (turn % 7 === 3 && waiting.length === 0 && booked.length > 2) {
			const gone = booked.pop()!;
			setStatus(gone.id, 'cancelled', 'hub');
			releasePlaces(db, session.id, gone.places);
		}
		booked.forEach((b, j) =>
			changeBooking(db, b.id, () =>
				checkIn.run((j + turn) % 6 === 5 ? 'no-show' : 'attended', b.id),
			),
		);
		setWalkIns(db, session.id, (turn * 3) % 5);
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
				addDays(today, -7 * HISTORY_WEEKS - 7),
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
		syncPattern(db, id, addDays(today, -7 * HISTORY_WEEKS), now);
		syncPattern(db, id, today, now);
		const past = db.$client
			.prepare(
				"select id, date, capacity from session where pattern_id = ? and date < ? and status = 'scheduled' order by date",
			)
			.all(id, today) as { id: string; date: string; capacity: number }[];
		past.forEach((session, k) => {
			const turn = k + PATTERNS.indexOf(p);
			if (p.mode === 'walk-in')
				setWalkIns(db, session.id, Math.round(session.capacity * (0.45 + (turn % 6) * 0.08)));
			else pastDate(session, FILL[turn % FILL.length]!, p.maxPlaces ?? 2, turn);
		});
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
			for (let i = 0; i < next.capacity - 1; i++) book(next.id, 1, 'confirmed', ago(600 - i));
		} else if (p.demo === 'full') {
			for (let i = 0; i < next.capacity; i++) book(next.id, 1, 'confirmed', ago(600 - i));
			book(next.id, 1, 'waiting', ago(120));
			book(next.id, Math.min(2, p.maxPlaces ?? 2), 'waiting', ago(60));
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
			book(next.id, 1, 'confirmed', ago(300));
			book(next.id, 2, 'confirmed', ago(200));
		}
	}
}
