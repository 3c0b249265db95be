/**
 * Retry policy for sending messages: after a failure that may pass (a server down, a time-out,
 * a rate limit) the next try waits twice as long as the last, from 1 minute up to 4 hours; after
 * MAX_ATTEMPTS tries, or at once for a failure that cannot pass (an address refused), the message
 * is marked failed and staff can retry it from the mail page. About 8 hours pass between the
 * first try and giving up, long enough to ride out an outage of the mail server overnight.
 */

/** Tries before a message is marked failed. */
export const MAX_ATTEMPTS = 10;

const FIRST_DELAY_MS = 60_000;
const LONGEST_DELAY_MS = 4 * 3_600_000;

/** How long to wait after the given (1-based) failed attempt. */
export function retryDelayMs(attempt: number): number {
	return Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, attempt - 1), LONGEST_DELAY_MS);
}

/** What to do after a failed attempt: try again at an instant, or give up. */
export function afterFailure(
	attempt: number,
	permanent: boolean,
	now: Date,
): { retryAt: Date } | { giveUp: true } {
	if (permanent || attempt >= MAX_ATTEMPTS) return { giveUp: true };
	return { retryAt: new Date(now.getTime() + retryDelayMs(attempt)) };
}
