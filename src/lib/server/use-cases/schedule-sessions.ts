/**
 * Storing session dates: each pattern's dates are kept HORIZON_WEEKS ahead, extended daily, and
 * brought in line after an edit or a new closure (rules in lib/domain/schedule/plan.ts).
 */
import { createHash } from 'node:crypto';
import type { Closure } from '../../domain/directory/opening-hours.ts';
import {
	HORIZON_WEEKS,
	planSessions,
	type PatternShape,
	type StoredSession,
} from '../../domain/schedule/plan.ts';
import { addDays } from '../../domain/time.ts';
import type { Db } from '../db/open-database.ts';

/** The stable id of a pattern's date: the same whenever it is generated, moved or re-timed. */
export function sessionId(patternId: string, originalDate: string): string {
	const h = createHash('sha1').update(`session:${patternId}:${originalDate}`).digest();
	h[6] = (h[6]! & 0x0f) | 0x50;
	h[8] = (h[8]! & 0x3f) | 0x80;
	const x = h.subarray(0, 16).toString('hex');
	return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** The result of bringing a pattern's dates in line. */
export interface SyncResult {
	created: number;
	updated: number;
	cancelled: number;
	/** Booked sessions cancelled by a closure: their bookings must be told. */
	cancelledWithBookings: string[];
}

/** Brings one pattern's stored dates from `today` to the horizon in line with its rule. */
export function syncPattern(db: Db, patternId: string, today: string, now: Date): SyncResult {
	const pattern = db.$client
		.prepare(
			`select id, hub_id as hubId, rrule, starts_on as startsOn, ends_on as endsOn, start_time as startTime,
			   end_time as endTime, capacity from session_pattern where id = ?`,
		)
		.get(patternId) as (PatternShape & { id: string; hubId: string }) | undefined;
	if (!pattern) return { created: 0, updated: 0, cancelled: 0, cancelledWithBookings: [] };
	const stored = (
		db.$client
			.prepare(
				`select id, original_date as originalDate, date, start_time as startTime, end_time as endTime, capacity,
				   places_taken as placesTaken, status, cancel_reason as cancelReason, is_exception as isException
				 from session where pattern_id = ?`,
			)
			.all(patternId) as (Omit<StoredSession, 'isException'> & { isException: number })[]
	).map((s) => ({ ...s, isException: s.isException === 1 }));
	const closures = (
		db.$client
			.prepare(
				`select starts_on as startsOn, ends_on as endsOn, reason, hub_id is null as allHubs from closure where hub_id = ? or hub_id is null`,
			)
			.all(pattern.hubId) as (Omit<Closure, 'allHubs'> & { allHubs: number })[]
	).map((c) => ({ ...c, allHubs: c.allHubs === 1 }));
	const plan = planSessions(pattern, stored, closures, today, addDays(today, HORIZON_WEEKS * 7));
	const stamp = now.toISOString();
	const insert = db.$client.prepare(
		`insert into session (id, pattern_id, original_date, date, start_time, end_time, capacity, places_taken, status, cancel_reason, is_exception, sequence, updated_at)
		 values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0, 0, ?)`,
	);
	const update = db.$client.prepare(
		'update session set start_time = ?, end_time = ?, capacity = ?, sequence = sequence + 1, updated_at = ? where id = ?',
	);
	const cancel = db.$client.prepare(
		"update session set status = 'cancelled', cancel_reason = ?, sequence = sequence + 1, updated_at = ? where id = ?",
	);
	const restore = db.$client.prepare(
		"update session set status = 'scheduled', cancel_reason = null, sequence = sequence + 1, updated_at = ? where id = ?",
	);
	for (const c of plan.create) {
		insert.run(
			sessionId(pattern.id, c.originalDate),
			pattern.id,
			c.originalDate,
			c.originalDate,
			pattern.startTime,
			pattern.endTime,
			pattern.capacity,
			c.status,
			c.cancelReason,
			stamp,
		);
	}
	for (const r of plan.restore) restore.run(stamp, r.id);
	for (const u of plan.update) update.run(u.startTime, u.endTime, u.capacity, stamp, u.id);
	for (const c of plan.cancel) cancel.run(c.reason, stamp, c.id);
	return {
		created: plan.create.length,
		updated: plan.update.length,
		cancelled: plan.cancel.length,
		cancelledWithBookings: plan.cancel.filter((c) => c.hasBookings).map((c) => c.id),
	};
}

/** Extends every pattern's dates to the horizon (run at start-up and daily), in one transaction. */
export function extendAllSessions(db: Db, today: string, now: Date): number {
	return db.$client
		.transaction(() => {
			const ids = db.$client.prepare('select id from session_pattern').pluck().all() as string[];
			let created = 0;
			for (const id of ids) created += syncPattern(db, id, today, now).created;
			return created;
		})
		.immediate();
}
