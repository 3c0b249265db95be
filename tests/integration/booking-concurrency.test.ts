/**
 * Capacity under real concurrency: 50 bookings at once, from five client processes, at a session
 * with 3 places, through the production server over HTTP.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { ROOT } from '../helpers/temp-db.ts';

let server: RunningServer;
beforeAll(async () => {
	server = await startServer({ BOOKING_RATE_LIMIT: '0' });
});
afterAll(async () => {
	await server.stop();
});

function fire(sessionId: string, count: number, label: string): Promise<number[]> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[
				path.join(ROOT, 'tests/helpers/fire-bookings.ts'),
				server.url,
				sessionId,
				String(count),
				label,
			],
			{ stdio: ['ignore', 'pipe', 'inherit'] },
		);
		let out = '';
		child.stdout.on('data', (d: Buffer) => (out += d.toString()));
		child.on('exit', (code) =>
			code === 0
				? resolve(JSON.parse(out) as number[])
				: reject(new Error(`client ${label} exited with ${code}`)),
		);
	});
}

describe('booking the last places at once', () => {
	it('confirms exactly 3 of 50 simultaneous bookings for 3 places, refuses the rest, and never fails with a 500', async () => {
		const db = new Database(server.databasePath);
		// A bookable session next week with 3 places and nothing booked.
		const id = db
			.prepare(
				`select s.id from session s join session_pattern p on p.id = s.pattern_id
				 where p.booking_mode = 'booking' and s.status = 'scheduled' and s.date > date('now', '+2 days') and s.date < date('now', '+9 days') limit 1`,
			)
			.pluck()
			.get() as string;
		db.prepare('delete from booking where session_id = ?').run(id);
		db.prepare('update session set capacity = 3, places_taken = 0 where id = ?').run(id);
		const results = (
			await Promise.all(['bcd', 'cde', 'def', 'efg', 'fgh'].map((label) => fire(id, 10, label)))
		).flat();
		expect(results).toHaveLength(50);
		expect(results.filter((s) => s === 303)).toHaveLength(3);
		expect(results.filter((s) => s === 409)).toHaveLength(47);
		expect(results.filter((s) => s >= 500 || s === 0)).toEqual([]);
		expect(
			db
				.prepare("select count(*) from booking where session_id = ? and status = 'confirmed'")
				.pluck()
				.get(id),
		).toBe(3);
		expect(db.prepare('select places_taken from session where id = ?').pluck().get(id)).toBe(3);
		expect(
			db.prepare("select count(*) from outbox where kind = 'booking-confirmed'").pluck().get(),
		).toBe(3);
		db.close();
	});
});

describe('rate limiting', () => {
	it('answers "try again shortly" (429) past BOOKING_RATE_LIMIT attempts a minute from one client and form', async () => {
		const limited = await startServer({ BOOKING_RATE_LIMIT: '3' });
		try {
			const db = new Database(limited.databasePath, { readonly: true });
			const id = db
				.prepare(
					"select s.id from session s join session_pattern p on p.id = s.pattern_id where p.booking_mode = 'booking' and s.status = 'scheduled' and s.date > date('now', '+2 days') limit 1",
				)
				.pluck()
				.get() as string;
			db.close();
			const statuses: number[] = [];
			for (let i = 0; i < 5; i++) {
				const res = await fetch(`${limited.url}/sessions/${id}`, {
					method: 'POST',
					redirect: 'manual',
					headers: { Origin: limited.url },
					body: new URLSearchParams({
						formToken: 'ratelimitformaaaaaaaa',
						name: '',
						email: '',
						places: '1',
					}),
				});
				statuses.push(res.status);
				if (res.status === 429) {
					expect(await res.text()).toContain('Too many attempts');
					expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
				} else await res.arrayBuffer();
			}
			expect(statuses).toEqual([400, 400, 400, 429, 429]);
		} finally {
			await limited.stop();
		}
	});
});
