/**
 * Recording who came: check-in of booked people and the count of walk-ins. Each is one
 * transaction that also keeps the session's anonymous counts (queries/session-counts.ts) in step.
 */
import type { Db } from '../db/open-database.ts';
import { changeBooking, setWalkInCount } from '../queries/session-counts.ts';

/** Records whether a booked person came (null clears it). Only confirmed bookings of that session. */
export function recordAttendance(
	db: Db,
	sessionId: string,
	bookingId: string,
	attendance: 'attended' | 'no-show' | null,
	now: Date,
): boolean {
	return db.$client
		.transaction(
			(): boolean =>
				changeBooking(db, bookingId, () =>
					db.$client
						.prepare(
							"update booking set attendance = ?, updated_at = ? where id = ? and session_id = ? and status = 'confirmed'",
						)
						.run(attendance, now.toISOString(), bookingId, sessionId),
				).changes === 1,
		)
		.immediate();
}

/** Sets the number of walk-ins at a session (0 to 999). */
export function setWalkIns(db: Db, sessionId: string, count: number): boolean {
	if (!Number.isInteger(count) || count < 0 || count > 999) return false;
	return db.$client
		.transaction((): boolean => {
			const changed =
				db.$client.prepare('update session set walk_ins = ? where id = ?').run(count, sessionId)
					.changes === 1;
			if (changed) setWalkInCount(db, sessionId, count);
			return changed;
		})
		.immediate();
}
