/**
 * The listing limit: searches and lists (/hubs, /sessions, the calendar view's feed and the Open
 * Referral API under /api, calendar files and feeds ending .ics) and the booking pages a private
 * link opens (/bookings/..., where a cancel is posted too) allow LISTING_RATE_LIMIT requests per
 * client per minute. Far more than a person browsing makes, it stops a script from rendering the
 * city's lists over and over or trying manage links by the thousand.
 *
 * Only requests that reach Astro are counted: a directory page the server front answers from the
 * page cache costs about as little as refusing it would, holds nothing that open data does not
 * publish, and counting it would only make a busy shared address (a library, a hub's computers)
 * reach the limit sooner. Every request that makes the server render or query is counted, so a
 * scraper asking for ever new searches (each a cache miss) is limited all the same.
 */
import { config } from '../config.ts';
import { RateLimiter } from './rate-limit.ts';

/** How a refused request is answered: an HTML page, JSON, or plain text for calendar apps. */
export type ListingKind = 'page' | 'api' | 'feed';

/** Whether the limit counts a request to this path, and how it is answered if refused. */
export function listingKind(method: string, pathname: string): ListingKind | null {
	// CORS preflights go with a request that is counted.
	if (method === 'OPTIONS') return null;
	if (pathname.startsWith('/api/')) return 'api';
	if (pathname.endsWith('.ics')) return 'feed';
	const path = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
	if (path === '/hubs' || path === '/sessions' || path.startsWith('/bookings/')) return 'page';
	return null;
}

/**
 * The key a client is counted under: its address, except that an IPv6 address counts by its /64
 * network, since one home or phone is given a whole /64 and could otherwise change address at will.
 */
export function clientBucket(address: string): string {
	const bare = address.replace(/%.*$/, '');
	if (!bare.includes(':')) return bare;
	const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
	if (mapped) return mapped[1]!;
	const halves = bare.split('::');
	if (halves.length > 2) return bare;
	const head = halves[0] ? halves[0].split(':') : [];
	const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
	const groups =
		halves.length === 2
			? [...head, ...Array<string>(Math.max(0, 8 - head.length - tail.length)).fill('0'), ...tail]
			: head;
	if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return bare;
	return `${groups
		.slice(0, 4)
		.map((g) => parseInt(g, 16).toString(16))
		.join(':')}::/64`;
}

let limiter: RateLimiter | null = null;

/**
 * Counts a request against its client's listing limit. Null when the request is not limited or
 * is allowed; otherwise how to answer it and in how many seconds the client may ask again.
 */
export function checkListingLimit(
	method: string,
	pathname: string,
	client: string,
	now: number,
): { kind: ListingKind; retryAfterSeconds: number } | null {
	const kind = listingKind(method, pathname);
	if (kind === null) return null;
	limiter ??= new RateLimiter(config().listingRateLimit);
	const result = limiter.attempt(clientBucket(client), now);
	return result.allowed ? null : { kind, retryAfterSeconds: result.retryAfterSeconds };
}

/** The answer to a refused API or calendar request (pages get the "Too many requests" page). */
export function listingLimitedResponse(
	kind: 'api' | 'feed',
	pathname: string,
	retryAfterSeconds: number,
): Response {
	const message = `Too many requests from your address in a minute. Wait ${retryAfterSeconds} ${
		retryAfterSeconds === 1 ? 'second' : 'seconds'
	}, then try again.`;
	const headers: Record<string, string> = {
		'Retry-After': String(retryAfterSeconds),
		'Cache-Control': 'no-store',
	};
	// Open data is read from anywhere: its clients must be able to see why they were refused.
	if (pathname.startsWith('/api/v1')) {
		headers['Access-Control-Allow-Origin'] = '*';
		headers['Access-Control-Expose-Headers'] = 'Retry-After';
	}
	return kind === 'api'
		? Response.json({ error: message }, { status: 429, headers })
		: new Response(message, {
				status: 429,
				headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
			});
}
