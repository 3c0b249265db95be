/**
 * The Open Referral UK API over HTTP on the built server with demo data: every response validated
 * against the ORUK JSON Schemas, the Page wrapper's invariants, each filter alone and combined,
 * CORS and caching headers, unpublished records kept out, and no personal data anywhere (bookings
 * with distinctive names, emails and phones are added first and searched for in every response).
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THEMES_TAXONOMY_ID } from '../../src/lib/domain/open-data/ids.ts';
import { parseCalendar } from '../helpers/ical.ts';
import { apiInfoShape, expectPage, expectValid } from '../helpers/oruk.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

const ORIGIN = 'https://hubs.example.org';
/** Personal data planted in bookings and accounts: none of it may appear in open data. */
export const PERSONAL = [
	'Zebedee Quixotic-Marchbanks',
	'zebedee.quixotic@example.net',
	'07700 900123',
	'Has a guide dog called Pepperpot',
	'Demo booking',
	'demo1@example.org',
	'staff@example.org',
	'volunteer@example.org',
	'Demo Staff Member',
	'Demo Volunteer',
];

let server: RunningServer;
/** Every response body read in this file, searched for personal data at the end. */
const seen: string[] = [];

type Json = Record<string, unknown>;

async function get(path: string, expected = 200): Promise<Json> {
	const res = await fetch(`${server.url}/api/v1${path}`);
	const text = await res.text();
	seen.push(text);
	expect(res.status, `${path}: ${text.slice(0, 200)}`).toBe(expected);
	expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
	expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
	return JSON.parse(text) as Json;
}

/** Every item of a paged list, checking each page's wrapper on the way. */
async function all(path: string, perPage = 7): Promise<Json[]> {
	const items: Json[] = [];
	for (let page = 1; ; page++) {
		const sep = path.includes('?') ? '&' : '?';
		const body = expectPage(await get(`${path}${sep}page=${page}&per_page=${perPage}`), perPage);
		expect(body.page_number).toBe(page);
		items.push(...(body.contents as Json[]));
		if (body.last_page || body.total_pages === 0) {
			expect(items.length).toBe(body.total_items);
			return items;
		}
	}
}

const ids = (items: Json[]) => items.map((i) => i['id'] as string).sort();

beforeAll(async () => {
	// Hundreds of API requests in a minute, from one client: no listing limit.
	server = await startServer({ PUBLIC_ORIGIN: ORIGIN, LISTING_RATE_LIMIT: '0' });
	const db = new Database(server.databasePath);
	const session = db
		.prepare("select id from session where status = 'scheduled' order by date limit 1")
		.pluck()
		.get() as string;
	db.prepare(
		`insert into booking (id, session_id, reference, manage_token_hash, form_token, status, places, name, attendee_name, email, phone, needs, created_at, updated_at)
		 values (?, ?, 'ZQM-1234', ?, ?, 'confirmed', 1, ?, ?, ?, ?, ?, datetime('now'), datetime('now'))`,
	).run(
		randomUUID(),
		session,
		randomUUID(),
		randomUUID(),
		PERSONAL[0],
		PERSONAL[0],
		PERSONAL[1],
		PERSONAL[2],
		PERSONAL[3],
	);
	db.close();
});
afterAll(async () => {
	await server?.stop();
});

describe('GET /api/v1', () => {
	it('says which version and profile it serves, in the OpenAPI document’s shape', async () => {
		const body = await get('');
		for (const [key, schema] of Object.entries(apiInfoShape())) {
			expect(typeof body[key], key).toBe(schema.type);
			if (schema.format === 'uri') expect(() => new URL(body[key] as string)).not.toThrow();
		}
		expect(body['version']).toBe('3.0');
	});
});

describe('services', () => {
	it('lists every published service, each valid, and each in full valid with stable nested ids', async () => {
		const list = await all('/services');
		expect(list.length).toBeGreaterThan(20);
		for (const s of list) expectValid('compiled/service_list', s, `service ${s['name']}`);
		for (const s of list) {
			const full = await get(`/services/${s['id']}`);
			expectValid('compiled/service', full, `service ${s['name']}`);
			expect(full['name']).toBe(s['name']);
			expect(await get(`/services/${s['id']}`)).toEqual(full);
		}
	});

	it('gives drop-in patterns as schedules linking to the booking page, and themes as terms', async () => {
		const found = await all('/services?search=benefits%20check');
		expect(found.length).toBeGreaterThan(0);
		const full = await get(`/services/${found[0]!['id']}`);
		const schedules = full['schedules'] as Json[];
		expect(schedules.length).toBeGreaterThan(0);
		expect(schedules[0]!['schedule_link']).toMatch(new RegExp(`^${ORIGIN}/sessions\\?hub=`));
		expect(schedules[0]!['freq']).toMatch(/^(WEEKLY|MONTHLY)$/);
		const terms = (full['attributes'] as Json[]).map((a) => a['taxonomy_term'] as Json);
		expect(terms.length).toBeGreaterThan(0);
		expect(terms[0]!['taxonomy_id']).toBe(THEMES_TAXONOMY_ID);
		const location = (full['service_at_locations'] as Json[])[0]!['location'] as Json;
		expect((location['addresses'] as Json[])[0]!['postal_code']).toMatch(/^G\d+ \d[A-Z]{2}$/);
	});

	it('never lists an unpublished service, nor opens one by id', async () => {
		const db = new Database(server.databasePath, { readonly: true });
		const drafts = db.prepare("select id from service where status = 'draft'").pluck().all();
		db.close();
		expect(drafts.length).toBeGreaterThan(0);
		const listed = ids(await all('/services', 50));
		for (const id of drafts) {
			expect(listed).not.toContain(id);
			await get(`/services/${id}`, 404);
		}
		await get('/services/not-a-service', 404);
	});
});

describe('filters on /services, each alone and combined', () => {
	let everything: Json[];
	let themeId: string;
	beforeAll(async () => {
		everything = await all('/services', 100);
		const terms = await all('/taxonomy_terms', 100);
		themeId = terms.find((t) => t['name'] === 'Welfare and benefits')!['id'] as string;
	});

	const fullOf = (id: string) => get(`/services/${id}`);
	const schedulesOf = async (id: string) => (await fullOf(id))['schedules'] as Json[];

	it('search: every word, in any of the service’s texts', async () => {
		const found = await all('/services?search=pantry');
		expect(found.length).toBeGreaterThan(0);
		expect(found.length).toBeLessThan(everything.length);
		for (const s of found)
			expect(JSON.stringify(await fullOf(s['id'] as string))).toMatch(/pantr/i);
		expect(await all('/services?search=zzqqxx')).toEqual([]);
	});

	it('taxonomy_term_id: services with that theme', async () => {
		const found = await all(`/services?taxonomy_term_id=${themeId}`);
		expect(found.length).toBeGreaterThan(0);
		for (const s of found) {
			const attributes = (await fullOf(s['id'] as string))['attributes'] as Json[];
			expect(attributes.map((a) => a['taxonomy_term_id'])).toContain(themeId);
		}
		const db = new Database(server.databasePath, { readonly: true });
		const expected = db
			.prepare(
				`select count(distinct s.id) from service s join service_theme st on st.service_id = s.id
				 join service_hub sh on sh.service_id = s.id join hub h on h.id = sh.hub_id and h.status = 'published'
				 where s.status = 'published' and st.theme_id = ?`,
			)
			.pluck()
			.get(themeId);
		db.close();
		expect(found.length).toBe(expected);
	});

	it('taxonomy_id: any term of the themes taxonomy; another taxonomy has none', async () => {
		expect((await all(`/services?taxonomy_id=${THEMES_TAXONOMY_ID}`)).length).toBe(
			everything.length,
		);
		expect(await all(`/services?taxonomy_id=${randomUUID()}`)).toEqual([]);
	});

	it('day, start_time and end_time: a drop-in pattern on that day, within those times', async () => {
		const tuesday = await all('/services?day=tuesday');
		expect(tuesday.length).toBeGreaterThan(0);
		expect(tuesday.length).toBeLessThan(everything.length);
		for (const s of tuesday)
			expect(
				(await schedulesOf(s['id'] as string)).some((x) => /TU/.test(String(x['byday']))),
			).toBe(true);
		expect(ids(await all('/services?day=TU'))).toEqual(ids(tuesday));
		const afternoon = await all('/services?start_time=13:00');
		expect(afternoon.length).toBeGreaterThan(0);
		for (const s of afternoon)
			expect(
				(await schedulesOf(s['id'] as string)).some((x) => String(x['opens_at']) >= '13:00:00'),
			).toBe(true);
		const morning = await all('/services?end_time=12:00:00');
		expect(morning.length).toBeGreaterThan(0);
		for (const s of morning)
			expect(
				(await schedulesOf(s['id'] as string)).some((x) => String(x['closes_at']) <= '12:00:00'),
			).toBe(true);
		// All three apply to one and the same pattern.
		const both = await all('/services?day=TU&start_time=09:00&end_time=12:00');
		for (const s of both)
			expect(
				(await schedulesOf(s['id'] as string)).some(
					(x) =>
						/TU/.test(String(x['byday'])) &&
						String(x['opens_at']) >= '09:00:00' &&
						String(x['closes_at']) <= '12:00:00',
				),
			).toBe(true);
	});

	it('minimum_age and maximum_age', async () => {
		const older = await all('/services?minimum_age=16');
		expect(older.length).toBeGreaterThan(0);
		for (const s of older) expect(s['minimum_age'] as number).toBeGreaterThanOrEqual(16);
		const younger = await all('/services?maximum_age=25');
		for (const s of younger) expect(s['maximum_age'] as number).toBeLessThanOrEqual(25);
	});

	it('combines filters with AND', async () => {
		const a = ids(await all(`/services?taxonomy_term_id=${themeId}`));
		const b = ids(await all('/services?day=tuesday'));
		const c = ids(await all('/services?search=benefits'));
		const combined = ids(
			await all(`/services?taxonomy_term_id=${themeId}&day=tuesday&search=benefits`),
		);
		expect(combined).toEqual(a.filter((id) => b.includes(id) && c.includes(id)));
		expect(combined.length).toBeGreaterThan(0);
	});

	it.each([
		['per_page=0', /per_page/],
		['per_page=501', /per_page/],
		['page=abc', /page/],
		['day=funday', /day/],
		['start_time=25:00', /start_time/],
		['end_time=noon', /end_time/],
		['minimum_age=-1', /minimum_age/],
		['postcode=G51%203QX&proximity=100', /service_at_locations/],
	])('answers a bad parameter (%s) with a 400 that says what is wrong', async (query, message) => {
		const body = await get(`/services?${query}`, 400);
		expect(body['message']).toMatch(message);
	});

	it('answers a page past the last with an empty page', async () => {
		const body = expectPage(await get('/services?page=99&per_page=10'), 10);
		expect(body.contents).toEqual([]);
		expect(body.last_page).toBe(true);
	});
});

describe('service_at_locations', () => {
	it('lists every published service at a published hub, each valid, and each in full valid', async () => {
		const list = await all('/service_at_locations', 25);
		expect(list.length).toBeGreaterThan(20);
		for (const s of list) expectValid('compiled/service_at_location_list', s);
		for (const s of list.slice(0, 12)) {
			const full = await get(`/service_at_locations/${s['id']}`);
			expectValid('compiled/service_at_location', full);
			expect(full['location_id']).toBe(s['location_id']);
			for (const x of (full['service'] as Json)['schedules'] as Json[])
				expect(x['service_at_location_id']).toBe(s['id']);
		}
		await get(`/service_at_locations/${randomUUID()}`, 404);
	});

	it('finds services near the postcode of one of our hubs, nearest first', async () => {
		const list = await all('/service_at_locations', 100);
		const govan = list.find((s) => (s['location'] as Json)['name'] === 'Govan Riverside Hub')!;
		const atGovan = await get(`/service_at_locations/${govan['id']}`);
		const postcode = (((atGovan['location'] as Json)['addresses'] as Json[])[0] as Json)[
			'postal_code'
		] as string;
		const here = await all(
			`/service_at_locations?postcode=${encodeURIComponent(postcode)}&proximity=0`,
		);
		expect(here.length).toBeGreaterThan(0);
		for (const s of here) expect((s['location'] as Json)['name']).toBe('Govan Riverside Hub');
		const near = await all(
			`/service_at_locations?postcode=${postcode.replace(' ', '').toLowerCase()}&proximity=3000`,
		);
		expect(near.length).toBeGreaterThan(here.length);
		expect(near.length).toBeLessThan(list.length);
		const [lat, lon] = [
			(atGovan['location'] as Json)['latitude'] as number,
			(atGovan['location'] as Json)['longitude'] as number,
		];
		const distances = near.map((s) => {
			const l = s['location'] as Json;
			const dLat = (((l['latitude'] as number) - lat) * Math.PI) / 180;
			const dLon = (((l['longitude'] as number) - lon) * Math.PI) / 180;
			const x = dLon * Math.cos((lat * Math.PI) / 180);
			return Math.sqrt(dLat * dLat + x * x) * 6_371_000;
		});
		for (const d of distances) expect(d).toBeLessThanOrEqual(3000 * 1.01);
		expect([...distances].sort((a, b) => a - b)).toEqual(distances);
		// Combined with the other filters.
		const walkIn = await all(
			`/service_at_locations?postcode=${encodeURIComponent(postcode)}&proximity=3000&search=pantry`,
		);
		for (const s of walkIn) expect(ids(near)).toContain(s['id']);
	});

	it.each([
		['postcode=EH1%201YZ&proximity=1000', /not known here/],
		['postcode=NOTAPOSTCODE&proximity=1000', /UK postcode/],
		['postcode=G51%203QX', /together/],
		['proximity=1000', /together/],
		['postcode=G51%203QX&proximity=far', /metres/],
	])('answers %s with a clear 400', async (query, message) => {
		const body = await get(`/service_at_locations?${query}`, 400);
		expect(body['message']).toMatch(message);
	});
});

describe('taxonomies and taxonomy terms', () => {
	it('lists the taxonomy of themes and its terms, each valid', async () => {
		const taxonomies = await all('/taxonomies');
		expect(taxonomies).toHaveLength(1);
		for (const t of taxonomies) expectValid('taxonomy', t);
		const full = await get(`/taxonomies/${THEMES_TAXONOMY_ID}`);
		expectValid('taxonomy', full);
		const terms = await all('/taxonomy_terms', 4);
		expect(terms.length).toBeGreaterThan(5);
		expect(ids(full['taxonomy_terms'] as Json[])).toEqual(ids(terms));
		for (const t of terms) {
			expectValid('taxonomy_term', t);
			expectValid('taxonomy_term', await get(`/taxonomy_terms/${t['id']}`));
		}
		await get(`/taxonomies/${randomUUID()}`, 404);
		await get(`/taxonomy_terms/${randomUUID()}`, 404);
	});
});

describe('calendar feeds over HTTP', () => {
	it.each([
		'/sessions.ics',
		'/hubs/govan-riverside-hub/sessions.ics',
		'/themes/welfare-and-benefits/sessions.ics',
	])('serves %s as iCalendar to anyone', async (path) => {
		const res = await fetch(server.url + path);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(res.headers.get('etag')).toBeTruthy();
		const text = await res.text();
		seen.push(text);
		const { events } = parseCalendar(text);
		expect(events.length).toBeGreaterThan(0);
		for (const e of events) expect(e.url.startsWith(`${ORIGIN}/sessions/`)).toBe(true);
	});

	it('answers 404 for an unknown hub or theme', async () => {
		expect((await fetch(`${server.url}/hubs/nowhere/sessions.ics`)).status).toBe(404);
		expect((await fetch(`${server.url}/themes/nothing/sessions.ics`)).status).toBe(404);
	});
});

describe('search engines and sharing', () => {
	const jsonLd = (html: string) => {
		const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
		expect(m, 'a JSON-LD script').not.toBeNull();
		return JSON.parse(m![1]!) as Json;
	};

	it('describes a hub page as a place with opening hours, and gives Open Graph tags', async () => {
		const html = await (await fetch(`${server.url}/hubs/govan-riverside-hub`)).text();
		const data = jsonLd(html);
		expect(data['@context']).toBe('https://schema.org');
		expect(data['@type']).toContain('CivicStructure');
		expect(data['name']).toBe('Govan Riverside Hub');
		expect(data['url']).toBe(`${ORIGIN}/hubs/govan-riverside-hub`);
		expect((data['address'] as Json)['postalCode']).toMatch(/^G51 /);
		const hours = data['openingHoursSpecification'] as Json[];
		expect(hours.length).toBe(5);
		expect(hours[0]).toMatchObject({
			dayOfWeek: 'https://schema.org/Monday',
			opens: '09:00',
			closes: '17:00',
		});
		expect(html).toContain('<meta property="og:title" content="Govan Riverside Hub">');
		expect(html).toContain('<meta property="og:type" content="place">');
		expect(html).toContain(`<meta property="og:url" content="${ORIGIN}/hubs/govan-riverside-hub">`);
		expect(html).toMatch(/<meta property="og:description" content="[^"]+">/);
		expect(html).toContain('href="/hubs/govan-riverside-hub/sessions.ics"');
	});

	it('describes a session page as an event with its status and the places left', async () => {
		const db = new Database(server.databasePath, { readonly: true });
		const row = db
			.prepare(
				`select s.id, s.capacity, s.places_taken as taken from session s join session_pattern p on p.id = s.pattern_id
				 join service sv on sv.id = p.service_id and sv.status = 'published' join hub h on h.id = p.hub_id and h.status = 'published'
				 where p.booking_mode = 'booking' and s.status = 'scheduled' and s.places_taken > 0 and s.date > date('now') order by s.date limit 1`,
			)
			.get() as { id: string; capacity: number; taken: number };
		const cancelled = db
			.prepare("select id from session where status = 'cancelled' and date > date('now') limit 1")
			.pluck()
			.get() as string;
		db.close();
		const data = jsonLd(await (await fetch(`${server.url}/sessions/${row.id}`)).text());
		expect(data['@type']).toBe('Event');
		expect(data['eventStatus']).toBe('https://schema.org/EventScheduled');
		expect(data['remainingAttendeeCapacity']).toBe(row.capacity - row.taken);
		expect(data['maximumAttendeeCapacity']).toBe(row.capacity);
		expect(String(data['startDate'])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00[+-]\d\d:\d\d$/);
		expect((data['location'] as Json)['name']).toBeTruthy();
		const gone = jsonLd(await (await fetch(`${server.url}/sessions/${cancelled}`)).text());
		expect(gone['eventStatus']).toBe('https://schema.org/EventCancelled');
	});

	it('serves a sitemap of the public directory pages and a robots.txt that points to it', async () => {
		const sitemap = await fetch(`${server.url}/sitemap.xml`);
		expect(sitemap.headers.get('content-type')).toMatch(/^application\/xml/);
		const xml = await sitemap.text();
		seen.push(xml);
		expect(xml).toContain(`<loc>${ORIGIN}/hubs/govan-riverside-hub</loc>`);
		expect(xml).toContain(`<loc>${ORIGIN}/themes/welfare-and-benefits</loc>`);
		expect(xml).not.toContain('/admin');
		const locs = xml.match(/<loc>/g)!.length;
		const db = new Database(server.databasePath, { readonly: true });
		const hubs = db
			.prepare("select count(*) from hub where status = 'published'")
			.pluck()
			.get() as number;
		const themes = db.prepare('select count(*) from theme').pluck().get() as number;
		db.close();
		expect(locs).toBe(hubs + themes + 6);
		const robots = await (await fetch(`${server.url}/robots.txt`)).text();
		expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
		expect(robots).toContain('Disallow: /admin');
		expect(robots).toContain('Disallow: /bookings');
	});
});

describe('HTTP behaviour', () => {
	it('revalidates with an ETag (304 keeps the CORS header) and answers preflight requests', async () => {
		const first = await fetch(`${server.url}/api/v1/services`);
		expect(first.headers.get('cache-control')).toBe('no-cache');
		const etag = first.headers.get('etag');
		expect(etag).toBeTruthy();
		const again = await fetch(`${server.url}/api/v1/services`, {
			headers: { 'If-None-Match': etag! },
		});
		expect(again.status).toBe(304);
		expect(again.headers.get('access-control-allow-origin')).toBe('*');
		const preflight = await fetch(`${server.url}/api/v1/services`, {
			method: 'OPTIONS',
			headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' },
		});
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
	});

	it('holds no personal data in any response or feed', () => {
		expect(seen.length).toBeGreaterThan(100);
		const everything = seen.join('\n');
		for (const p of PERSONAL) expect(everything, p).not.toContain(p);
	});
});
