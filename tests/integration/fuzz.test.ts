/**
 * The fuzz test: malformed, oversized, wrongly encoded, HTML- and script-bearing and SQL-looking
 * values posted at every public and back-office form and sent as every API and filter parameter,
 * and each field left out in turn.
 * Every answer must be below 500; a request that is refused (4xx) must store nothing; and no
 * payload may come back unescaped in any page, register, CSV or message that shows it later.
 */
import net from 'node:net';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
const cookies: Record<string, string> = {};
let sessionA: string;
let bookable: string;
let later: string; // a second session, for the booking whose details are shown later
let serviceSlug: string;
let managePath: string; // a real booking's manage page

const SCRIPT = '<script>alert("fuzz")</script>';
const IMG = '"><img src=x onerror=alert(1)>';
/** The values thrown at every field. */
const PAYLOADS = [
	'',
	' ',
	SCRIPT,
	IMG,
	"'; drop table booking; --",
	"1' or '1'='1",
	'=HYPERLINK("http://evil.example")',
	'\u0000\u0001\u0002',
	'\u202eevil\u202c',
	'𝕳𝖚𝖇 😀',
	'-1',
	'1e309',
	'99999999999999999999',
	'2026-02-30',
	'25:61',
	'x'.repeat(20_000),
];

interface Target {
	name: string;
	method: 'GET' | 'POST';
	path: () => string;
	who: 'anonymous' | 'volunteer' | 'staff';
	fields: Record<string, string>;
}

const targets = (): Target[] => [
	{
		name: 'booking form',
		method: 'POST',
		path: () => `/sessions/${bookable}`,
		who: 'anonymous',
		fields: {
			formToken: 'fuzzformtokenaaaaaaaa',
			name: 'Fuzz Person',
			email: 'fuzz@example.org',
			phone: '',
			needs: '',
			places: '1',
			attendeeName: '',
			forSomeoneElse: '',
			wantsReminder: '',
			action: 'book',
		},
	},
	{
		name: 'find a booking',
		method: 'POST',
		path: () => '/bookings/find',
		who: 'anonymous',
		fields: { reference: 'KT7-4MX', contact: 'a@example.org' },
	},
	{
		name: 'hub search',
		method: 'GET',
		path: () => '/hubs',
		who: 'anonymous',
		fields: {
			q: 'food',
			theme: 'housing',
			area: 'govan',
			day: 'monday',
			access: 'step-free',
			page: '1',
		},
	},
	{
		name: 'session list',
		method: 'GET',
		path: () => '/sessions',
		who: 'anonymous',
		fields: {
			hub: 'govan-riverside-hub',
			theme: 'housing',
			area: 'govan',
			day: 'monday',
			from: '2026-11-23',
		},
	},
	{
		name: 'sessions API',
		method: 'GET',
		path: () => '/api/sessions',
		who: 'anonymous',
		fields: {
			start: '2026-11-01',
			end: '2026-12-01',
			hub: 'govan-riverside-hub',
			theme: 'housing',
		},
	},
	{
		name: 'forgot password',
		method: 'POST',
		path: () => '/forgot-password',
		who: 'anonymous',
		fields: { email: 'nobody@example.org' },
	},
	{
		name: 'book someone in',
		method: 'POST',
		path: () => `/volunteer/sessions/${sessionA}/book`,
		who: 'volunteer',
		fields: {
			formToken: 'fuzzassistedaaaaaaaa',
			name: 'Assisted Person',
			email: '',
			phone: '0141 496 0000',
			needs: '',
			places: '1',
			action: 'book',
		},
	},
	{
		name: 'walk-ins',
		method: 'POST',
		path: () => `/volunteer/sessions/${sessionA}`,
		who: 'volunteer',
		fields: { action: 'walk-ins', walkIns: '2' },
	},
	{
		name: 'change a date',
		method: 'POST',
		path: () => `/volunteer/sessions/${sessionA}/change`,
		who: 'volunteer',
		fields: { action: 'capacity', capacity: '12' },
	},
	{
		name: 'close a hub',
		method: 'POST',
		path: () => '/volunteer/hubs/govan-riverside-hub/close',
		who: 'volunteer',
		fields: { startsOn: '2027-05-01', endsOn: '2027-05-02', reason: 'Fuzz closure' },
	},
	{
		name: 'new pattern',
		method: 'POST',
		path: () => '/volunteer/hubs/govan-riverside-hub/sessions/new',
		who: 'volunteer',
		fields: {
			serviceId: 'x',
			week: 'weekly',
			weekday: '2',
			startTime: '10:00',
			endTime: '11:00',
			capacity: '5',
			startsOn: '2027-01-05',
		},
	},
	{
		name: 'invite someone',
		method: 'POST',
		path: () => '/admin',
		who: 'staff',
		fields: { name: 'Fuzz Volunteer', email: 'fuzzvol@example.org', role: 'volunteer', hub: 'x' },
	},
	{
		name: 'edit a hub',
		method: 'POST',
		path: () => '/admin/hubs/govan-riverside-hub',
		who: 'staff',
		fields: {
			action: 'save',
			name: 'Govan Riverside Hub',
			summary: 'S',
			postcode: 'G51 3QX',
			'hours-1': '9 to 5',
		},
	},
	{
		name: 'add a service',
		method: 'POST',
		path: () => '/admin/services/new',
		who: 'staff',
		fields: { name: 'Fuzz service', summary: 'S', minimumAge: '1', themeIds: 'x', hubIds: 'y' },
	},
	{
		name: 'add a theme',
		method: 'POST',
		path: () => '/admin/themes/new',
		who: 'staff',
		fields: { name: 'Fuzz theme', summary: 'S', description: 'D', sortOrder: '5' },
	},
	{
		name: 'add an organisation',
		method: 'POST',
		path: () => '/admin/organisations/new',
		who: 'staff',
		fields: { name: 'Fuzz organisation', website: 'https://example.org', phone: '' },
	},
	{
		name: 'closure of every hub',
		method: 'POST',
		path: () => '/admin/closures',
		who: 'staff',
		fields: { startsOn: '2027-06-01', endsOn: '2027-06-01', reason: 'Fuzz holiday' },
	},
	{
		name: 'a person’s data',
		method: 'POST',
		path: () => '/admin/people',
		who: 'staff',
		fields: { action: 'find', contact: 'a@example.org' },
	},
	{
		name: 'sign in',
		method: 'POST',
		path: () => '/sign-in',
		who: 'anonymous',
		fields: { email: 'nobody@example.org', password: 'not the password', next: '/volunteer' },
	},
	{
		name: 'set a password from a link',
		method: 'POST',
		path: () => '/set-password/notarealtokenaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
		who: 'anonymous',
		fields: { password: 'a long enough password', confirm: 'a long enough password' },
	},
	{
		name: 'manage a booking',
		method: 'POST',
		path: () => managePath,
		who: 'anonymous',
		fields: { action: 'keep' },
	},
	{
		name: 'check someone in',
		method: 'POST',
		path: () => `/volunteer/sessions/${sessionA}`,
		who: 'volunteer',
		fields: { action: 'attended', booking: 'no-such-booking' },
	},
	{
		name: 'move a booking',
		method: 'POST',
		path: () => `/volunteer/sessions/${sessionA}`,
		who: 'volunteer',
		fields: { action: 'move-booking', booking: 'no-such-booking', to: 'no-such-session' },
	},
	{
		name: 'move a session date',
		method: 'POST',
		path: () => `/volunteer/sessions/${sessionA}/change`,
		who: 'volunteer',
		fields: {
			action: 'move',
			date: '2027-03-03',
			startTime: '10:00',
			endTime: '11:00',
			moveReason: 'Fuzz',
		},
	},
	{
		name: 'reminder time',
		method: 'POST',
		path: () => '/volunteer/hubs/govan-riverside-hub/sessions',
		who: 'volunteer',
		fields: { reminderHours: '24' },
	},
	{
		name: 'an account',
		method: 'POST',
		path: () => '/admin?form=account',
		who: 'staff',
		fields: { accountAction: 'end-sessions', user: 'no-such-user' },
	},
	{
		name: 'send a message again',
		method: 'POST',
		path: () => '/admin/mail',
		who: 'staff',
		fields: { message: 'no-such-message' },
	},
	{
		name: 'edit a service',
		method: 'POST',
		path: () => `/admin/services/${serviceSlug}`,
		who: 'staff',
		fields: { action: 'save', name: 'Fuzz service', summary: 'S', maximumAge: '99' },
	},
	{
		name: 'edit a theme',
		method: 'POST',
		path: () => '/admin/themes/housing',
		who: 'staff',
		fields: { name: 'Housing', summary: 'S', description: 'D', sortOrder: '1' },
	},
	{
		name: 'check an import',
		method: 'POST',
		path: () => '/admin/open-data',
		who: 'staff',
		fields: { action: 'check', json: '{"services": []}' },
	},
	{
		name: 'apply an import',
		method: 'POST',
		path: () => '/admin/open-data',
		who: 'staff',
		fields: { action: 'apply', token: 'no-such-import' },
	},
	{
		name: 'Open Referral API',
		method: 'GET',
		path: () => '/api/v1/services',
		who: 'anonymous',
		fields: {
			page: '1',
			per_page: '10',
			search: 'advice',
			taxonomy_term_id: 'x',
			postcode: 'G51 3QX',
			proximity: '2000',
			day: 'monday',
		},
	},
	{
		name: 'insights table as CSV',
		method: 'GET',
		path: () => '/insights/breakdown.csv',
		who: 'staff',
		fields: { from: '2026-09-01', to: '2026-11-30', hub: 'govan-riverside-hub', period: 'week' },
	},
	{
		name: 'insights',
		method: 'GET',
		path: () => '/insights',
		who: 'staff',
		fields: {
			from: '2026-09-01',
			to: '2026-11-30',
			hub: 'govan-riverside-hub',
			theme: 'housing',
			area: 'govan',
			period: 'week',
		},
	},
];

const TABLES = [
	'booking',
	'hub',
	'service',
	'theme',
	'organisation',
	'closure',
	'user',
	'session_pattern',
	'session',
];

function counts(): Record<string, number> {
	const db = new Database(server.databasePath, { readonly: true });
	try {
		return Object.fromEntries(
			TABLES.map((t) => [t, db.prepare(`select count(*) from ${t}`).pluck().get() as number]),
		);
	} finally {
		db.close();
	}
}

async function send(t: Target, fields: Record<string, string>, extra: RequestInit = {}) {
	const headers: Record<string, string> = { Origin: server.url };
	if (t.who !== 'anonymous') headers['Cookie'] = cookies[t.who]!;
	const params = new URLSearchParams(fields);
	const res =
		t.method === 'GET'
			? await fetch(`${server.url}${t.path()}?${params}`, { headers, redirect: 'manual' })
			: await fetch(server.url + t.path(), {
					method: 'POST',
					headers,
					body: params,
					redirect: 'manual',
					...extra,
				});
	return { status: res.status, body: await res.text() };
}

/**
 * A page shows a payload safely when its markup never comes back as markup: outside quoted
 * attribute values (where `<` is harmless and `"` is escaped), no payload tag appears.
 */
function expectEscaped(body: string, where: string) {
	const markup = body.replace(/="[^"]*"/g, '=""');
	expect(markup.includes('<script>alert('), `${where} echoed a script`).toBe(false);
	expect(markup.includes('<img src=x onerror'), `${where} echoed markup`).toBe(false);
}

/**
 * Posts a raw body over a plain socket and reads the status line, even when the server answers
 * and closes before it has read the whole body (as it should for one that is too big).
 */
function rawPost(url: string, type: string, body: string | Buffer): Promise<number> {
	const { hostname, port, pathname } = new URL(url);
	return new Promise((resolve, reject) => {
		const socket = net.connect(Number(port), hostname);
		let answer = '';
		const done = () => {
			const status = /^HTTP\/1\.1 (\d{3})/.exec(answer);
			if (status) resolve(Number(status[1]));
			else reject(new Error(`no answer: ${answer.slice(0, 100)}`));
		};
		socket.on('data', (d: Buffer) => {
			answer += d.toString('latin1');
			if (/^HTTP\/1\.1 \d{3}/.test(answer)) {
				done();
				socket.destroy();
			}
		});
		socket.on('error', () => done());
		socket.on('close', () => done());
		socket.write(
			`POST ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nOrigin: ${server.url}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
		);
		socket.write(body, () => undefined);
	});
}

async function signIn(email: string): Promise<string> {
	const res = await fetch(`${server.url}/sign-in`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: server.url },
		body: new URLSearchParams({ email, password: DEMO_PASSWORD, next: '/volunteer' }),
	});
	return res.headers.get('set-cookie')!.split(';')[0]!;
}

beforeAll(async () => {
	// No limits: a refused request would never reach the handler the fuzzing is meant to test.
	server = await startServer({ BOOKING_RATE_LIMIT: '0', LISTING_RATE_LIMIT: '0' });
	const db = new Database(server.databasePath, { readonly: true });
	const pick = (hub: string, extra = '') =>
		db
			.prepare(
				`select s.id from session s join session_pattern p on p.id = s.pattern_id join hub h on h.id = p.hub_id
				 where h.slug = ? and s.status = 'scheduled' and s.date > date('now', '+1 day') ${extra} order by s.date limit 1`,
			)
			.pluck()
			.get(hub) as string;
	sessionA = pick('govan-riverside-hub');
	bookable = db
		.prepare(
			"select s.id from session s join session_pattern p on p.id = s.pattern_id where p.booking_mode = 'booking' and s.status = 'scheduled' and s.date > date('now', '+2 days') and s.date < date('now', '+14 days') order by s.capacity - s.places_taken desc limit 1",
		)
		.pluck()
		.get() as string;
	expect(bookable).toBeDefined();
	later = db
		.prepare(
			"select s.id from session s join session_pattern p on p.id = s.pattern_id where p.booking_mode = 'booking' and s.status = 'scheduled' and s.date > date('now', '+2 days') and s.date < date('now', '+14 days') and s.id <> ? order by s.capacity - s.places_taken desc limit 1",
		)
		.pluck()
		.get(bookable) as string;
	serviceSlug = db
		.prepare("select slug from service where status = 'published' limit 1")
		.pluck()
		.get() as string;
	db.close();
	const booked = await fetch(`${server.url}/sessions/${bookable}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: server.url },
		body: new URLSearchParams({
			formToken: 'fuzzmanagebookingaaa',
			name: 'Manage Fuzz',
			email: 'manage.fuzz@example.org',
			places: '1',
			action: 'book',
		}),
	});
	managePath = booked.headers.get('location')!.replace(/\/confirmation$/, '');
	expect(managePath).toMatch(/^\/bookings\/\w+/);
	cookies['volunteer'] = await signIn('volunteer@example.org');
	cookies['staff'] = await signIn('staff@example.org');
}, 120_000);
afterAll(async () => {
	await server?.stop();
});

describe('fuzz', () => {
	it('answers every bad value at every form and parameter with a clear 4xx or a safe success, never a 5xx, and stores nothing it refused', async () => {
		let requests = 0;
		for (const t of targets()) {
			for (const field of Object.keys(t.fields)) {
				// Each bad value in turn, then the field left out altogether (null).
				for (const payload of [...PAYLOADS, null]) {
					const before = counts();
					const fields: Record<string, string> = { ...t.fields, [field]: payload ?? '' };
					if (payload === null) delete fields[field];
					if ('formToken' in fields && field !== 'formToken')
						fields['formToken'] =
							`fuzz${(requests + 1000).toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[+d]!)}`.padEnd(
								20,
								'2',
							);
					const { status, body } = await send(t, fields);
					requests++;
					const where = `${t.name}: ${field}${payload === null ? ' left out' : `=${JSON.stringify(payload.slice(0, 30))}`}`;
					expect(status, where).toBeLessThan(500);
					expectEscaped(body, where);
					if (status >= 400) expect(counts(), `${where} stored something`).toEqual(before);
				}
			}
		}
		expect(requests).toBeGreaterThan(1000);
	}, 900_000);

	it('refuses oversized, wrongly encoded and wrongly typed bodies with a 4xx', async () => {
		const booking = targets()[0]!;
		const before = counts();
		const big = await rawPost(
			server.url + booking.path(),
			'application/x-www-form-urlencoded',
			new URLSearchParams({ ...booking.fields, needs: 'x'.repeat(2_000_000) }).toString(),
		);
		expect(big).toBeGreaterThanOrEqual(400);
		expect(big).toBeLessThan(500);
		for (const [type, body] of [
			['multipart/form-data; boundary=nothing', 'this is not multipart'],
			['application/x-www-form-urlencoded', '%zz%ff%fe=%c3%28&name=%ff'],
			['application/json', '{"name": "Json Person"}'],
			['text/plain', '\u0000\u0001binary'],
		] as const) {
			const status = await rawPost(server.url + booking.path(), type, body);
			expect(status, type).toBeGreaterThanOrEqual(400);
			expect(status, type).toBeLessThan(500);
		}
		expect(counts()).toEqual(before);
	});

	it('shows accepted payloads escaped wherever they appear later: register, CSV, messages, audit', async () => {
		// A booking by someone whose name and needs are markup and a spreadsheet formula.
		const booking = targets()[0]!;
		const made = await send(
			{ ...booking, path: () => `/sessions/${later}` },
			{
				...booking.fields,
				formToken: 'fuzzlaterbookingaaaa',
				name: SCRIPT,
				needs: `=HYPERLINK("http://evil.example") ${IMG}`,
				email: 'later@example.org',
			},
		);
		expect(
			made.status,
			made.body
				.replace(/<[^>]+>/g, ' ')
				.replace(/\s+/g, ' ')
				.slice(0, 3000),
		).toBe(303);
		const db = new Database(server.databasePath, { readonly: true });
		const sessionOfBooking = db
			.prepare("select session_id from booking where form_token = 'fuzzlaterbookingaaaa'")
			.pluck()
			.get() as string;
		db.close();
		for (const path of [
			`/volunteer/sessions/${sessionOfBooking}`,
			'/admin/mail',
			'/admin/audit',
			'/admin/hubs/govan-riverside-hub',
			'/admin/themes',
			'/admin/organisations',
			'/admin/services',
		]) {
			const res = await fetch(server.url + path, { headers: { Cookie: cookies['staff']! } });
			const body = await res.text();
			expect(res.status, path).toBe(200);
			expectEscaped(body, path);
		}
		const page = await (
			await fetch(`${server.url}/volunteer/sessions/${sessionOfBooking}`, {
				headers: { Cookie: cookies['staff']! },
			})
		).text();
		expect(page).toContain('&lt;script&gt;');
		const csv = await (
			await fetch(`${server.url}/volunteer/sessions/${sessionOfBooking}/register.csv`, {
				headers: { Cookie: cookies['staff']! },
			})
		).text();
		expect(csv).toContain('HYPERLINK');
		expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
	});
});
