import type { APIRoute } from 'astro';
import { getDatabase } from '../../../../lib/server/db/open-database.ts';
import { canManageHub } from '../../../../lib/server/auth/policies.ts';
import { hubOfSession } from '../../../../lib/server/queries/back-office.ts';
import { exportRegister } from '../../../../lib/server/use-cases/register.ts';

/** A session's register as CSV, for those who run its hub. */
export const GET: APIRoute = ({ params, locals, url, redirect }) => {
	const db = getDatabase();
	const hubId = hubOfSession(db, params.id ?? '');
	if (!locals.user) return redirect(`/sign-in?next=${encodeURIComponent(url.pathname)}`, 303);
	if (!hubId || !canManageHub(locals.user, hubId))
		return new Response('Not found', { status: 404 });
	return new Response(exportRegister(db, locals.user, params.id!, locals.now), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="register-${params.id}.csv"`,
			'Cache-Control': 'no-store',
		},
	});
};
