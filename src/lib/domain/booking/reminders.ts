/**
 * Reminders. A person who asked for one gets a reminder REMINDER_HOURS (24 by default; each hub
 * may set its own, from 1 to 168) before their session starts, counted in real hours from the
 * session's start in Europe/London, so a session on the day the clocks change is reminded exactly
 * that long before. A booking made after the reminder time gets none. One reminder per booking
 * and session time: if the session moves, the reminder moves with it.
 */
import { sessionInstant } from '../schedule/recurrence.ts';

/** Hours before a session that reminders go when nothing else is set. */
export const DEFAULT_REMINDER_HOURS = 24;

/** The longest a hub may set: a week. */
export const MAX_REMINDER_HOURS = 168;

/** The instant a reminder is due. */
export function reminderDueAt(date: string, startTime: string, hours: number): Date {
	return new Date(sessionInstant(date, startTime).getTime() - hours * 3_600_000);
}

/** The key that keeps a booking to one reminder per session time. */
export function reminderKey(bookingId: string, date: string, startTime: string): string {
	return `reminder:${bookingId}:${date}T${startTime}`;
}

/** The session date and time a reminder key was made for, or null. */
export function parseReminderKey(key: string): { date: string; startTime: string } | null {
	const match = /^reminder:[^:]+:(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(key);
	return match ? { date: match[1]!, startTime: match[2]! } : null;
}

/** Reads the hub's reminder setting: empty means the site's default (null). */
export function parseReminderHours(
	input: string,
): { ok: true; hours: number | null } | { ok: false; message: string } {
	const value = input.trim();
	if (value === '') return { ok: true, hours: null };
	if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > MAX_REMINDER_HOURS)
		return {
			ok: false,
			message: `Enter the number of hours as a whole number from 1 to ${MAX_REMINDER_HOURS}, or leave it empty for the usual time`,
		};
	return { ok: true, hours: Number(value) };
}
