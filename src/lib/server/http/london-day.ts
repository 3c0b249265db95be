/**
 * Today's Europe/London date, worked out once and kept until the next local midnight, so that
 * the hot path of the page cache does not format a date on every request.
 */
import { londonDate, nextLondonMidnight } from '../../domain/time.ts';

let cached: { date: string; until: number } | null = null;

/** The Europe/London date at `now` (YYYY-MM-DD). */
export function todayInLondon(now: number = Date.now()): string {
	if (cached === null || now >= cached.until || now < cached.until - 26 * 3600_000) {
		const instant = new Date(now);
		cached = { date: londonDate(instant), until: nextLondonMidnight(instant).getTime() };
	}
	return cached.date;
}
