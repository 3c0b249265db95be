/**
 * A hub's reminder time: how many hours before a session reminders go (rules in
 * lib/domain/booking/reminders.ts). Changing it re-times every reminder still to go at that hub.
 */
import { parseReminderHours } from '../../domain/booking/reminders.ts';
import type { Db } from '../db/open-database.ts';
import { retimeHubReminders } from './booking-messages.ts';

/** The hub's own reminder time in hours, or null when it uses the site's default. */
export function getHubReminderHours(db: Db, hubId: string): number | null {
	return (
		(db.$client.prepare('select reminder_hours from hub where id = ?').pluck().get(hubId) as
			number | null | undefined) ?? null
	);
}

/** Sets (or, with empty input, clears) a hub's reminder time and re-times its waiting reminders. */
export function setHubReminderHours(
	db: Db,
	hubId: string,
	input: string,
	defaultHours: number,
	now: Date,
): { ok: true; retimed: number } | { ok: false; message: string } {
	const parsed = parseReminderHours(input);
	if (!parsed.ok) return parsed;
	return db.$client
		.transaction((): { ok: true; retimed: number } => {
			db.$client
				.prepare('update hub set reminder_hours = ?, updated_at = ? where id = ?')
				.run(parsed.hours, now.toISOString(), hubId);
			return {
				ok: true,
				retimed: retimeHubReminders(db, hubId, parsed.hours, defaultHours, now),
			};
		})
		.immediate();
}
