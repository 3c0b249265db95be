/**
 * The first step of every back-office page: who is asking, and may they be here. Anonymous
 * visitors are sent (303) to sign in and brought back; a signed-in user without the right gets
 * the ordinary 404 page, so the back office does not confirm what exists.
 */
import type { SignedInUser } from './auth-session.ts';

interface GuardContext {
	locals: { user?: SignedInUser | null };
	url: URL;
	redirect(path: string, status?: 301 | 302 | 303 | 307 | 308): Response;
	rewrite(path: string): Promise<Response>;
}

/** The signed-in user, or the Response to return instead (sign in, or not found). */
export async function requireUser(
	context: GuardContext,
	allowed: (user: SignedInUser) => boolean = () => true,
): Promise<SignedInUser | Response> {
	const user = context.locals.user ?? null;
	if (!user)
		return context.redirect(
			`/sign-in?next=${encodeURIComponent(context.url.pathname + context.url.search)}`,
			303,
		);
	if (!allowed(user)) return context.rewrite('/404');
	return user;
}

/** A `next` parameter made safe: a path on this site, never another site. */
export function safeNext(next: string | null): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
		return '/volunteer';
	return next;
}
