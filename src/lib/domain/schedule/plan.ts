/**
 * Keeping a pattern's stored dates in line with its rule. Policy (from the sessions brief):
 * - dates are stored a horizon ahead (26 weeks) and extended daily;
 * - an edit to a pattern changes only dates with no bookings, and not dates a volunteer changed
 *   by hand; booked dates are kept for a volunteer to move or cancel;
 * - a date that drops out of the rule is cancelled, never deleted (its id and calendar UID live on);
 * - a closure (of the hub or of every hub) cancels every session on its dates.
 */
import { closureOn, type Closure } from '../directory/opening-hours.ts';
import { occurrenceDates, type PatternRule } from './recurrence.ts';

/** How far ahead dates are stored. */
export const HORIZON_WEEKS = 26;

/** The parts of a pattern that its dates copy. */
export interface PatternShape extends PatternRule {
	startTime: string;
	endTime: string;
	capacity: number;
}

/** A stored date, as far as planning needs. */
export interface StoredSession {
	id: string;
	originalDate: string;
	date: string;
	startTime: string;
	endTime: string;
	capacity: number;
	placesTaken: number;
	status: 'scheduled' | 'cancelled';
	cancelReason: string | null;
	isException: boolean;
}

/** What to change so the stored dates follow the pattern. */
export interface SessionPlan {
	create: {
		originalDate: string;
		status: 'scheduled' | 'cancelled';
		cancelReason: string | null;
	}[];
	update: { id: string; startTime: string; endTime: string; capacity: number }[];
	cancel: { id: string; reason: string; hasBookings: boolean }[];
	/** A cancelled date that is back in the rule and free of closures, with nothing booked. */
	restore: { id: string }[];
}

/** Reason shown to citizens when a date drops out of a pattern. */
export const DROPPED_REASON = 'This date is no longer running.';

/** Works out the changes that bring a pattern's stored dates from `from` to `to` in line. */
export function planSessions(
	pattern: PatternShape,
	stored: readonly StoredSession[],
	closures: readonly Closure[],
	from: string,
	to: string,
): SessionPlan {
	const wanted = new Set(occurrenceDates(pattern, from, to));
	const byOriginal = new Map(stored.map((s) => [s.originalDate, s]));
	const plan: SessionPlan = { create: [], update: [], cancel: [], restore: [] };
	for (const date of wanted) {
		if (byOriginal.has(date)) continue;
		const closure = closureOn(closures, date);
		plan.create.push({
			originalDate: date,
			status: closure ? 'cancelled' : 'scheduled',
			cancelReason: closure?.reason ?? null,
		});
	}
	for (const s of stored) {
		if (s.date < from || s.isException) continue;
		const closure = closureOn(closures, s.date);
		if (s.status === 'scheduled' && closure) {
			plan.cancel.push({ id: s.id, reason: closure.reason, hasBookings: s.placesTaken > 0 });
			continue;
		}
		if (!wanted.has(s.originalDate)) {
			if (s.status === 'scheduled' && s.placesTaken === 0)
				plan.cancel.push({ id: s.id, reason: DROPPED_REASON, hasBookings: false });
			continue;
		}
		if (s.placesTaken > 0) continue;
		if (s.status === 'cancelled') {
			if (!closure) plan.restore.push({ id: s.id });
			else continue;
		}
		if (
			s.startTime !== pattern.startTime ||
			s.endTime !== pattern.endTime ||
			s.capacity !== pattern.capacity
		) {
			plan.update.push({
				id: s.id,
				startTime: pattern.startTime,
				endTime: pattern.endTime,
				capacity: pattern.capacity,
			});
		}
	}
	return plan;
}
