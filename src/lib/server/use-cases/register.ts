/**
 * Recording who came: check-in of booked people and the count of walk-ins. Each is one
 * transaction that also keeps the session's anonymous counts (queries/session-counts.ts) in step.
 */
import type { Db } from '../db/open-database.ts';
import { recordPersonalDataAccess } from '../queries/audit-trail.ts';
import { getRegister } from '../queries/back-office.ts';
import { changeBooking, setWalkInCount } from '../queries/session-counts.ts';
import { toCsv } from '../../domain/csv.ts';

/** Who sees a register: recorded in the audit trail. */
interface Viewer {
	id: string;
	name: string;
}

/**
 * A session's register for a volunteer or staff member allowed to see it (the caller checks),
 * recorded in the audit trail as a view of personal data.
 */
export function viewRegister(db: Db, viewer: Viewer, sessionId: string, now: Date) {
	const register = getRegister(db, sessionId);
	recordPersonalDataAccess(db, viewer, 'session', sessionId, 'Viewed the register', now);
	return register;
}

/**
 * A session's register as CSV (cells escaped so a spreadsheet never runs them as formulas),
 * recorded in the audit trail as an export of personal data.
 */
export function exportRegister(db: Db, viewer: Viewer, sessionId: string, now: Date): string {
	const { entries, walkIns } = getRegister(db, sessionId);
	recordPersonalDataAccess(db, viewer, 'session', sessionId, 'Exported the register (CSV)', now);
	return toCsv([
		[
			'Reference',
			'Status',
			'Name',
			'Attendee',
			'Places',
			'Phone',
			'Email',
			'Needs',
			'Booked by a volunteer',
			'Check-in',
		],
		...entries.map((e) => [
			e.reference,
			e.status,
			e.name,
			e.attendeeName,
			e.places,
			e.phone,
			e.email,
			e.needs,
			e.assisted ? 'yes' : 'no',
			e.attendance ?? '',
		]),
		[],
		['Walk-ins', walkIns],
	]);
}

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
