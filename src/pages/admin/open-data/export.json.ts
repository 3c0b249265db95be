import type { APIRoute } from 'astro';
import { requireUser } from '../../../lib/server/auth/guard.ts';
import { isStaff } from '../../../lib/server/auth/policies.ts';
import { exportResponse } from '../../../lib/server/http/export-requests.ts';

/** Staff only: the whole published directory as Open Referral UK JSON. */
export const GET: APIRoute = async (context) => {
	const user = await requireUser(context, isStaff);
	if (user instanceof Response) return user;
	return exportResponse('json', context.url.origin, context.locals.today, __SITE_NAME__);
};
