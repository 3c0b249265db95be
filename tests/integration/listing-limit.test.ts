/**
 * The listing limit on a real server over HTTP (LISTING_RATE_LIMIT=5, behind a trusted proxy so
 * each test client has its own address): lists, searches, the calendar feed, open data, calendar
 * files and booking pages answer 429 with Retry-After past the limit, as an HTML page, JSON or
 * plain text; a cancel posted past the limit changes nothing; pages served from the page cache and
 * pages that are not lists are not counted; another client (or IPv6 network) is not affected.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';

const LIMIT = 5;
let server: RunningServer;
let manageLink: string;

beforeAll(async () => {
	server = await startServer({ LISTING_RATE_LIMIT: String(LIMIT), TRUST_PROXY: 'true' });
	const db = new Database(server.databasePath, { readonly: true });
	const sessionId = db
		.prepare(
			"select s.id from session s join session_pattern p on p.id = s.pattern_id where p.booking_mode = 'booking' and s.status = 'scheduled' and s.places_taken = 0 and s.date > date('now', '+2 days') limit 1",
		)
		.pluck()
		.get() as string;
	db.close();
	// A booking to manage (a booking form is not a listing: it is limited by BOOKING_RATE_LIMIT).
	const booked = await fetch(`${server.url}/sessions/${sessionId}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: server.url, 'X-Forwarded-For': '198.51.100.1' },
		body: new URLSearchParams({
			formToken: 'listinglimitformaaaaa',
			name: 'Limit Tester',
			email: 'limit@example.org',
			phone: '',
			places: '1',
			action: 'book',
		}),
	});
	expect(booked.status).toBe(303);
	manageLink = booked.headers.get('location')!.replace(/\/confirmation$/, '');
	expect(manageLink).toMatch(/^\/bookings\/[a-z2-7]+$/);
});
afterAll(() => server.stop());

function get(path: string, address: string, init: RequestInit = {}): Promise<Response> {
	return fetch(server.url + path, {
		redirect: 'manual',
		...init,
		headers: { 'X-Forwarded-For': address, ...init.headers },
	});
}

describe('the listing limit', () => {
	it('answers 429 with Retry-After past the limit, in the form each kind of client reads', async () => {
		const client = '203.0.113.7';
		const allowed = [
			'/sessions',
			'/api/sessions?start=2026-11-30&end=2027-01-11',
			'/api/v1/services',
			'/sessions.ics',
			manageLink,
		];
		for (const path of allowed) {
			const res = await get(path, client);
			await res.arrayBuffer();
			expect(res.status, path).toBe(200);
		}

		const page = await get('/sessions?theme=housing', client);
		expect(page.status).toBe(429);
		expect(page.headers.get('content-type')).toMatch(/^text\/html/);
		const retryAfter = Number(page.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThanOrEqual(1);
		expect(retryAfter).toBeLessThanOrEqual(60);
		expect(page.headers.get('cache-control')).toBe('no-store');
		expect(page.headers.get('x-frame-options')).toBe('DENY');
		const html = await page.text();
		expect(html).toContain('<h1 class="ds_page-header__title">Too many requests</h1>');
		expect(html).toContain('Wait a minute, then try again.');
		expect(html).toContain('<title>Too many requests');

		const api = await get('/api/sessions', client);
		expect(api.status).toBe(429);
		expect(api.headers.get('retry-after')).toMatch(/^\d+$/);
		expect((await api.json()) as unknown).toEqual({
			error: expect.stringMatching(
				/^Too many requests from your address in a minute\. Wait \d+ seconds?, then try again\.$/,
			),
		});

		const openData = await get('/api/v1/services?page=2', client);
		expect(openData.status).toBe(429);
		expect(openData.headers.get('access-control-allow-origin')).toBe('*');
		expect(openData.headers.get('access-control-expose-headers')).toContain('Retry-After');
		expect(((await openData.json()) as { error: string }).error).toMatch(/^Too many requests/);

		const feed = await get('/hubs/govan-riverside-hub/sessions.ics', client);
		expect(feed.status).toBe(429);
		expect(feed.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(feed.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(await feed.text()).toMatch(/^Too many requests/);

		const manage = await get(manageLink, client);
		expect(manage.status).toBe(429);
		expect(await manage.text()).toContain('Too many requests');
	});

	it('refuses a cancel posted past the limit, leaving the booking as it was', async () => {
		const client = '203.0.113.8';
		for (let i = 0; i < LIMIT; i++) {
			const res = await get('/sessions', client);
			await res.arrayBuffer();
			expect(res.status).toBe(200);
		}
		const cancel = await get(manageLink, client, {
			method: 'POST',
			headers: { Origin: server.url },
			body: new URLSearchParams({ action: 'cancel' }),
		});
		expect(cancel.status).toBe(429);
		expect(cancel.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(await cancel.text()).toContain('Too many requests');
		const db = new Database(server.databasePath, { readonly: true });
		const status = db
			.prepare("select status from booking where email = 'limit@example.org'")
			.pluck()
			.get();
		db.close();
		expect(status).toBe('confirmed');
	});

	it('does not count cached directory pages or pages that are not lists', async () => {
		const client = '203.0.113.9';
		// Another client has /hubs rendered and cached; this one gets it from the page cache.
		await (await get('/hubs', '203.0.113.99')).arrayBuffer();
		for (let i = 0; i < 3 * LIMIT; i++) {
			for (const path of ['/hubs', '/', '/hubs/govan-riverside-hub', '/themes']) {
				const res = await get(path, client);
				await res.arrayBuffer();
				expect(res.status, path).toBe(200);
			}
		}
		const statuses: number[] = [];
		for (let i = 0; i <= LIMIT; i++) {
			const res = await get(`/hubs?q=advice${i}`, client);
			await res.arrayBuffer();
			statuses.push(res.status);
		}
		// Nothing was counted before: five new searches (each rendered) are allowed, the sixth is not.
		expect(statuses).toEqual([...Array<number>(LIMIT).fill(200), 429]);
		// Pages that are not lists still answer.
		const hub = await get('/hubs/govan-riverside-hub', client);
		await hub.arrayBuffer();
		expect(hub.status).toBe(200);
	});

	it('counts each client on its own, an IPv6 client by its /64 network', async () => {
		for (let i = 0; i < LIMIT; i++) await (await get('/sessions', '2001:db8:1:2::1')).arrayBuffer();
		const sameNetwork = await get('/sessions', '2001:db8:1:2:ffff::99');
		await sameNetwork.arrayBuffer();
		expect(sameNetwork.status).toBe(429);
		for (const other of ['2001:db8:1:3::1', '203.0.113.10']) {
			const res = await get('/sessions', other);
			await res.arrayBuffer();
			expect(res.status, other).toBe(200);
		}
	});

	it('shows the "too many requests" page only to a client that was refused', async () => {
		const res = await get('/too-many-requests', '203.0.113.11');
		expect(res.status).toBe(404);
		await res.arrayBuffer();
	});
});
