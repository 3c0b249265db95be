/**
 * The authorisation matrix: every back-office route and action, called as anonymous, as a
 * volunteer of hub A on hub A's and hub B's resources, and as staff, over HTTP on the built server.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
let sessionA: string; // at Govan Riverside Hub: the demo volunteer's hub
let sessionB: string; // at Easterhouse Bridge Hub: not theirs
let serviceSlug: string;
let themeSlug: string;
let organisationId: string;
const cookies: Record<string, string> = {};

async function signIn(email: string): Promise<string> {
	const res = await fetch(`${server.url}/sign-in`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: server.url },
		body: new URLSearchParams({ email, password: DEMO_PASSWORD, next: '/volunteer' }),
	});
	expect(res.status).toBe(303);
	const cookie = res.headers.get('set-cookie')!;
	expect(cookie).toMatch(/HttpOnly/i);
	expect(cookie).toMatch(/SameSite=Lax/i);
	return cookie.split(';')[0]!;
}

beforeAll(async () => {
	server = await startServer();
	const db = new Database(server.databasePath, { readonly: true });
	const pick = (hub: string) =>
		db
			.prepare(
				"select s.id from session s join session_pattern p on p.id = s.pattern_id join hub h on h.id = p.hub_id where h.slug = ? and s.date >= date('now') order by s.date limit 1",
			)
			.pluck()
			.get(hub) as string;
	sessionA = pick('govan-riverside-hub');
	sessionB = pick('easterhouse-bridge-hub');
	serviceSlug = db.prepare('select slug from service limit 1').pluck().get() as string;
	themeSlug = db.prepare('select slug from theme limit 1').pluck().get() as string;
	organisationId = db.prepare('select id from organisation limit 1').pluck().get() as string;
	db.close();
	cookies['volunteer'] = await signIn('volunteer@example.org');
	cookies['staff'] = await signIn('staff@example.org');
});
afterAll(async () => {
	await server.stop();
});

type Who = 'anonymous' | 'volunteer' | 'staff';
const call = (who: Who, method: string, path: string, body?: Record<string, string>) =>
	fetch(server.url + path, {
		method,
		redirect: 'manual',
		headers: { Origin: server.url, ...(who === 'anonymous' ? {} : { Cookie: cookies[who]! }) },
		...(body ? { body: new URLSearchParams(body) } : {}),
	});

const routes = () => [
	{ name: 'volunteer home', method: 'GET', path: '/volunteer', volunteer: 200, staff: 200 },
	{
		name: 'register at own hub',
		method: 'GET',
		path: `/volunteer/sessions/${sessionA}`,
		volunteer: 200,
		staff: 200,
	},
	{
		name: 'register at another hub',
		method: 'GET',
		path: `/volunteer/sessions/${sessionB}`,
		volunteer: 404,
		staff: 200,
	},
	{
		name: 'walk-ins at own hub',
		method: 'POST',
		path: `/volunteer/sessions/${sessionA}`,
		body: { action: 'walk-ins', walkIns: '2' },
		volunteer: 303,
		staff: 303,
	},
	{
		name: 'walk-ins at another hub',
		method: 'POST',
		path: `/volunteer/sessions/${sessionB}`,
		body: { action: 'walk-ins', walkIns: '2' },
		volunteer: 404,
		staff: 303,
	},
	{
		name: 'register CSV at own hub',
		method: 'GET',
		path: `/volunteer/sessions/${sessionA}/register.csv`,
		volunteer: 200,
		staff: 200,
	},
	{
		name: 'register CSV at another hub',
		method: 'GET',
		path: `/volunteer/sessions/${sessionB}/register.csv`,
		volunteer: 404,
		staff: 200,
	},
	{
		name: 'change page at own hub',
		method: 'GET',
		path: `/volunteer/sessions/${sessionA}/change`,
		volunteer: 200,
		staff: 200,
	},
	{
		name: 'change page at another hub',
		method: 'GET',
		path: `/volunteer/sessions/${sessionB}/change`,
		volunteer: 404,
		staff: 200,
	},
	{
		name: 'change capacity at another hub',
		method: 'POST',
		path: `/volunteer/sessions/${sessionB}/change`,
		body: { action: 'capacity', capacity: 'x' },
		volunteer: 404,
		staff: 400,
	},
	{
		name: 'cancel a date at another hub',
		method: 'POST',
		path: `/volunteer/sessions/${sessionB}/change`,
		body: { action: 'cancel', cancelReason: '' },
		volunteer: 404,
		staff: 400,
	},
	{
		name: 'book someone in at own hub',
		method: 'GET',
		path: `/volunteer/sessions/${sessionA}/book`,
		volunteer: 200,
		staff: 200,
	},
	{
		name: 'book someone in at another hub',
		method: 'POST',
		path: `/volunteer/sessions/${sessionB}/book`,
		body: { name: '' },
		volunteer: 404,
		staff: 400,
	},
	{
		name: 'cancel a booking at another hub',
		method: 'POST',
		path: `/volunteer/sessions/${sessionB}`,
		body: { action: 'cancel-booking', booking: 'x' },
		volunteer: 404,
		staff: 400,
	},
	{
		name: 'close own hub page',
		method: 'GET',
		path: '/volunteer/hubs/govan-riverside-hub/close',
		volunteer: 200,
		staff: 200,
	},
	{
		name: 'close another hub',
		method: 'POST',
		path: '/volunteer/hubs/easterhouse-bridge-hub/close',
		body: { startsOn: '' },
		volunteer: 404,
		staff: 400,
	},
	{
		name: 'patterns at own hub',
		method: 'GET',
		path: '/volunteer/hubs/govan-riverside-hub/sessions',
		volunteer: 200,
		staff: 200,
	},
	{
		name: 'patterns at another hub',
		method: 'GET',
		path: '/volunteer/hubs/easterhouse-bridge-hub/sessions',
		volunteer: 404,
		staff: 200,
	},
	{
		name: 'new pattern at own hub',
		method: 'GET',
		path: '/volunteer/hubs/govan-riverside-hub/sessions/new',
		volunteer: 200,
		staff: 200,
	},
	{
		name: 'save a pattern at another hub',
		method: 'POST',
		path: '/volunteer/hubs/easterhouse-bridge-hub/sessions/new',
		body: { serviceId: '' },
		volunteer: 404,
		staff: 400,
	},
	{ name: 'staff administration', method: 'GET', path: '/admin', volunteer: 404, staff: 200 },
	{ name: 'hubs list', method: 'GET', path: '/admin/hubs', volunteer: 404, staff: 200 },
	{
		name: 'closures of every hub',
		method: 'GET',
		path: '/admin/closures',
		volunteer: 404,
		staff: 200,
	},
	{
		name: 'add a closure of every hub',
		method: 'POST',
		path: '/admin/closures',
		body: { startsOn: '' },
		volunteer: 404,
		staff: 400,
	},
	{
		name: 'change an account',
		method: 'POST',
		path: '/admin?form=account',
		body: { accountAction: 'end-sessions', user: 'nobody' },
		volunteer: 404,
		staff: 400,
	},
	{
		name: 'edit a hub',
		method: 'GET',
		path: '/admin/hubs/govan-riverside-hub',
		volunteer: 404,
		staff: 200,
	},
	{
		name: 'save a hub draft',
		method: 'POST',
		path: '/admin/hubs/govan-riverside-hub',
		body: { action: 'save', name: '' },
		volunteer: 404,
		staff: 400,
	},
	{
		name: 'invite someone',
		method: 'POST',
		path: '/admin',
		body: { name: '', email: '' },
		volunteer: 404,
		staff: 400,
	},
	{ name: 'outbox messages', method: 'GET', path: '/admin/mail', volunteer: 404, staff: 200 },
	{ name: 'audit trail', method: 'GET', path: '/admin/audit', volunteer: 404, staff: 200 },
	{ name: 'a person’s data', method: 'GET', path: '/admin/people', volunteer: 404, staff: 200 },
	{
		name: 'find a person’s data',
		method: 'POST',
		path: '/admin/people',
		body: { action: 'find', contact: 'not a contact' },
		volunteer: 404,
		staff: 400,
	},
	{
		name: 'import and export',
		method: 'GET',
		path: '/admin/open-data',
		volunteer: 404,
		staff: 200,
	},
	{
		name: 'check an import with no file',
		method: 'POST',
		path: '/admin/open-data',
		body: { action: 'check' },
		volunteer: 404,
		staff: 400,
	},
	{
		name: 'apply an import that was never checked',
		method: 'POST',
		path: '/admin/open-data',
		body: { action: 'apply', token: 'not-a-checked-import' },
		volunteer: 404,
		staff: 400,
	},
	{
		name: 'export as JSON',
		method: 'GET',
		path: '/admin/open-data/export.json',
		volunteer: 404,
		staff: 200,
	},
	{
		name: 'export as CSV',
		method: 'GET',
		path: '/admin/open-data/export.zip',
		volunteer: 404,
		staff: 200,
	},
	...directoryEditing(),
	{ name: 'insights', method: 'GET', path: '/insights', volunteer: 200, staff: 200 },
	{
		name: 'insights for own hub',
		method: 'GET',
		path: '/insights?hub=govan-riverside-hub&period=month',
		volunteer: 200,
		staff: 200,
	},
	{
		name: 'insights for another hub',
		method: 'GET',
		path: '/insights?hub=easterhouse-bridge-hub',
		volunteer: 404,
		staff: 200,
	},
	{
		name: 'insights CSV for own hub',
		method: 'GET',
		path: '/insights/over-time.csv?hub=govan-riverside-hub',
		volunteer: 200,
		staff: 200,
	},
	{
		name: 'insights CSV for another hub',
		method: 'GET',
		path: '/insights/breakdown.csv?hub=easterhouse-bridge-hub',
		volunteer: 404,
		staff: 200,
	},
	{
		name: 'insights definitions',
		method: 'GET',
		path: '/insights/definitions',
		volunteer: 200,
		staff: 200,
	},
	{
		name: 'retry a message',
		method: 'POST',
		path: '/admin/mail',
		body: { message: 'no-such-message' },
		volunteer: 404,
		staff: 400,
	},
	{
		name: 'reminder time at own hub',
		method: 'POST',
		path: '/volunteer/hubs/govan-riverside-hub/sessions',
		body: { reminderHours: 'soon' },
		volunteer: 400,
		staff: 400,
	},
	{
		name: 'reminder time at another hub',
		method: 'POST',
		path: '/volunteer/hubs/easterhouse-bridge-hub/sessions',
		body: { reminderHours: '48' },
		volunteer: 404,
		staff: 303,
	},
	{
		name: 'phoned at another hub',
		method: 'POST',
		path: `/volunteer/sessions/${sessionB}`,
		body: { action: 'phoned', booking: 'no-such-booking' },
		volunteer: 404,
		staff: 400,
	},
];

/** Every directory-editing page is for staff only: read, and an invalid post (nothing saved). */
const directoryEditing = () =>
	[
		['/admin/hubs/new', { name: '' }],
		['/admin/services', null],
		['/admin/services/new', { name: '' }],
		[`/admin/services/${serviceSlug}`, { action: 'save', name: '' }],
		['/admin/themes', null],
		['/admin/themes/new', { name: '' }],
		[`/admin/themes/${themeSlug}`, { name: '' }],
		['/admin/organisations', null],
		['/admin/organisations/new', { name: '' }],
		[`/admin/organisations/${organisationId}`, { name: '' }],
	].flatMap(([path, body]) => [
		{ name: `read ${path}`, method: 'GET', path: path as string, volunteer: 404, staff: 200 },
		...(body
			? [
					{
						name: `post to ${path}`,
						method: 'POST',
						path: path as string,
						body: body as Record<string, string>,
						volunteer: 404,
						staff: 400,
					},
				]
			: []),
	]);

describe('authorisation matrix', () => {
	it('sends anonymous requests to sign in (303, with next) for every back-office route and action', async () => {
		for (const r of routes()) {
			const res = await call('anonymous', r.method, r.path, r.body);
			expect(res.status, r.name).toBe(303);
			expect(res.headers.get('location'), r.name).toBe(
				`/sign-in?next=${encodeURIComponent(r.path)}`,
			);
		}
	});

	it.each(['volunteer', 'staff'] as const)(
		'gives %s the expected status on every route',
		async (who) => {
			for (const r of routes()) {
				const res = await call(who, r.method, r.path, r.body);
				expect(res.status, `${who}: ${r.name}`).toBe(r[who]);
				await res.arrayBuffer();
			}
		},
	);

	it('writes nothing when a volunteer posts to another hub’s register', async () => {
		const db = new Database(server.databasePath, { readonly: true });
		const before = db.prepare('select walk_ins from session where id = ?').pluck().get(sessionB);
		await (
			await call('volunteer', 'POST', `/volunteer/sessions/${sessionB}`, {
				action: 'walk-ins',
				walkIns: '77',
			})
		).arrayBuffer();
		expect(db.prepare('select walk_ins from session where id = ?').pluck().get(sessionB)).toBe(
			before,
		);
		db.close();
	});

	it('gives a volunteer only their own hubs’ figures', async () => {
		const page = await (await call('volunteer', 'GET', '/insights?by=hub')).text();
		expect(page).toContain('Govan Riverside Hub');
		expect(page).not.toContain('Easterhouse Bridge Hub');
		const csv = await (await call('volunteer', 'GET', '/insights/breakdown.csv?by=hub')).text();
		expect(csv).toMatch(/^Hub,/);
		expect(csv).not.toContain('Easterhouse');
	});

	it('refuses a cross-site POST from a signed-in browser with 403', async () => {
		const res = await fetch(`${server.url}/volunteer/sessions/${sessionA}`, {
			method: 'POST',
			redirect: 'manual',
			headers: { Origin: 'https://evil.example', Cookie: cookies['staff']! },
			body: new URLSearchParams({ action: 'walk-ins', walkIns: '9' }),
		});
		expect(res.status).toBe(403);
	});

	it('signs out with a POST, after which the cookie opens nothing', async () => {
		const cookie = await signIn('volunteer@example.org');
		const out = await fetch(`${server.url}/sign-out`, {
			method: 'POST',
			redirect: 'manual',
			headers: { Origin: server.url, Cookie: cookie },
		});
		expect(out.status).toBe(303);
		const after = await fetch(`${server.url}/volunteer`, {
			redirect: 'manual',
			headers: { Cookie: cookie },
		});
		expect(after.status).toBe(303);
	});

	it('never reveals whether an email has an account', async () => {
		const attempt = (email: string) =>
			fetch(`${server.url}/sign-in`, {
				method: 'POST',
				headers: { Origin: server.url },
				body: new URLSearchParams({ email, password: 'not the password at all' }),
			}).then((r) => r.text());
		const known = await attempt('staff@example.org');
		const unknown = await attempt('nobody-here@example.org');
		const message = (html: string) => /ds_error-summary__list">[\s\S]*?<\/ul>/.exec(html)?.[0];
		expect(message(known)).toBeDefined();
		expect(message(known)).toBe(message(unknown));
	});
});
