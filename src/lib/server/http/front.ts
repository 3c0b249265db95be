/**
 * The server front: a node:http request listener that answers directory pages from the page
 * cache without running Astro's render pipeline, and hands everything else to Astro's handler.
 * A cached page is served only while its content version and London date are current.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { etagMatches, getCachedPage, pageKey } from './page-cache.ts';
import { todayInLondon } from './london-day.ts';
import { DEFAULT_CSP, HSTS, SECURITY_HEADERS } from './security-headers.ts';
import { batchedLog, requestIdOf, requestLine } from './request-log.ts';

/** What the front needs from the rest of the server. */
export interface FrontOptions {
	contentVersion: () => number;
	astro: (req: IncomingMessage, res: ServerResponse) => void;
	/** Whether the site is served over HTTPS (PUBLIC_ORIGIN), so browsers are told to keep to it. */
	https?: boolean;
	/** True once the server is stopping: /healthz then answers 503, so no new traffic is sent. */
	stopping?: () => boolean;
	/** Where request log lines go (standard output by default); null: not logged. */
	log?: ((line: string) => void) | null;
}

/**
 * Every response carries the security headers, the design system's files included (a cached page
 * has them already); a page's own Content-Security-Policy (from Astro) replaces the default one.
 */
function secure(res: ServerResponse): void {
	for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
	res.setHeader('Content-Security-Policy', DEFAULT_CSP);
}

/** Builds the request listener. */
export function createFront(
	options: FrontOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
	const log = options.log === undefined ? batchedLog() : options.log;
	return (req, res) => {
		const started = performance.now();
		const id = requestIdOf(req.headers['x-request-id']);
		req.headers['x-request-id'] = id;
		res.setHeader('X-Request-Id', id);
		if (log)
			res.once('finish', () =>
				log(
					requestLine(
						id,
						req.method ?? '',
						req.url ?? '',
						res.statusCode,
						performance.now() - started,
					),
				),
			);
		if (options.https) res.setHeader(HSTS[0], HSTS[1]);
		const method = req.method;
		if (options.stopping?.() && req.url === '/healthz') {
			secure(res);
			res.writeHead(503, {
				'Content-Type': 'application/json',
				'Cache-Control': 'no-store',
				Connection: 'close',
			});
			res.end('{"status":"stopping"}');
			return;
		}
		if (
			(method === 'GET' || method === 'HEAD') &&
			req.url !== undefined &&
			!req.url.startsWith('/_')
		) {
			let key: string | null = null;
			try {
				key = pageKey(req.url);
			} catch {
				key = null;
			}
			if (key !== null) {
				const page = getCachedPage(key, options.contentVersion(), todayInLondon());
				if (page) {
					if (etagMatches(req.headers['if-none-match'], page.etag)) {
						secure(res);
						// Open data is answered to anyone (CORS), and its 304 says so too.
						const cors = page.headers.find(([n]) => n === 'access-control-allow-origin');
						res.writeHead(304, {
							ETag: page.etag,
							'Cache-Control': 'no-cache',
							...(cors ? { 'Access-Control-Allow-Origin': cors[1] } : {}),
						});
						res.end();
						return;
					}
					res.writeHead(page.status, page.rawHeaders);
					res.end(method === 'HEAD' ? undefined : page.body);
					return;
				}
			}
		}
		secure(res);
		options.astro(req, res);
	};
}
