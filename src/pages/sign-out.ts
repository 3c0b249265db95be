import type { APIRoute } from 'astro';
import { getDatabase } from '../lib/server/db/open-database.ts';
import { AUTH_COOKIE, invalidateAuthSession } from '../lib/server/auth/auth-session.ts';

/** Signs out (a POST from the button on every back-office page; never a GET). */
export const POST: APIRoute = ({ locals, cookies, redirect }) => {
	if (locals.authSession) invalidateAuthSession(getDatabase(), locals.authSession.id);
	cookies.delete(AUTH_COOKIE, { path: '/' });
	return redirect('/sign-in?signed-out=1', 303);
};
