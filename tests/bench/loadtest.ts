/**
 * `npm run loadtest`: a mixed load on the production build, as the public uses the site at a busy
 * time: directory pages, session pages, the places-left island, bookings and cancellations, from
 * 100 concurrent clients for 60 seconds (LOAD_SECONDS, LOAD_CONNECTIONS change that). It prints
 * throughput, latency percentiles and errors, then checks the database: no session over capacity,
 * places counted equal to places held, and every booking confirmed to a client is there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import { startSiteServer } from './site-server.ts';
import Database from 'better-sqlite3';
import { hashToken } from '../../src/lib/server/booking/tokens.ts';

const seconds = Number(process.env['LOAD_SECONDS'] ?? 60);
const connections = Number(process.env['LOAD_CONNECTIONS'] ?? 100);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubs-load-'));
const databasePath = path.join(dir, 'load.db');

const server = await startSiteServer({ DATABASE_PATH: databasePath, BOOKING_RATE_LIMIT: '0' });
const url = server.url;

const db = new Database(databasePath, { readonly: true });
const hubs = db
	.prepare("select slug from hub where status = 'published'")
	.pluck()
	.all() as string[];
const themes = db.prepare('select slug from theme').pluck().all() as string[];
const sessions = db
	.prepare(
		"select s.id from session s join session_pattern p on p.id = s.pattern_id where s.status = 'scheduled' and s.date > date('now') and s.date < date('now', '+28 days')",
	)
	.pluck()
	.all() as string[];
const bookable = db
	.prepare(
		"select s.id from session s join session_pattern p on p.id = s.pattern_id where p.booking_mode = 'booking' and s.status = 'scheduled' and s.date > date('now', '+1 day') and s.date < date('now', '+21 days')",
	)
	.pluck()
	.all() as string[];
db.close();
// The places-left island's address, as a hub page asks for it.
const islands: string[] = [];
for (const slug of hubs.slice(0, 6)) {
	const html = await (await fetch(`${url}/hubs/${slug}`)).text();
	const island = /(\/_server-islands\/[^'"\s]+)/.exec(html)?.[1];
	if (island) islands.push(island.replace(/&amp;/g, '&'));
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const directory = () =>
	pick([
		'/',
		'/hubs',
		`/hubs/${pick(hubs)}`,
		`/hubs/${pick(hubs)}`,
		`/themes/${pick(themes)}`,
		`/hubs?theme=${pick(themes)}`,
		'/hubs?q=benefits',
		'/sessions',
	]);
let forms = 0;
const formToken = () =>
	`load${(forms++).toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[+d]!)}`.padEnd(20, '2');
const toCancel: string[] = [];
const confirmed = new Set<string>();
const cancelled = new Set<string>();
const kinds: Record<string, { count: number; statuses: Record<number, number> }> = {};
const latencies: number[] = [];

type Kind = 'directory' | 'session' | 'island' | 'booking' | 'cancellation';
function choose(): Kind {
	const r = Math.random();
	if (r < 0.55) return 'directory';
	if (r < 0.7) return 'session';
	if (r < 0.8 && islands.length) return 'island';
	if (r < 0.93) return 'booking';
	return toCancel.length ? 'cancellation' : 'booking';
}
const form = { 'content-type': 'application/x-www-form-urlencoded', origin: url };

const instance = autocannon({
	url,
	connections,
	duration: seconds,
	requests: [
		{
			setupRequest: (req, ctx: object) => {
				const context = ctx as Record<string, unknown>;
				const kind = choose();
				context['kind'] = kind;
				switch (kind) {
					case 'directory':
						return { ...req, method: 'GET', path: directory(), body: undefined, headers: {} };
					case 'session':
						return { ...req, method: 'GET', path: `/sessions/${pick(sessions)}`, headers: {} };
					case 'island':
						return { ...req, method: 'GET', path: pick(islands), headers: {} };
					case 'booking':
						return {
							...req,
							method: 'POST',
							path: `/sessions/${pick(bookable)}`,
							headers: form,
							body: new URLSearchParams({
								formToken: formToken(),
								name: 'Load Test',
								email: 'load@example.org',
								phone: '',
								places: '1',
								action: 'book',
							}).toString(),
						};
					case 'cancellation': {
						const token = toCancel.shift()!;
						context['token'] = token;
						return {
							...req,
							method: 'POST',
							path: `/bookings/${token}`,
							headers: form,
							body: 'action=cancel',
						};
					}
				}
			},
			onResponse: (status, _body, ctx: object, headers) => {
				const context = ctx as Record<string, unknown>;
				const kind = context['kind'] as Kind;
				const k = (kinds[kind] ??= { count: 0, statuses: {} });
				k.count++;
				k.statuses[status] = (k.statuses[status] ?? 0) + 1;
				const location = (headers as Record<string, string> | undefined)?.['location'] ?? '';
				const token = /^\/bookings\/([a-z2-7]+)\/confirmation$/.exec(location)?.[1];
				if (kind === 'booking' && status === 303 && token) {
					confirmed.add(token);
					if (Math.random() < 0.5) toCancel.push(token);
				}
				if (kind === 'cancellation' && status === 303) cancelled.add(context['token'] as string);
			},
		},
	],
}) as unknown as EventEmitter;
instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
	latencies.push(responseTime),
);
const result = await new Promise<autocannon.Result>((resolve) =>
	instance.on('done', (r: autocannon.Result) => resolve(r)),
);

await server.stop();

latencies.sort((a, b) => a - b);
const pct = (p: number) =>
	latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!;
const check = new Database(databasePath, { readonly: true });
const over = check
	.prepare(
		`select count(*) from session s where s.places_taken > s.capacity or (s.date >= date('now') and s.places_taken <>
		   (select coalesce(sum(b.places), 0) from booking b where b.session_id = s.id and b.status in ('confirmed', 'offered')))`,
	)
	.pluck()
	.get() as number;
const find = check.prepare('select status from booking where manage_token_hash = ?').pluck();
let missing = 0;
for (const token of confirmed) {
	const status = find.get(hashToken(token)) as string | undefined;
	// A cancellation still in flight when the run ended may have happened without its answer arriving.
	if (!status || (cancelled.has(token) && status !== 'cancelled')) missing++;
}
check.close();
fs.rmSync(dir, { recursive: true, force: true });

const errors = result.errors + result.timeouts + (result['5xx'] ?? 0);
console.log(`Mixed load: ${connections} clients for ${seconds} s against the production build`);
console.log(
	`requests ${result.requests.total}, ${Math.round(result.requests.average)} per second; latency p50 ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, p99 ${pct(0.99).toFixed(1)} ms; errors (connection, timeout, 5xx) ${errors}`,
);
for (const [kind, k] of Object.entries(kinds))
	console.log(`  ${kind.padEnd(13)} ${String(k.count).padStart(7)}  ${JSON.stringify(k.statuses)}`);
console.log(
	`bookings confirmed ${confirmed.size}, cancelled ${cancelled.size}; sessions over capacity or miscounted ${over}; confirmed bookings missing ${missing}`,
);
if (over > 0 || missing > 0 || errors > 0) process.exit(1);
