/**
 * Structured request logs: one JSON line per request with its id, and nothing personal. The path
 * is logged without its query (search words are people's own), and secret links (manage and
 * set-password tokens) are replaced by a placeholder.
 */
import { randomUUID } from 'node:crypto';

const SECRET_SEGMENTS = /^\/(bookings|set-password)\/[^/?#]+/;
const GOOD_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/** The path as it may be logged. */
export function loggablePath(url: string): string {
	const path = url.split(/[?#]/, 1)[0]!.slice(0, 300);
	return path.replace(SECRET_SEGMENTS, (_, kind: string) => `/${kind}/:token`);
}

/** The request's id: the one a proxy sent in X-Request-Id when well formed, else a new one. */
export function requestIdOf(header: string | string[] | undefined): string {
	return typeof header === 'string' && GOOD_ID.test(header) ? header : randomUUID();
}

/** One log line for a finished request. */
export function requestLine(
	id: string,
	method: string,
	url: string,
	status: number,
	milliseconds: number,
): string {
	return `${JSON.stringify({
		level: status >= 500 ? 'error' : 'info',
		msg: 'request',
		id,
		method,
		path: loggablePath(url),
		status,
		ms: Math.round(milliseconds * 10) / 10,
	})}\n`;
}
