/**
 * The server front: a node:http request listener that answers directory pages from the page
 * cache without running Astro's render pipeline, and hands everything else to Astro's handler.
 * A cached page is served only while its content version and London date are current.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { etagMatches, getCachedPage, pageKey } from './page-cache.ts';
import { todayInLondon } from './london-day.ts';

/** What the front needs from the rest of the server. */
export interface FrontOptions {
	contentVersion: () => number;
	astro: (req: IncomingMessage, res: ServerResponse) => void;
}

/** Builds the request listener. */
export function createFront(
	options: FrontOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
	return (req, res) => {
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
		options.astro(req, res);
	};
}
