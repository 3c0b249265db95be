import { describe, expect, it } from 'vitest';
import { isCrossSiteRequest } from '../../../src/lib/server/http/request-guard.ts';

const headers = (h: Record<string, string>) => new Headers(h);

describe('isCrossSiteRequest', () => {
	it.each([
		['GET', { origin: 'https://evil.example' }, null, false],
		['POST', { origin: 'http://localhost:4321' }, null, false],
		['POST', { origin: 'https://evil.example' }, null, true],
		['POST', { origin: 'null' }, null, true],
		['DELETE', { origin: 'https://evil.example' }, null, true],
		['POST', { 'sec-fetch-site': 'cross-site' }, null, true],
		['POST', { 'sec-fetch-site': 'same-origin' }, null, false],
		['POST', {}, null, false],
		['POST', { origin: 'https://hubs.example.org' }, 'https://hubs.example.org', false],
		['POST', { origin: 'http://localhost:4321' }, 'https://hubs.example.org', true],
	] as const)(
		'%s with %j (PUBLIC_ORIGIN %s) is cross-site: %s',
		(method, h, publicOrigin, expected) => {
			expect(isCrossSiteRequest(method, headers(h), 'http://localhost:4321', publicOrigin)).toBe(
				expected,
			);
		},
	);
});
