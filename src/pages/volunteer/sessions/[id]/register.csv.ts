import type { APIRoute } from 'astro';
import { getDatabase } from '../../../../lib/server/db/open-database.ts';
import { canManageHub } from '../../../../lib/server/auth/policies.ts';
import { getRegister, hubOfSession } from '../../../../lib/server/queries/back-office.ts';
import { recordPersonalDataAccess } from '../../../../lib/server/queries/audit-trail.ts';
import { toCsv } from '../../../../lib/domain/csv.ts';

/** A session's register as CSV (cells escaped so a spreadsheet never runs them as formulas). */
export const GET: APIRoute = ({ params, locals, url, redirect }) => {
	const db = getDatabase();
	const hubId = hubOfSession(db, params.id ?? '');
	if (!locals.user) return redirect(`/sign-in?next=${encodeURIComponent(url.pathname)}`, 303);
	if (!hubId || !canManageHub(locals.user, hubId))
		return new Response('Not found', { status: 404 });
	const { entries, walkIns } = getRegister(db, params.id!);
	recordPersonalDataAccess(
		db,
		locals.user,
		'session',
		params.id!,
		'Exported the register (CSV)',
		locals.now,
	);
	const rows = [
		[
			'Reference',
			'Status',
			'Name',
			'Attendee',
			'Places',
			'Phone',
			'Email',
			'Needs',
			'Booked by a volunteer',
			'Check-in',
		],
		...entries.map((e) => [
			e.reference,
			e.status,
			e.name,
			e.attendeeName,
			e.places,
			e.phone,
			e.email,
			e.needs,
			e.assisted ? 'yes' : 'no',
			e.attendance ?? '',
		]),
		[],
		['Walk-ins', walkIns],
	];
	return new Response(toCsv(rows), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="register-${params.id}.csv"`,
			'Cache-Control': 'no-store',
		},
	});
};
