import { describe, expect, it } from 'vitest';
import { clientBucket, listingKind } from '../../../src/lib/server/http/listing-limit.ts';
import { RateLimiter } from '../../../src/lib/server/http/rate-limit.ts';
import { readConfig } from '../../../src/lib/server/config.ts';

describe('the listing limit', () => {
	it('counts lists, searches, feeds, open data and booking pages, and nothing else', () => {
		expect(listingKind('GET', '/hubs')).toBe('page');
		expect(listingKind('GET', '/hubs/')).toBe('page');
		expect(listingKind('GET', '/sessions')).toBe('page');
		expect(listingKind('GET', '/bookings/abcdefghijklmnop')).toBe('page');
		expect(listingKind('POST', '/bookings/abcdefghijklmnop')).toBe('page');
		expect(listingKind('GET', '/bookings/abcdefghijklmnop/confirmation')).toBe('page');
		expect(listingKind('GET', '/api/sessions')).toBe('api');
		expect(listingKind('GET', '/api/v1/service_at_locations')).toBe('api');
		expect(listingKind('GET', '/sessions.ics')).toBe('feed');
		expect(listingKind('GET', '/themes/housing/sessions.ics')).toBe('feed');
		for (const path of [
			'/',
			'/hubs/govan-riverside-hub',
			'/sessions/0b1c',
			'/themes',
			'/sign-in',
			'/volunteer',
			'/healthz',
			'/hubsx',
		])
			expect(listingKind('GET', path), path).toBeNull();
		expect(listingKind('OPTIONS', '/api/v1/services')).toBeNull();
	});

	it('counts an IPv4 client by its address and an IPv6 client by its /64 network', () => {
		expect(clientBucket('203.0.113.7')).toBe('203.0.113.7');
		expect(clientBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
		expect(clientBucket('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
		expect(clientBucket('2001:0db8:0001:0002:ffff:0:0:99')).toBe('2001:db8:1:2::/64');
		expect(clientBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(clientBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
		expect(clientBucket('::1')).toBe('0:0:0:0::/64');
		// Not an address (a forged header, or none known): counted as it is.
		expect(clientBucket('unknown')).toBe('unknown');
		expect(clientBucket('1::2::3')).toBe('1::2::3');
	});

	it('lets a client ask again once its minute is over', () => {
		const limiter = new RateLimiter(2);
		const start = 1_000_000;
		expect(limiter.attempt('a', start).allowed).toBe(true);
		expect(limiter.attempt('a', start + 1_000).allowed).toBe(true);
		expect(limiter.attempt('a', start + 20_000)).toEqual({ allowed: false, retryAfterSeconds: 40 });
		expect(limiter.attempt('b', start + 20_000).allowed).toBe(true);
		expect(limiter.attempt('a', start + 60_000).allowed).toBe(true);
		expect(new RateLimiter(0).attempt('a', start).allowed).toBe(true);
	});

	it('allows 300 a minute unless LISTING_RATE_LIMIT says otherwise (0: no limit)', () => {
		expect(readConfig({}).listingRateLimit).toBe(300);
		expect(readConfig({ LISTING_RATE_LIMIT: '0' }).listingRateLimit).toBe(0);
		expect(readConfig({ LISTING_RATE_LIMIT: '60' }).listingRateLimit).toBe(60);
		expect(() => readConfig({ LISTING_RATE_LIMIT: 'lots' })).toThrow(
			/LISTING_RATE_LIMIT must be a whole number/,
		);
	});
});
