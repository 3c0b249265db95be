/** Recording who came: check-in of booked people and the count of walk-ins. */
import type { Db } from '../db/open-database.ts';

/** Records whether a booked person came (null clears it). Only confirmed bookings of that session. */
export function recordAttendance(
	db: Db,
	sessionId: string,
	bookingId: string,
	attendance: 'attended' | 'no-show' | null,
	now: Date,
): boolean {
	const result = db.$client
		.prepare(
			"update booking set attendance = ?, updated_at = ? where id = ? and session_id = ? and status = 'confirmed'",
		)
		.run(attendance, now.toISOString(), bookingId, sessionId);
	return result.changes === 1;
}

/** Sets the number of walk-ins at a session (0 to 999). */
export function setWalkIns(db: Db, sessionId: string, count: number): boolean {
	if (!Number.isInteger(count) || count < 0 || count > 999) return false;
	return (
		db.$client.prepare('update session set walk_ins = ? where id = ?').run(count, sessionId)
			.changes === 1
	);
}
