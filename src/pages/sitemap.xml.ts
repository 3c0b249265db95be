import type { APIRoute } from 'astro';
import { sitemapXml } from '../lib/domain/open-data/structured-data.ts';
import { getDatabase } from '../lib/server/db/open-database.ts';
import { openDataOrigin, publicResponse } from '../lib/server/http/open-data.ts';
import { listSitemapEntries } from '../lib/server/queries/open-data.ts';

/** The sitemap of public directory pages. */
export const GET: APIRoute = ({ locals, url }) =>
	publicResponse(
		locals,
		200,
		sitemapXml(openDataOrigin(url.origin), listSitemapEntries(getDatabase())),
		{ 'Content-Type': 'application/xml; charset=utf-8' },
	);
