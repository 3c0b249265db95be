/**
 * The crash test: bookings fired continuously from several clients at the production server,
 * whose node process is killed with SIGKILL mid-stream, then restarted on the same database.
 * Every booking whose confirmation reached a client must still be there, and no session may hold
 * more people than its capacity. Repeated several times on one database.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { tempDir } from '../helpers/temp-db.ts';

const ROUNDS = 4;
const CLIENTS = 6;
let dir: string;
let cleanup: () => void;
let databasePath: string;
let sessions: string[];

beforeAll(async () => {
	({ dir, cleanup } = tempDir('hubs-crash-'));
	databasePath = path.join(dir, 'hubs.db');
	// A first start creates and seeds the database; then a few sessions get small capacities, so
	// they fill up while the clients are still booking.
	const first = await startServer({ DATABASE_PATH: databasePath });
	await first.stop();
	const db = new Database(databasePath);
	sessions = db
		.prepare(
			"select s.id from session s join session_pattern p on p.id = s.pattern_id where p.booking_mode = 'booking' and s.status = 'scheduled' and s.date > date('now', '+2 days') and s.date < date('now', '+14 days') order by s.id limit 4",
		)
		.pluck()
		.all() as string[];
	const limit = db.prepare('update session set capacity = places_taken + ? where id = ?');
	sessions.forEach((id, i) => limit.run(12 + i * 6, id));
	db.close();
});
afterAll(() => cleanup());

let sequence = 0;
/** A form token of its own for every request: letters for the number, padded with a digit. */
const token = () =>
	`crash${(sequence++).toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[+d]!)}`.padEnd(20, '2');

/** One client: books one place after another until told to stop; returns the confirmed links. */
async function client(
	server: RunningServer,
	n: number,
	stop: { now: boolean; confirmed: number },
): Promise<string[]> {
	const confirmed: string[] = [];
	for (let i = 0; !stop.now; i++) {
		const sessionId = sessions[(n + i) % sessions.length]!;
		try {
			const res = await fetch(`${server.url}/sessions/${sessionId}`, {
				method: 'POST',
				redirect: 'manual',
				headers: { Origin: server.url },
				body: new URLSearchParams({
					formToken: token(),
					name: `Crash Client ${n}`,
					email: `crash${n}@example.org`,
					phone: '',
					places: '1',
					action: 'book',
				}),
			});
			await res.arrayBuffer();
			const location = res.headers.get('location') ?? '';
			if (res.status === 303 && /\/bookings\/[a-z2-7]+\/confirmation$/.test(location)) {
				confirmed.push(location.replace(/\/confirmation$/, ''));
				stop.confirmed++;
			}
		} catch {
			// The server was killed under this request: no confirmation reached the client.
		}
	}
	return confirmed;
}

describe('crash test', () => {
	it(`keeps every confirmed booking and never exceeds capacity across ${ROUNDS} kill -9 restarts`, async () => {
		const everConfirmed: string[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			const server = await startServer({ DATABASE_PATH: databasePath, BOOKING_RATE_LIMIT: '0' });
			const stop = { now: false, confirmed: 0 };
			const clients = Array.from({ length: CLIENTS }, (_, n) => client(server, n, stop));
			// Kill at a different point each round, while every client has a request in flight.
			const deadline = Date.now() + 30_000;
			while (stop.confirmed < 4 + round * 5 && Date.now() < deadline)
				await new Promise((r) => setTimeout(r, 5));
			const exited = new Promise((r) => server.process.once('exit', r));
			server.process.kill('SIGKILL'); // the server's own node process, mid-stream
			await exited;
			stop.now = true;
			const confirmed = (await Promise.all(clients)).flat();
			expect(
				confirmed.length,
				`round ${round}: bookings confirmed before the kill`,
			).toBeGreaterThan(0);
			everConfirmed.push(...confirmed);
		}

		// Every confirmed booking's page is read, however many there were: no listing limit.
		const server = await startServer({ DATABASE_PATH: databasePath, LISTING_RATE_LIMIT: '0' });
		try {
			const missing: string[] = [];
			for (const link of everConfirmed) {
				const res = await fetch(server.url + link);
				await res.arrayBuffer();
				if (res.status !== 200) missing.push(`${link} ${res.status}`);
			}
			expect(missing, `of ${everConfirmed.length} confirmed`).toEqual([]);
		} finally {
			await server.stop();
		}
		const db = new Database(databasePath, { readonly: true });
		try {
			const over = db
				.prepare(
					`select s.id, s.capacity, s.places_taken,
					   (select coalesce(sum(b.places), 0) from booking b where b.session_id = s.id and b.status in ('confirmed', 'offered')) as held
					 from session s where s.places_taken > s.capacity or held > s.capacity
					   or (s.date >= date('now') and held <> s.places_taken)`,
				)
				.all();
			expect(over).toEqual([]);
			const full = db
				.prepare(
					`select count(*) from session where id in (${sessions.map(() => '?').join(',')}) and places_taken = capacity`,
				)
				.pluck()
				.get(...sessions) as number;
			expect(full, 'the small sessions filled up during the test').toBeGreaterThan(0);
			expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
		} finally {
			db.close();
		}
	}, 240_000);
});
