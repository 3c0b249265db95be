import Database from 'better-sqlite3';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '../../src/lib/domain/time.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

const DIRECTORY_PAGES = [
	'/',
	'/hubs',
	'/hubs?theme=housing&area=easterhouse',
	'/hubs/govan-riverside-hub',
	'/themes',
	'/themes/crisis-prevention',
	'/accessibility',
	'/privacy',
];

describe('the production server with demo data', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => {
		await server.stop();
	});

	it.each(DIRECTORY_PAGES)(
		'serves %s with an ETag, no-cache, security headers and no script',
		async (path) => {
			const res = await fetch(server.url + path);
			expect(res.status).toBe(200);
			expect(res.headers.get('cache-control')).toBe('no-cache');
			expect(res.headers.get('etag')).toContain(londonDate(new Date()));
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
			expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
			expect(res.headers.get('x-frame-options')).toBe('DENY');
			expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
			const csp = res.headers.get('content-security-policy')!;
			expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/);
			expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
			expect(csp).toContain("frame-ancestors 'none'");
			expect(res.headers.get('strict-transport-security')).toBeNull(); // plain HTTP here
			const html = await res.text();
			// Directory pages ship no script of their own; the hub page's only scripts are Astro's
			// server-island loader for its one island (places left).
			// (JSON-LD structured data is data, not script.)
			const scripts = (html.match(/<script[^>]*>[\s\S]*?<\/script>/g) ?? []).filter(
				(s) => !s.startsWith('<script type="application/ld+json"'),
			);
			if (path.startsWith('/hubs/')) {
				expect(scripts.length).toBe(2);
				for (const script of scripts) expect(script).toMatch(/replaceServerIsland|data-island-id/);
			} else {
				expect(scripts).toEqual([]);
			}
			expect(html).toContain('Demonstration data');
			expect(html.match(/<h1[ >]/g)).toHaveLength(1);
			expect(html).toContain('Samaritans');
		},
	);

	it('answers a revalidation with 304 and no body, and serves repeat views from the cache', async () => {
		const first = await fetch(`${server.url}/hubs/govan-riverside-hub`);
		const etag = first.headers.get('etag')!;
		const body = await first.text();
		const again = await fetch(`${server.url}/hubs/govan-riverside-hub`);
		expect(await again.text()).toBe(body);
		const revalidated = await fetch(`${server.url}/hubs/govan-riverside-hub`, {
			headers: { 'If-None-Match': etag },
		});
		expect(revalidated.status).toBe(304);
		expect(await revalidated.text()).toBe('');
		const head = await fetch(`${server.url}/hubs/govan-riverside-hub`, { method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(head.headers.get('etag')).toBe(etag);
	});

	it('shows a published change on the next request, with a new ETag', async () => {
		const before = await fetch(`${server.url}/hubs/elder-park-community-rooms`);
		const etag = before.headers.get('etag')!;
		expect(await before.text()).toContain('Elder Park Community Rooms');
		// Another connection changes the content and raises the content version, as publishing does.
		const writer = new Database(server.databasePath);
		writer
			.prepare(
				"update hub set summary = 'Newly refurbished rooms beside the park.' where slug = 'elder-park-community-rooms'",
			)
			.run();
		writer
			.prepare("update meta set value = cast(value as integer) + 1 where key = 'content_version'")
			.run();
		writer.close();
		const after = await fetch(`${server.url}/hubs/elder-park-community-rooms`, {
			headers: { 'If-None-Match': etag },
		});
		expect(after.status).toBe(200);
		expect(after.headers.get('etag')).not.toBe(etag);
		expect(await after.text()).toContain('Newly refurbished rooms beside the park.');
	});

	it('finds hubs with a misspelt search and filters that combine', async () => {
		const html = await (await fetch(`${server.url}/hubs?q=benifits&area=govan`)).text();
		expect(html).toContain('2 hubs found');
		expect(html).toContain('Govan Riverside Hub');
		expect(html).toContain('value="benifits"');
	});

	it('explains an empty result and links to looser searches', async () => {
		const html = await (await fetch(`${server.url}/hubs?theme=domestic-abuse&area=govan`)).text();
		expect(html).toContain('No hubs found');
		expect(html).toContain('Try removing one filter');
		expect(html).toContain('href="/hubs?theme=domestic-abuse"');
	});

	it('escapes search text in the page', async () => {
		const payload = '"><script>alert(1)</script>';
		const html = await (await fetch(`${server.url}/hubs?q=${encodeURIComponent(payload)}`)).text();
		// In text the tags are escaped; in the input's value attribute the quote is.
		expect(html).not.toContain(payload);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).toContain('value="&quot;>');
	});

	it('shows a friendly 404 page for an unknown hub, theme or page', async () => {
		for (const path of ['/hubs/no-such-hub', '/themes/no-such-theme', '/no-such-page']) {
			const res = await fetch(server.url + path);
			expect(res.status).toBe(404);
			const html = await res.text();
			expect(html).toContain('Page not found');
			expect(res.headers.get('cache-control')).toBe('no-store');
		}
	});

	it('serves the hub page island with live places left, never cached', async () => {
		const html = await (await fetch(`${server.url}/hubs/govan-riverside-hub`)).text();
		const island = /(\/_server-islands\/HubSessions[^"'`\s]*)/.exec(html);
		expect(island).not.toBeNull();
		const res = await fetch(server.url + island![1]!.replaceAll('&amp;', '&'));
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(await res.text()).toMatch(/places? left|Full/);
	});

	it('sends security headers with every other response too: files, data, redirects', async () => {
		const html = await (await fetch(`${server.url}/hubs`)).text();
		const stylesheet = /href="(\/_astro\/[^"]+\.css)"/.exec(html)![1]!;
		for (const path of [stylesheet, '/api/sessions', '/healthz', '/volunteer', '/robots-none']) {
			const res = await fetch(server.url + path, { redirect: 'manual' });
			await res.arrayBuffer();
			expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(res.headers.get('x-frame-options'), path).toBe('DENY');
			expect(res.headers.get('content-security-policy'), path).toMatch(
				/default-src '(none|self)'.*frame-ancestors 'none'/,
			);
		}
	});

	it('logs each request as a JSON line with its id, without query or secret links', async () => {
		const res = await fetch(`${server.url}/hubs?q=Jane+Doe`, {
			headers: { 'X-Request-Id': 'trace-42' },
		});
		await res.arrayBuffer();
		expect(res.headers.get('x-request-id')).toBe('trace-42');
		const other = await fetch(`${server.url}/bookings/abcdefghijklmnopqrstuvwxyz234567`);
		await other.arrayBuffer();
		expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		await new Promise((r) => setTimeout(r, 600)); // request lines are written in batches
		const lines = server
			.output()
			.split('\n')
			.filter((l) => l.includes('"msg":"request"'))
			.map((l) => JSON.parse(l) as Record<string, unknown>);
		expect(lines).toContainEqual(
			expect.objectContaining({ id: 'trace-42', method: 'GET', path: '/hubs', status: 200 }),
		);
		expect(lines).toContainEqual(
			expect.objectContaining({ path: '/bookings/:token', status: 404 }),
		);
		expect(server.output()).not.toContain('Jane');
		expect(server.output()).not.toContain('abcdefghijklmnopqrstuvwxyz234567');
	});

	it('reports readiness on /healthz', async () => {
		const res = await fetch(`${server.url}/healthz`);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ status: 'ok' });
	});

	it('refuses a cross-site POST with 403, and lets a same-origin one through', async () => {
		const cross = await fetch(`${server.url}/hubs`, {
			method: 'POST',
			headers: { Origin: 'https://evil.example' },
			body: 'x=1',
		});
		expect(cross.status).toBe(403);
		const nullOrigin = await fetch(`${server.url}/hubs`, {
			method: 'POST',
			headers: { Origin: 'null' },
			body: 'x=1',
		});
		expect(nullOrigin.status).toBe(403);
		const same = await fetch(`${server.url}/hubs`, {
			method: 'POST',
			headers: { Origin: server.url },
			body: 'x=1',
		});
		expect(same.status).not.toBe(403);
	});
});

describe('run-time configuration', () => {
	it('with SEED=none starts empty, shows no demo banner and still serves every page', async () => {
		const server = await startServer({ SEED: 'none' });
		try {
			const home = await fetch(`${server.url}/`);
			expect(home.status).toBe(200);
			expect(await home.text()).not.toContain('Demonstration data');
			const hubs = await (await fetch(`${server.url}/hubs`)).text();
			expect(hubs).toContain('No hubs found');
		} finally {
			await server.stop();
		}
	});

	it('with PUBLIC_ORIGIN checks posts against the public address, read at run time', async () => {
		const server = await startServer({ PUBLIC_ORIGIN: 'https://hubs.example.org' });
		try {
			const internal = await fetch(`${server.url}/hubs`, {
				method: 'POST',
				headers: { Origin: server.url },
				body: 'x=1',
			});
			expect(internal.status).toBe(403);
			const pub = await fetch(`${server.url}/hubs`, {
				method: 'POST',
				headers: { Origin: 'https://hubs.example.org' },
				body: 'x=1',
			});
			expect(pub.status).not.toBe(403);
			// Served over HTTPS: browsers are told to keep to it, and the sign-in cookie is Secure.
			expect(pub.headers.get('strict-transport-security')).toBe('max-age=31536000');
			const signIn = await fetch(`${server.url}/sign-in`, {
				method: 'POST',
				redirect: 'manual',
				headers: { Origin: 'https://hubs.example.org' },
				body: new URLSearchParams({
					email: 'staff@example.org',
					password: DEMO_PASSWORD,
					next: '/volunteer',
				}),
			});
			expect(signIn.status).toBe(303);
			const cookie = signIn.headers.get('set-cookie')!;
			expect(cookie).toMatch(/; Secure/i);
			expect(cookie).toMatch(/; HttpOnly/i);
			expect(cookie).toMatch(/; SameSite=Lax/i);
		} finally {
			await server.stop();
		}
	});

	it('stops cleanly on SIGTERM', async () => {
		const server = await startServer();
		const exited = new Promise<number | null>((resolve) =>
			server.process.once('exit', (code) => resolve(code)),
		);
		server.process.kill('SIGTERM');
		expect(await exited).toBe(0);
		await server.stop();
	});
});
