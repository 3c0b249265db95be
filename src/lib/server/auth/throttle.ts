/**
 * Sign-in throttling, in memory (one server process owns the database). Policy: after 5 failed
 * sign-ins for one email address within 15 minutes, or 20 from one client address, further
 * attempts for it are refused until 15 minutes after the first failure in the window. The refusal
 * says the same whether or not the email exists.
 */

const WINDOW_MS = 15 * 60_000;

/** Failed-attempt counters per key. */
export class SignInThrottle {
	readonly #failures = new Map<string, { start: number; count: number }>();

	readonly perAccount: number;
	readonly perAddress: number;

	constructor(perAccount = 5, perAddress = 20) {
		this.perAccount = perAccount;
		this.perAddress = perAddress;
	}

	/** Whether an attempt may be made now. */
	allowed(email: string, address: string, now: number): boolean {
		return (
			this.#under(`a:${email.toLowerCase()}`, this.perAccount, now) &&
			this.#under(`i:${address}`, this.perAddress, now)
		);
	}

	/** Records a failed attempt. */
	fail(email: string, address: string, now: number): void {
		this.#count(`a:${email.toLowerCase()}`, now);
		this.#count(`i:${address}`, now);
	}

	/** Clears the account's counter after a successful sign-in. */
	succeed(email: string): void {
		this.#failures.delete(`a:${email.toLowerCase()}`);
	}

	#under(key: string, limit: number, now: number): boolean {
		const f = this.#failures.get(key);
		return !f || now - f.start >= WINDOW_MS || f.count < limit;
	}

	#count(key: string, now: number): void {
		const f = this.#failures.get(key);
		if (!f || now - f.start >= WINDOW_MS) this.#failures.set(key, { start: now, count: 1 });
		else f.count++;
		if (this.#failures.size > 50_000) {
			for (const [k, v] of this.#failures) if (now - v.start >= WINDOW_MS) this.#failures.delete(k);
		}
	}
}
