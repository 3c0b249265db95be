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
