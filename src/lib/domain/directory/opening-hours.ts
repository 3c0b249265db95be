/**
 * Opening hours: a hub's regular week, with closures (a hub's own or city-wide) as exceptions.
 */
import { addDays, WEEKDAYS, weekdayOf, type Weekday } from '../time.ts';

/** One opening period on a weekday. */
export interface OpeningPeriod {
	weekday: number;
	opensAt: string;
	closesAt: string;
}

/** A closure of one hub, or of every hub when `allHubs` is true; dates inclusive. */
export interface Closure {
	startsOn: string;
	endsOn: string;
	reason: string;
	allHubs: boolean;
}

/** One line of the weekly timetable as shown on a hub page. */
export interface DayHours {
	weekday: Weekday;
	name: string;
	periods: { opensAt: string; closesAt: string }[];
	isToday: boolean;
	/** The date of this weekday in the coming seven days (today first). */
	date: string;
	/** Set when the hub is closed on that date despite its regular hours. */
	closure: Closure | null;
}

/** The closure that covers a date, if any. */
export function closureOn(closures: readonly Closure[], date: string): Closure | null {
	return closures.find((c) => c.startsOn <= date && date <= c.endsOn) ?? null;
}

/**
 * The weekly timetable, Monday first, with today marked and each weekday's next date checked
 * against closures so that "closed on Monday 2 January" shows beside Monday's usual hours.
 */
export function weekTimetable(
	periods: readonly OpeningPeriod[],
	closures: readonly Closure[],
	today: string,
): DayHours[] {
	const todayWeekday = weekdayOf(today);
	return WEEKDAYS.map((day) => {
		const offset = (day.number - todayWeekday + 7) % 7;
		const date = addDays(today, offset);
		return {
			weekday: day.number,
			name: day.name,
			periods: periods
				.filter((p) => p.weekday === day.number)
				.map((p) => ({ opensAt: p.opensAt, closesAt: p.closesAt }))
				.sort((a, b) => a.opensAt.localeCompare(b.opensAt)),
			isToday: offset === 0,
			date,
			closure: closureOn(closures, date),
		};
	});
}

/** Closures that have not ended by `today`, soonest first. */
export function upcomingClosures(closures: readonly Closure[], today: string): Closure[] {
	return closures
		.filter((c) => c.endsOn >= today)
		.sort((a, b) => a.startsOn.localeCompare(b.startsOn));
}

const TIME_WORDS = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/;

function parseClock(text: string): string | null {
	const m = TIME_WORDS.exec(text.trim().toLowerCase());
	if (!m) return null;
	let hour = Number(m[1]);
	const minute = m[2] === undefined ? 0 : Number(m[2]);
	if (minute > 59) return null;
	if (m[3]) {
		if (hour < 1 || hour > 12) return null;
		hour = (hour % 12) + (m[3] === 'pm' ? 12 : 0);
	} else if (hour > 23) return null;
	return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * One day's opening hours as staff type them: periods separated by commas, each two times joined
 * by "to" or a dash, in 24-hour or am/pm form ("9:30 to 12:30, 1:30pm to 4pm"); blank for closed.
 * Returns the periods in order, or a message saying what is wrong.
 */
export function parseDayHours(
	text: string,
): { ok: true; periods: { opensAt: string; closesAt: string }[] } | { ok: false; message: string } {
	const trimmed = text.trim();
	if (trimmed === '' || /^closed$/i.test(trimmed)) return { ok: true, periods: [] };
	const parts = trimmed.split(/\s*[,;]\s*|\s+and\s+/i).filter((p) => p !== '');
	if (parts.length > 4) return { ok: false, message: 'give at most 4 opening periods' };
	const periods: { opensAt: string; closesAt: string }[] = [];
	for (const part of parts) {
		const ends = part.split(/\s*(?:-|–|—|\bto\b|\buntil\b)\s*/i);
		const opensAt = ends.length === 2 ? parseClock(ends[0]!) : null;
		const closesAt = ends.length === 2 ? parseClock(ends[1]!) : null;
		if (opensAt === null || closesAt === null)
			return { ok: false, message: `write “${part}” as two times, like 9:30 to 12:30` };
		if (closesAt <= opensAt)
			return { ok: false, message: `the closing time in “${part}” must be after the opening time` };
		periods.push({ opensAt, closesAt });
	}
	periods.sort((a, b) => a.opensAt.localeCompare(b.opensAt));
	for (let i = 1; i < periods.length; i++)
		if (periods[i]!.opensAt < periods[i - 1]!.closesAt)
			return { ok: false, message: 'the opening periods overlap' };
	return { ok: true, periods };
}

/** One day's periods written as staff type them: "09:30 to 12:30, 13:30 to 16:00" ("" when closed). */
export function dayHoursText(periods: readonly OpeningPeriod[], weekday: number): string {
	return periods
		.filter((p) => p.weekday === weekday)
		.sort((a, b) => a.opensAt.localeCompare(b.opensAt))
		.map((p) => `${p.opensAt} to ${p.closesAt}`)
		.join(', ');
}
