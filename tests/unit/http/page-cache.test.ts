import { afterEach, describe, expect, it } from 'vitest';
import {
	clearPageCache,
	directoryEtag,
	etagMatches,
	getCachedPage,
	pageKey,
	putCachedPage,
	setPageCacheLimit,
	type CachedPage,
} from '../../../src/lib/server/http/page-cache.ts';
import { todayInLondon } from '../../../src/lib/server/http/london-day.ts';

const page = (version: number, today: string): CachedPage => ({
	etag: directoryEtag('b1', version, today),
	contentVersion: version,
	today,
	status: 200,
	headers: [['content-type', 'text/html']],
	body: new TextEncoder().encode('<p>hi</p>'),
});

afterEach(() => {
	clearPageCache();
	setPageCacheLimit(2000);
});

describe('page cache', () => {
	it('serves a page only for the content version and date it was rendered for', () => {
		putCachedPage('/hubs', page(3, '2026-11-23'));
		expect(getCachedPage('/hubs', 3, '2026-11-23')?.etag).toBe('"b1-3-2026-11-23"');
		expect(getCachedPage('/hubs', 3, '2026-11-24')).toBeNull();
		putCachedPage('/hubs', page(3, '2026-11-23'));
		expect(getCachedPage('/hubs', 4, '2026-11-23')).toBeNull();
	});

	it('drops the oldest pages beyond its limit, and keeps none at limit 0', () => {
		setPageCacheLimit(2);
		putCachedPage('/a', page(1, 'd'));
		putCachedPage('/b', page(1, 'd'));
		putCachedPage('/c', page(1, 'd'));
		expect(getCachedPage('/a', 1, 'd')).toBeNull();
		expect(getCachedPage('/c', 1, 'd')).not.toBeNull();
		setPageCacheLimit(0);
		putCachedPage('/d', page(1, 'd'));
		expect(getCachedPage('/d', 1, 'd')).toBeNull();
	});

	it('normalises keys as URL parsing does', () => {
		expect(pageKey('/hubs?q=a%20b')).toBe(pageKey('/hubs?q=a%20b'));
		expect(pageKey('/hubs/../hubs?x=1')).toBe('/hubs?x=1');
	});

	it.each([
		['"b1-3-d"', true],
		['W/"b1-3-d"', true],
		['"x", "b1-3-d"', true],
		['*', true],
		['"b1-4-d"', false],
		[undefined, false],
	])('If-None-Match %s matches: %s', (header, matches) => {
		expect(etagMatches(header, '"b1-3-d"')).toBe(matches);
	});
});

describe('todayInLondon', () => {
	it('changes at local midnight, not UTC midnight', () => {
		expect(todayInLondon(Date.parse('2026-07-01T22:59:59Z'))).toBe('2026-07-01');
		expect(todayInLondon(Date.parse('2026-07-01T23:00:00Z'))).toBe('2026-07-02');
		expect(todayInLondon(Date.parse('2026-11-23T23:59:59Z'))).toBe('2026-11-23');
		expect(todayInLondon(Date.parse('2026-11-24T00:00:00Z'))).toBe('2026-11-24');
	});
});

describe('pageKey fast path', () => {
	it.each([
		'/hubs',
		'/hubs?q=benefits&area=govan',
		'/hubs?q=a%20b&access=step-free&access=parking',
		'/hubs/govan-riverside-hub',
		'/',
		'/hubs?q=caf%C3%A9',
	])('gives %s the same key as URL parsing', (p) => {
		const url = new URL(p, 'http://x');
		expect(pageKey(p)).toBe(url.pathname + url.search);
	});
	it.each(['/hubs/./x', '/a/../hubs', '/hubs?q=a b', '/hubs?q=<x>', '/hubs#frag'])(
		'normalises %s',
		(p) => {
			const url = new URL(p, 'http://x');
			expect(pageKey(p)).toBe(url.pathname + url.search);
		},
	);
});
