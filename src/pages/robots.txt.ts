import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/domain/open-data/structured-data.ts';
import { openDataOrigin, publicResponse } from '../lib/server/http/open-data.ts';

/** What search engines may crawl, and where the sitemap is. */
export const GET: APIRoute = ({ locals, url }) =>
	publicResponse(locals, 200, robotsTxt(openDataOrigin(url.origin)), {
		'Content-Type': 'text/plain; charset=utf-8',
	});
