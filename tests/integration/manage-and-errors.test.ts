/**
 * Over HTTP, against the production server: a manage link shows its own booking and nobody else's,
 * near-miss links show nothing, and when something breaks inside, the error page is friendly and
 * gives away nothing about the inside (no SQL, no stack, no file paths).
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
let session: string;

beforeAll(async () => {
	server = await startServer({ BOOKING_RATE_LIMIT: '0' });
	const db = new Database(server.databasePath, { readonly: true });
	session = db
		.prepare(
			"select s.id from session s join session_pattern p on p.id = s.pattern_id where p.booking_mode = 'booking' and s.status = 'scheduled' and s.date > date('now', '+2 days') and s.date < date('now', '+14 days') order by s.capacity - s.places_taken desc limit 1",
		)
		.pluck()
		.get() as string;
	db.close();
}, 120_000);
afterAll(async () => {
	await server?.stop();
});

const origin = () => ({ Origin: server.url });

/** Books a place as `name` and gives the manage link's path. */
async function book(name: string, contact: Record<string, string>, needs: string): Promise<string> {
	const res = await fetch(`${server.url}/sessions/${session}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { ...origin(), 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			formToken: `manage${name.replace(/\W/g, '').toLowerCase()}aaaaaaaaaa`,
			name,
			email: '',
			phone: '',
			...contact,
			needs,
			places: '1',
			action: 'book',
		}),
	});
	expect(res.status).toBe(303);
	const location = res.headers.get('location')!;
	expect(location).toMatch(/^\/bookings\/[^/]+\/confirmation$/);
	return location.replace(/\/confirmation$/, '');
}

describe('the manage page', () => {
	it('shows its own booking and none of another person’s data; a near-miss link shows nothing', async () => {
		const ann = await book(
			'Ann Example',
			{ email: 'ann.manage@example.org' },
			'Needs a hearing loop',
		);
		const bob = await book('Bob Example', { phone: '07700 900 456' }, 'Comes with a guide dog');
		const annPage = await (await fetch(server.url + ann)).text();
		expect(annPage).toContain('Ann Example');
		for (const other of ['Bob Example', '07700 900 456', 'guide dog'])
			expect(annPage).not.toContain(other);
		const bobPage = await (await fetch(server.url + bob)).text();
		expect(bobPage).toContain('Bob Example');
		for (const other of ['Ann Example', 'ann.manage@example.org', 'hearing loop'])
			expect(bobPage).not.toContain(other);
		// The same link with one character changed, cut short, or made longer, finds nothing.
		const token = ann.split('/').pop()!;
		const flipped = token.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
		for (const guess of [flipped, token.slice(0, -1), `${token}a`, token.toUpperCase()]) {
			const res = await fetch(`${server.url}/bookings/${guess}`);
			expect(res.status, guess).toBe(404);
			const body = await res.text();
			for (const data of ['Ann Example', 'Bob Example', 'ann.manage@example.org'])
				expect(body).not.toContain(data);
		}
		// Its cancel form cannot reach Bob's booking either: posting Bob's link's action to Ann's
		// page cancels Ann's booking only.
		const cancel = await fetch(server.url + ann, {
			method: 'POST',
			redirect: 'manual',
			headers: { ...origin(), 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ action: 'cancel', token: bob.split('/').pop()! }),
		});
		expect(cancel.status).toBe(303);
		const db = new Database(server.databasePath, { readonly: true });
		const statuses = db
			.prepare(
				"select name, status from booking where name in ('Ann Example', 'Bob Example') order by name",
			)
			.all();
		db.close();
		expect(statuses).toEqual([
			{ name: 'Ann Example', status: 'cancelled' },
			{ name: 'Bob Example', status: 'confirmed' },
		]);
	});
});

describe('when something breaks inside', () => {
	it('answers 500 with a friendly page, its security headers and request id, and nothing from inside', async () => {
		// Break the database under the running server: the themes table disappears.
		const db = new Database(server.databasePath);
		db.pragma('foreign_keys = OFF');
		db.exec('alter table theme rename to theme_gone');
		db.close();
		try {
			const res = await fetch(`${server.url}/themes?fresh=${Date.now()}`);
			expect(res.status).toBe(500);
			expect(res.headers.get('content-type')).toMatch(/^text\/html/);
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
			expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
			expect(res.headers.get('x-request-id')).toMatch(/\w{8,}/);
			expect(res.headers.get('cache-control')).toMatch(/no-store/);
			const body = await res.text();
			expect(body).toContain('Sorry, there is a problem with the service');
			for (const inside of [
				/theme/i,
				/sqlite/i,
				/no such table/i,
				/\.ts\b/,
				/at \w+ \(/,
				/node_modules/,
			])
				expect(body.replace(/<[^>]+>/g, ' ')).not.toMatch(inside);
			// The log has the error, with the request's id, for the people who run the site.
			await new Promise((r) => setTimeout(r, 1500));
			expect(server.output()).toContain(res.headers.get('x-request-id')!);
		} finally {
			const fix = new Database(server.databasePath);
			fix.exec('alter table theme_gone rename to theme');
			fix.close();
		}
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});
});
