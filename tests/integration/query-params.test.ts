/**
 * Query parameters over HTTP at the edges their schemas declare (over-long, repeated, unknown
 * choices, numbers out of range): the public lists always answer with a page, the calendar feed
 * and the Open Referral UK API refuse with a 400 and a message, and insights shows what to fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
let staff: string;

async function get(path: string, cookie?: string): Promise<{ status: number; body: string }> {
	const res = await fetch(server.url + path, {
		headers: cookie ? { Cookie: cookie } : {},
		redirect: 'manual',
	});
	return { status: res.status, body: await res.text() };
}

const long = (n: number) => 'a'.repeat(n);

beforeAll(async () => {
	server = await startServer();
	const res = await fetch(`${server.url}/sign-in`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: server.url },
		body: new URLSearchParams({ email: 'staff@example.org', password: DEMO_PASSWORD, next: '/' }),
	});
	staff = res.headers.get('set-cookie')!.split(';')[0]!;
}, 120_000);
afterAll(async () => {
	await server?.stop();
});

describe('the public lists', () => {
	it.each([
		['over-long search text', `/hubs?q=${long(5000)}`],
		[
			'unknown choices and a page out of range',
			'/hubs?theme=Housing&area=%3Cscript%3E&day=funday&access=lift&referral=maybe&page=10001',
		],
		[
			'repeated parameters',
			'/hubs?page=-1&page=2&day=monday&day=funday&access=parking&access=parking',
		],
		['a page number too big for a number', '/hubs?page=99999999999999999999'],
		[
			'over-long slugs and an impossible date',
			`/sessions?theme=${long(82)}&hub=${long(500)}&day=MO&from=2026-02-30`,
		],
		['repeated session filters', '/sessions?from=2026-12-01&from=nonsense&day=funday&day=monday'],
	])('answer %s with a page', async (_, path) => {
		const { status, body } = await get(path);
		expect(status).toBe(200);
		expect(body).toContain('<main');
	});

	it('search within at most 200 characters of text, shown back escaped', async () => {
		const { body } = await get(`/hubs?q=${encodeURIComponent(`<b>${long(300)}`)}`);
		// Outside quoted attribute values, where "<" is harmless.
		const markup = body.replace(/="[^"]*"/g, '=""');
		expect(markup).not.toContain('<b>');
		expect(markup).toContain(`&lt;b&gt;${long(197)}”`);
		expect(body).not.toContain(long(198));
	});
});

describe('the calendar feed', () => {
	it.each([
		['start=2026-02-30', 'start and end must be dates in the form YYYY-MM-DD'],
		[
			'start=2026-11-01&end=2026-11-01garbage',
			'start and end must be dates in the form YYYY-MM-DD',
		],
		[`start=2026-11-01T${'0'.repeat(50)}`, 'start and end must be dates in the form YYYY-MM-DD'],
		['start=2026-11-10&end=2026-11-10', 'end must be after start'],
		['start=2026-11-01&end=2027-06-01', 'ask for at most 62 days at a time'],
	])('refuses %s with a 400 and a message', async (query, error) => {
		const { status, body } = await get(`/api/sessions?${query}`);
		expect(status).toBe(400);
		expect(JSON.parse(body)).toEqual({ error });
	});

	it('reads date-times as their dates, and ignores a malformed filter', async () => {
		const { status, body } = await get(
			'/api/sessions?start=2026-11-01T00:00:00Z&end=2026-11-08T00:00:00%2B00:00&day=funday',
		);
		expect(status).toBe(200);
		expect(Array.isArray(JSON.parse(body))).toBe(true);
	});
});

describe('the Open Referral UK API', () => {
	it.each([
		['search must be at most 200 characters.', `/services?search=${'x'.repeat(201)}`],
		['taxonomy_term_id must be at most 100 characters.', `/services?taxonomy_term_id=${long(101)}`],
		['taxonomy_id must be at most 100 characters.', `/taxonomy_terms?taxonomy_id=${long(101)}`],
		['page must be a whole number from 1 to 999999, not "1000000".', '/services?page=1000000'],
		['per_page must be a whole number from 1 to 500, not "501".', '/taxonomies?per_page=501'],
		[
			`day must be a day of the week, such as Monday or MO, not "${'x'.repeat(100)}…".`,
			`/services?day=${'x'.repeat(5000)}`,
		],
		[
			'Give postcode and proximity (a distance in metres) together.',
			'/service_at_locations?postcode=XYZ',
		],
	])('answers with a 400 that says what is wrong: %s', async (message, path) => {
		const { status, body } = await get(`/api/v1${path}`);
		expect(status).toBe(400);
		expect(JSON.parse(body)).toEqual({ status: 400, message });
	});

	it('reads the first of a repeated parameter', async () => {
		const { status, body } = await get('/api/v1/services?per_page=2&per_page=abc&page=2&page=0');
		expect(status).toBe(200);
		expect(JSON.parse(body)).toMatchObject({ page_number: 2, size: 2 });
	});
});

describe('insights', () => {
	it('shows what to fix for a choice that cannot be one', async () => {
		const { status, body } = await get(`/insights?theme=${long(500)}&period=year`, staff);
		expect(status).toBe(400);
		expect(body).toContain('Select a theme from the list');
	});

	it('answers a hub that cannot be one as not found', async () => {
		expect((await get('/insights?hub=%3Cscript%3E', staff)).status).toBe(404);
		expect((await get('/insights/summary.csv?hub=%3Cscript%3E', staff)).status).toBe(404);
	});

	it('uses the default for an unknown period or breakdown', async () => {
		const { status, body } = await get('/insights?period=year&by=organisation', staff);
		expect(status).toBe(200);
		expect(body).toContain('period=week');
	});
});
