/** The date range the calendar view asks for, checked: real dates, start before end, at most 62 days. */
import { addDays, isCalendarDate } from '../time.ts';

const DATE = /^\d{4}-\d{2}-\d{2}/;
/** The longest range one request may ask for. */
export const MAX_RANGE_DAYS = 62;

/** Reads `start` and `end` (ISO dates or date-times; end exclusive) into inclusive dates. */
export function calendarRange(
	start: string | null,
	end: string | null,
	today: string,
): { ok: true; from: string; to: string } | { ok: false; message: string } {
	const from = start === null ? today : DATE.exec(start)?.[0];
	const until = end === null ? addDays(from ?? today, 28) : DATE.exec(end)?.[0];
	if (!from || !until || !isCalendarDate(from) || !isCalendarDate(until)) {
		return { ok: false, message: 'start and end must be dates in the form YYYY-MM-DD' };
	}
	const to = addDays(until, -1);
	if (to < from) return { ok: false, message: 'end must be after start' };
	if (to > addDays(from, MAX_RANGE_DAYS))
		return { ok: false, message: `ask for at most ${MAX_RANGE_DAYS} days at a time` };
	return { ok: true, from, to };
}
