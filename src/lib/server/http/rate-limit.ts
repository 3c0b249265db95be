/**
 * Rate limiting per client, in memory (one server process owns one database, so one process sees
 * every request). A fixed one-minute window per key: simple, and enough to stop a script hammering
 * the booking form while never troubling a person.
 */

interface Window {
	start: number;
	count: number;
}

/** A limiter allowing `limit` attempts per key per minute (0: no limit). */
export class RateLimiter {
	readonly #windows = new Map<string, Window>();
	readonly #limit: number;
	readonly #windowMs: number;

	constructor(limit: number, windowMs = 60_000) {
		this.#limit = limit;
		this.#windowMs = windowMs;
	}

	/** Counts an attempt and says whether it is allowed, and if not, in how many seconds to retry. */
	attempt(
		key: string,
		now: number,
	): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
		if (this.#limit === 0) return { allowed: true };
		if (this.#windows.size > 10_000) this.#sweep(now);
		const w = this.#windows.get(key);
		if (!w || now - w.start >= this.#windowMs) {
			this.#windows.set(key, { start: now, count: 1 });
			return { allowed: true };
		}
		w.count++;
		if (w.count <= this.#limit) return { allowed: true };
		return {
			allowed: false,
			retryAfterSeconds: Math.max(1, Math.ceil((w.start + this.#windowMs - now) / 1000)),
		};
	}

	#sweep(now: number): void {
		for (const [key, w] of this.#windows)
			if (now - w.start >= this.#windowMs) this.#windows.delete(key);
	}
}

/**
 * The client's address: the socket's, or with TRUST_PROXY the last address in X-Forwarded-For
 * (the one our own proxy saw; earlier entries can be forged by the client).
 */
export function clientAddress(
	socketAddress: string,
	forwardedFor: string | null,
	trustProxy: boolean,
): string {
	if (trustProxy && forwardedFor) {
		const last = forwardedFor
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean)
			.pop();
		if (last) return last;
	}
	return socketAddress;
}
