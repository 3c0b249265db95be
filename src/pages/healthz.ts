import type { APIRoute } from 'astro';
import { getDatabase } from '../lib/server/db/open-database.ts';

/** Readiness: 200 when the database answers a query, 503 otherwise. */
export const GET: APIRoute = () => {
	try {
		getDatabase().$client.prepare('select 1').get();
		return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
	} catch {
		return Response.json(
			{ status: 'unavailable', reason: 'database' },
			{ status: 503, headers: { 'Cache-Control': 'no-store' } },
		);
	}
};
