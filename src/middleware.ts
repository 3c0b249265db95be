import { defineMiddleware } from 'astro:middleware';
import { config } from './lib/server/config.ts';
import { getDatabase } from './lib/server/db/open-database.ts';
import {
	directoryEtag,
	etagMatches,
	pageKey,
	putCachedPage,
	setPageCacheLimit,
} from './lib/server/http/page-cache.ts';
import { todayInLondon } from './lib/server/http/london-day.ts';
import { isCrossSiteRequest } from './lib/server/http/request-guard.ts';
import { checkListingLimit, listingLimitedResponse } from './lib/server/http/listing-limit.ts';
import { clientOf } from './lib/server/http/client.ts';
import { SECURITY_HEADERS } from './lib/server/http/security-headers.ts';
import { getContentVersion, isDemoData } from './lib/server/queries/meta.ts';
import { AUTH_COOKIE, validateAuthSession } from './lib/server/auth/auth-session.ts';
import { authCookieOptions } from './lib/server/auth/cookie.ts';

let configured = false;

/** Open data answers anyone (CORS); a 304 for it must say so too. */
const corsOf = (headers: Headers): Record<string, string> => {
	const allow = headers.get('access-control-allow-origin');
	return allow ? { 'Access-Control-Allow-Origin': allow } : {};
};

export const onRequest = defineMiddleware(async (context, next) => {
	const settings = config();
	if (!configured) {
		setPageCacheLimit(settings.pageCacheEntries);
		configured = true;
	}
	const { request } = context;
	if (
		isCrossSiteRequest(request.method, request.headers, context.url.origin, settings.publicOrigin)
	) {
		return new Response('This form was sent from another website, so it was not accepted.', {
			status: 403,
			headers: {
				'Content-Type': 'text/plain; charset=utf-8',
				...Object.fromEntries(SECURITY_HEADERS),
			},
		});
	}
	const db = getDatabase();
	const now = new Date();
	context.locals.now = now;
	context.locals.today = todayInLondon(now.getTime());
	context.locals.contentVersion = getContentVersion(db);
	context.locals.demoData = isDemoData(db);
	const token = context.cookies.get(AUTH_COOKIE)?.value;
	const signedIn = token ? validateAuthSession(db, token, now.getTime()) : null;
	context.locals.user = signedIn?.user ?? null;
	context.locals.authSession = signedIn?.session ?? null;
	if (token && !signedIn) context.cookies.delete(AUTH_COOKIE, { path: '/' });
	if (token && signedIn?.refreshed) {
		context.cookies.set(
			AUTH_COOKIE,
			token,
			authCookieOptions(
				context.url,
				signedIn.session.expiresAt,
				now.getTime(),
				settings.publicOrigin,
			),
		);
	}

	// Lists, searches, feeds and booking pages rendered for one client are limited per minute.
	const limited = checkListingLimit(
		request.method,
		context.url.pathname,
		clientOf(context),
		now.getTime(),
	);
	if (limited) context.locals.retryAfterSeconds = limited.retryAfterSeconds;
	const response =
		limited === null
			? await next()
			: limited.kind === 'page'
				? await next('/too-many-requests')
				: listingLimitedResponse(limited.kind, context.url.pathname, limited.retryAfterSeconds);
	for (const [name, value] of SECURITY_HEADERS) response.headers.set(name, value);

	const cacheable =
		context.locals.directoryPage === true &&
		response.status === 200 &&
		(request.method === 'GET' || request.method === 'HEAD');
	if (!cacheable) {
		// Anything that is not a public directory page may carry a form token or personal data.
		if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store');
		return response;
	}
	const etag = directoryEtag(__BUILD_ID__, context.locals.contentVersion, context.locals.today);
	response.headers.set('ETag', etag);
	response.headers.set('Cache-Control', 'no-cache');
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = [...response.headers.entries()].filter(
		([name]) => name !== 'content-length' && name !== 'set-cookie',
	);
	putCachedPage(pageKey(context.url.pathname + context.url.search), {
		etag,
		contentVersion: context.locals.contentVersion,
		today: context.locals.today,
		status: 200,
		headers,
		body,
	});
	if (etagMatches(request.headers.get('if-none-match'), etag)) {
		return new Response(null, {
			status: 304,
			headers: { ETag: etag, 'Cache-Control': 'no-cache', ...corsOf(response.headers) },
		});
	}
	return new Response(body, { status: 200, headers: response.headers });
});
