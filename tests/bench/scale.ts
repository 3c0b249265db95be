/**
 * `npm run bench:scale`: the site at city scale. Builds a database with 1,000 hubs, 10,000
 * services, 100,000 session dates and 200,000 bookings (on top of the demo data), then measures
 * search and page latency on the production build with the page cache off, so every request is
 * rendered. SCALE_SECONDS sets the seconds per page (default 5).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startSiteServer } from './site-server.ts';
import { openDatabase } from '../../src/lib/server/db/open-database.ts';
import { bumpContentVersion } from '../../src/lib/server/queries/meta.ts';
import { rebuildSearchIndex } from '../../src/lib/server/queries/search-index.ts';
import { addDays, londonDate } from '../../src/lib/domain/time.ts';

const root = path.resolve(import.meta.dirname, '../..');
const seconds = Number(process.env['SCALE_SECONDS'] ?? 5);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubs-scale-'));
const databasePath = path.join(dir, 'scale.db');
const WORDS =
	'advice benefits money debt housing food pantry lunch club carers respite digital tablet phone help memory cafe walking group mental health recovery wellbeing kitchen cooking budget energy warm space crafts friendship older people families young parents job skills english language'.split(
		' ',
	);
const word = (i: number) => WORDS[i % WORDS.length]!;

const started = Date.now();
const today = londonDate(new Date());
const db = openDatabase({
	path: databasePath,
	migrationsDir: path.join(root, 'db/migrations'),
	seed: 'demo',
});
const sql = db.$client;
const areas = sql.prepare('select id from area').pluck().all() as string[];
const themes = sql.prepare('select id from theme').pluck().all() as string[];
const organisation = sql.prepare('select id from organisation limit 1').pluck().get() as string;
const stamp = new Date().toISOString();
const counts = { hubs: 0, services: 0, sessions: 0, bookings: 0 };
sql.transaction(() => {
	const hub = sql.prepare(
		`insert into hub (id, organisation_id, area_id, slug, name, summary, description, address_line1, town, postcode, status, last_reviewed_on, created_at, updated_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, 'Glasgow', 'G1 1AA', 'published', ?, ?, ?)`,
	);
	const hours = sql.prepare(
		"insert into hub_opening_hours (hub_id, weekday, opens_at, closes_at) values (?, ?, '09:30', '16:00')",
	);
	const hubIds: string[] = [];
	for (let i = 0; i < 1000; i++) {
		const id = randomUUID();
		hubIds.push(id);
		hub.run(
			id,
			organisation,
			areas[i % areas.length],
			`scale-hub-${i}`,
			`Scale ${word(i)} hub ${i}`,
			`Drop-in ${word(i)} and ${word(i + 7)} support in the community.`,
			`Come along for ${word(i + 3)}, ${word(i + 11)} and ${word(i + 19)}.`,
			`${i} Scale Street`,
			today,
			stamp,
			stamp,
		);
		for (const weekday of [1 + (i % 5), 1 + ((i + 2) % 5)]) hours.run(id, weekday);
		counts.hubs++;
	}
	const service = sql.prepare(
		`insert into service (id, organisation_id, slug, name, summary, description, status, last_reviewed_on, created_at, updated_at)
		 values (?, ?, ?, ?, ?, ?, 'published', ?, ?, ?)`,
	);
	const at = sql.prepare('insert into service_hub (id, service_id, hub_id) values (?, ?, ?)');
	const about = sql.prepare('insert into service_theme (service_id, theme_id) values (?, ?)');
	const pattern = sql.prepare(
		`insert into session_pattern (id, service_id, hub_id, rrule, starts_on, start_time, end_time, capacity, booking_mode, booking_opens_days,
		   booking_closes_hours, max_places_per_booking, waiting_list, created_at, updated_at)
		 values (?, ?, ?, 'FREQ=WEEKLY', ?, '10:00', '12:00', 12, 'booking', null, null, 2, 'automatic', ?, ?)`,
	);
	const session = sql.prepare(
		`insert into session (id, pattern_id, original_date, date, start_time, end_time, capacity, places_taken, status, updated_at)
		 values (?, ?, ?, ?, '10:00', '12:00', 12, 2, 'scheduled', ?)`,
	);
	const booking = sql.prepare(
		`insert into booking (id, session_id, reference, manage_token_hash, form_token, status, places, name, email, needs, created_at, updated_at)
		 values (?, ?, ?, ?, ?, 'confirmed', 1, 'Scale Person', 'scale@example.org', '', ?, ?)`,
	);
	// Dates from three weeks ago (inside the retention period, so no booking is deleted at start-up).
	const first = addDays(today, -21);
	for (let i = 0; i < 10_000; i++) {
		const id = randomUUID();
		service.run(
			id,
			organisation,
			`scale-service-${i}`,
			`${word(i)} ${word(i + 5)} service ${i}`,
			`Help with ${word(i)} and ${word(i + 13)}.`,
			`${word(i + 2)} ${word(i + 17)} ${word(i + 23)}`,
			today,
			stamp,
			stamp,
		);
		const hubId = hubIds[i % hubIds.length]!;
		at.run(randomUUID(), id, hubId);
		about.run(id, themes[i % themes.length]);
		counts.services++;
		// One in five services runs a weekly drop-in: 2,000 patterns of 50 dates each.
		if (i % 5 === 0) {
			const patternId = randomUUID();
			// Spread over the days of the week, as a city's drop-ins are.
			const start = addDays(first, (i / 5) % 7);
			pattern.run(patternId, id, hubId, start, stamp, stamp);
			for (let w = 0; w < 50; w++) {
				const sessionId = randomUUID();
				const date = addDays(start, w * 7);
				session.run(sessionId, patternId, date, date, stamp);
				counts.sessions++;
				for (let b = 0; b < 2; b++) {
					const n = counts.bookings++;
					booking.run(
						randomUUID(),
						sessionId,
						`S${n.toString(36).toUpperCase().padStart(7, '0')}`,
						randomUUID(),
						`scaleform${n.toString(36)}`.padEnd(20, 'q'),
						stamp,
						stamp,
					);
				}
			}
		}
	}
})();
rebuildSearchIndex(db);
bumpContentVersion(db);
sql.close();
const built = ((Date.now() - started) / 1000).toFixed(0);

const server = await startSiteServer({ DATABASE_PATH: databasePath, PAGE_CACHE_ENTRIES: '0' });
const url = server.url;

const check = openDatabase({
	path: databasePath,
	migrationsDir: path.join(root, 'db/migrations'),
	seed: 'none',
});
const sessionId = check.$client
	.prepare(
		"select id from session where date >= ? and pattern_id in (select id from session_pattern where hub_id in (select id from hub where slug like 'scale-hub-%')) limit 1",
	)
	.pluck()
	.get(today) as string;
const totals = check.$client
	.prepare(
		'select (select count(*) from hub) hubs, (select count(*) from service) services, (select count(*) from session) sessions, (select count(*) from booking) bookings',
	)
	.get() as Record<string, number>;
check.$client.close();

const pages: [string, string][] = [
	['search, one word', '/hubs?q=benefits'],
	['search, misspelt', '/hubs?q=benefts+advise'],
	['search, filters', '/hubs?theme=food-and-nutrition&day=monday'],
	['hub list, page 20', '/hubs?page=20'],
	['hub page', '/hubs/scale-hub-500'],
	['session list', '/sessions'],
	['session list, one hub', '/sessions?hub=scale-hub-500'],
	['session page', `/sessions/${sessionId}`],
	['sessions feed (calendar)', '/api/sessions'],
];
console.log(
	`City-scale data: ${totals['hubs']} hubs, ${totals['services']} services, ${totals['sessions']} session dates, ${totals['bookings']} bookings (built in ${built} s); page cache off, 10 connections, ${seconds} s each`,
);
console.log('| page | requests/s | p50 ms | p99 ms |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, page] of pages) {
	const r = await autocannon({ url: url + page, connections: 10, duration: seconds });
	const bad = r.non2xx + r.errors;
	console.log(
		`| ${name} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} |${bad ? ` ${bad} errors` : ''}`,
	);
}
await server.stop();
if (process.env['SCALE_KEEP']) console.log(`kept ${databasePath}`);
else fs.rmSync(dir, { recursive: true, force: true });
