/** The date range the calendar view asks for, checked: real dates, start before end, at most 62 days. */
import { z } from 'zod';
import { addDays, isCalendarDate } from '../time.ts';

/** The longest range one request may ask for. */
export const MAX_RANGE_DAYS = 62;

const NOT_DATES = 'start and end must be dates in the form YYYY-MM-DD';

/**
 * `start` or `end` as the calendar sends it: a real date, or an ISO date-time whose date is taken
 * (`2026-11-30T00:00:00Z`, `2026-11-30T00:00:00+00:00`).
 */
const CALENDAR_DAY = z
	.string()
	.max(40, NOT_DATES)
	.regex(/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]{2,18}(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/, NOT_DATES)
	.transform((text) => text.slice(0, 10))
	.refine(isCalendarDate, NOT_DATES);

/** Reads `start` and `end` (ISO dates or date-times; end exclusive) into inclusive dates. */
export function calendarRange(
	start: string | null,
	end: string | null,
	today: string,
): { ok: true; from: string; to: string } | { ok: false; message: string } {
	const from = start === null ? today : CALENDAR_DAY.safeParse(start).data;
	if (from === undefined) return { ok: false, message: NOT_DATES };
	const until = end === null ? addDays(from, 28) : CALENDAR_DAY.safeParse(end).data;
	if (until === undefined) return { ok: false, message: NOT_DATES };
	const to = addDays(until, -1);
	if (to < from) return { ok: false, message: 'end must be after start' };
	if (to > addDays(from, MAX_RANGE_DAYS))
		return { ok: false, message: `ask for at most ${MAX_RANGE_DAYS} days at a time` };
	return { ok: true, from, to };
}
