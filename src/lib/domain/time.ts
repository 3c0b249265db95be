/**
 * Calendar time in Europe/London. Domain code takes `now` as an argument and never reads the clock.
 * Instants are UTC; dates are local calendar dates (YYYY-MM-DD) and times wall-clock HH:MM.
 */
import { Temporal } from 'temporal-polyfill';

/** The time zone every date and time on the site is in. */
export const TIME_ZONE = 'Europe/London';

/** ISO weekdays, 1 = Monday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Weekday names and URL slugs, Monday first. */
export const WEEKDAYS: readonly { number: Weekday; slug: string; name: string }[] = [
	{ number: 1, slug: 'monday', name: 'Monday' },
	{ number: 2, slug: 'tuesday', name: 'Tuesday' },
	{ number: 3, slug: 'wednesday', name: 'Wednesday' },
	{ number: 4, slug: 'thursday', name: 'Thursday' },
	{ number: 5, slug: 'friday', name: 'Friday' },
	{ number: 6, slug: 'saturday', name: 'Saturday' },
	{ number: 7, slug: 'sunday', name: 'Sunday' },
];

function zoned(now: Date): Temporal.ZonedDateTime {
	return Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(TIME_ZONE);
}

/** The Europe/London calendar date of an instant, as YYYY-MM-DD. */
export function londonDate(now: Date): string {
	return zoned(now).toPlainDate().toString();
}

/** The Europe/London wall-clock time of an instant, as HH:MM. */
export function londonTime(now: Date): string {
	return zoned(now).toPlainTime().toString({ smallestUnit: 'minute' });
}

/** The ISO weekday (1 = Monday) of a YYYY-MM-DD date. */
export function weekdayOf(date: string): Weekday {
	return Temporal.PlainDate.from(date).dayOfWeek as Weekday;
}

/** The instant of the next midnight in Europe/London after `now`. */
export function nextLondonMidnight(now: Date): Date {
	const start = zoned(now).toPlainDate().add({ days: 1 }).toZonedDateTime({ timeZone: TIME_ZONE });
	return new Date(start.epochMilliseconds);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
	return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** A date for people: "Tuesday 2 December 2026". */
export function formatLongDate(date: string): string {
	const d = Temporal.PlainDate.from(date);
	return `${WEEKDAYS[d.dayOfWeek - 1]!.name} ${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/** A date without the weekday: "2 December 2026". */
export function formatDate(date: string): string {
	const d = Temporal.PlainDate.from(date);
	return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/** A wall-clock time for people, in the GOV.UK style: "10am", "1:30pm", "midday". */
export function formatTime(time: string): string {
	const [h, m] = time.split(':').map(Number) as [number, number];
	if (h === 12 && m === 0) return 'midday';
	if (h === 0 && m === 0) return 'midnight';
	const suffix = h < 12 ? 'am' : 'pm';
	const hour12 = h % 12 === 0 ? 12 : h % 12;
	return m === 0 ? `${hour12}${suffix}` : `${hour12}:${String(m).padStart(2, '0')}${suffix}`;
}

/** The months' names, January first. */
export const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

/** Whether `text` is a real calendar date written YYYY-MM-DD (not 2026-02-30, which Date.parse accepts). */
export function isCalendarDate(text: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	try {
		Temporal.PlainDate.from(text, { overflow: 'reject' });
		return true;
	} catch {
		return false;
	}
}

/** The same day `months` months earlier (the last day of the month when that day does not exist). */
export function monthsBefore(date: string, months: number): string {
	const d = Temporal.PlainDate.from(date);
	return d.subtract({ months }).toString();
}
