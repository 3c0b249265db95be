/**
 * Deleting personal data when its time is up (UK GDPR storage limitation). A booking's personal
 * data (name, contact, needs, attendee) is deleted RETENTION_DAYS after its session's date, with
 * every copy the site holds: the booking row, the messages to or about it in the outbox (which the
 * development mail page shows), and any other message older than the retention period that has
 * been dealt with. Insights are untouched: they come from anonymous per-session counts.
 * Backups follow the same period (lib/server/db/backup.ts); logs hold no personal data.
 */
import { addDays } from '../../domain/time.ts';
import type { Db } from '../db/open-database.ts';

/** What one run deleted. */
export interface RetentionRun {
	bookings: number;
	messages: number;
}

/**
 * Deletes the personal data of bookings for sessions dated before `today` minus `retentionDays`,
 * and messages no longer needed, in one transaction.
 */
export function deleteExpiredPersonalData(
	db: Db,
	today: string,
	retentionDays: number,
	now: Date,
): RetentionRun {
	const cutoffDate = addDays(today, -retentionDays);
	const cutoffInstant = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
	return db.$client
		.transaction((): RetentionRun => {
			const expired = `select b.id from booking b join session s on s.id = b.session_id where s.date < ?`;
			const linked = db.$client
				.prepare(`delete from outbox where booking_id in (${expired})`)
				.run(cutoffDate).changes;
			const bookings = db.$client
				.prepare(`delete from booking where id in (${expired})`)
				.run(cutoffDate).changes;
			// Messages not tied to a booking (invitations, password links) and any others still here:
			// once older than the retention period and no longer waiting to be sent.
			const old = db.$client
				.prepare("delete from outbox where created_at < ? and status <> 'pending'")
				.run(cutoffInstant).changes;
			return { bookings, messages: linked + old };
		})
		.immediate();
}
