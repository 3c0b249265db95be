/**
 * The HTTP side of open data (the Open Referral API and the calendar feeds). Policy: anyone may
 * read it from anywhere (`Access-Control-Allow-Origin: *`, no key), and it is public information
 * only. Responses go through the page cache (ETag, `Cache-Control: no-cache`, so they are never
 * stale) only when PUBLIC_ORIGIN is set: their bodies hold absolute links, and without a fixed
 * public origin those links come from the request's Host header, which must never be cached for
 * everyone else.
 */
import { jsonText } from './json.ts';
import type { ApiResult } from '../../domain/open-data/api.ts';
import { config } from '../config.ts';

/** The origin that open-data links use: PUBLIC_ORIGIN, else the request's own. */
export function openDataOrigin(requestOrigin: string): string {
	return config().publicOrigin ?? requestOrigin;
}

/** Headers every open-data response carries. */
export const CORS_HEADERS: Record<string, string> = {
	'Access-Control-Allow-Origin': '*',
	'Access-Control-Expose-Headers': 'ETag',
};

interface Locals {
	directoryPage?: boolean;
}

/** A public, cacheable response: through the page cache when PUBLIC_ORIGIN is set. */
export function publicResponse(
	locals: Locals,
	status: number,
	body: string | Uint8Array,
	headers: Record<string, string>,
): Response {
	const cacheable = status === 200 && config().publicOrigin !== null;
	if (cacheable) locals.directoryPage = true;
	return new Response(body as BodyInit, {
		status,
		headers: {
			...CORS_HEADERS,
			...headers,
			...(cacheable ? {} : { 'Cache-Control': 'no-cache' }),
		},
	});
}

/** An API answer as JSON. */
export function apiResponse(locals: Locals, result: ApiResult): Response {
	return publicResponse(locals, result.status, jsonText(result.body), {
		'Content-Type': 'application/json; charset=utf-8',
	});
}

/** The answer to a CORS preflight request. */
export function preflightResponse(): Response {
	return new Response(null, {
		status: 204,
		headers: {
			...CORS_HEADERS,
			'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
			'Access-Control-Allow-Headers': '*',
			'Access-Control-Max-Age': '86400',
		},
	});
}

/**
 * The origin for links inside pages that may be cached (structured data, Open Graph): the public
 * origin when it is set, else "" so that links stay relative to the page.
 */
export function pageLinkOrigin(): string {
	return config().publicOrigin ?? '';
}
