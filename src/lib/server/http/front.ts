/**
 * The server front: a node:http request listener that answers directory pages from the page
 * cache without running Astro's render pipeline, and hands everything else to Astro's handler.
 * A cached page is served only while its content version and London date are current.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { etagMatches, getCachedPage, pageKey } from './page-cache.ts';
import { todayInLondon } from './london-day.ts';
import { DEFAULT_CSP, HSTS, SECURITY_HEADERS } from './security-headers.ts';

/** What the front needs from the rest of the server. */
export interface FrontOptions {
	contentVersion: () => number;
	astro: (req: IncomingMessage, res: ServerResponse) => void;
	/** Whether the site is served over HTTPS (PUBLIC_ORIGIN), so browsers are told to keep to it. */
	https?: boolean;
}

/** Builds the request listener. */
export function createFront(
	options: FrontOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
	return (req, res) => {
		// Every response carries the security headers, the design system's files included; a page's
		// own Content-Security-Policy (from Astro) replaces the default one.
		for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
		res.setHeader('Content-Security-Policy', DEFAULT_CSP);
		if (options.https) res.setHeader(HSTS[0], HSTS[1]);
		const method = req.method;
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
						res.writeHead(304, { ETag: page.etag, 'Cache-Control': 'no-cache' });
						res.end();
						return;
					}
					res.writeHead(page.status, page.rawHeaders);
					res.end(method === 'HEAD' ? undefined : page.body);
					return;
				}
			}
		}
		options.astro(req, res);
	};
}
