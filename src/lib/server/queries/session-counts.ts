/**
 * Keeping each session's anonymous counts (table session_count) up to date. Every change to a
 * booking goes through `changeBooking` inside the change's own transaction: it reads the booking's
 * state before and after and applies the counting rules of lib/domain/insights/counting.ts, so the
 * counts and the bookings can never disagree and the rules live in one place. Deleting booking rows
 * (retention) does not go through here, so it never changes the counts.
 */
import {
	BOOKING_COUNTERS,
	countChanges,
	type BookingCounter,
	type BookingState,
} from '../../domain/insights/counting.ts';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open-database.ts';

const COLUMN: Record<BookingCounter, string> = {
	booked: 'booked',
	assisted: 'assisted',
	cancelledByPerson: 'cancelled_by_person',
	cancelledByHub: 'cancelled_by_hub',
	attended: 'attended',
	noShow: 'no_show',
	waitingJoined: 'waiting_joined',
	waitingPromoted: 'waiting_promoted',
	waitingLeft: 'waiting_left',
};

const COLUMNS = BOOKING_COUNTERS.map((c) => COLUMN[c]);
const UPSERT = `insert into session_count (session_id, ${COLUMNS.join(', ')}) values (?, ${COLUMNS.map(() => '?').join(', ')})
	on conflict (session_id) do update set ${COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;

const prepared = new WeakMap<Db['$client'], Map<string, Statement>>();

/** A statement prepared once per connection: these run on every booking change. */
function statement(db: Db, sql: string): Statement {
	let cache = prepared.get(db.$client);
	if (!cache) prepared.set(db.$client, (cache = new Map()));
	let s = cache.get(sql);
	if (!s) cache.set(sql, (s = db.$client.prepare(sql)));
	return s;
}

const STATE =
	'select session_id as sessionId, status, places, assisted, attendance, cancelled_by as cancelledBy from booking where id = ?';
const WALK_INS =
	'insert into session_count (session_id, walk_ins) values (?, ?) on conflict (session_id) do update set walk_ins = excluded.walk_ins';

/** What the counts need to know about a booking now, or null when there is no such booking. */
export function bookingState(db: Db, bookingId: string): BookingState | null {
	const row = statement(db, STATE).get(bookingId) as
		(Omit<BookingState, 'assisted'> & { assisted: number }) | undefined;
	return row ? { ...row, assisted: row.assisted === 1 } : null;
}

/** Adds the changes that one booking's change means to its sessions' counts. */
export function countBookingChange(db: Db, before: BookingState | null, after: BookingState): void {
	const bySession = new Map<string, Record<BookingCounter, number>>();
	for (const change of countChanges(before, after)) {
		let deltas = bySession.get(change.sessionId);
		if (!deltas) {
			deltas = Object.fromEntries(BOOKING_COUNTERS.map((c) => [c, 0])) as Record<
				BookingCounter,
				number
			>;
			bySession.set(change.sessionId, deltas);
		}
		deltas[change.counter] += change.by;
	}
	const upsert = statement(db, UPSERT);
	for (const [sessionId, deltas] of bySession)
		upsert.run(sessionId, ...BOOKING_COUNTERS.map((c) => deltas[c]));
}

/**
 * Runs `change` (SQL that inserts or updates one booking) and counts what it did. Must be called
 * inside the caller's transaction, so the change and its count commit together or not at all.
 */
export function changeBooking<T>(db: Db, bookingId: string, change: () => T): T {
	const before = bookingState(db, bookingId);
	const result = change();
	const after = bookingState(db, bookingId);
	if (after) countBookingChange(db, before, after);
	return result;
}

/** Sets a session's walk-in count (the register's figure is the count). */
export function setWalkInCount(db: Db, sessionId: string, count: number): void {
	statement(db, WALK_INS).run(sessionId, count);
}
