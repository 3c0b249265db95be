/**
 * Cross-site request forgery check for state-changing requests. Rule: a POST, PUT, PATCH or DELETE
 * is refused (403) unless its Origin header names this site: PUBLIC_ORIGIN when configured (behind
 * a proxy the request's own host may be an internal one), otherwise the origin the request was
 * addressed to. Browsers send Origin on every cross-site and same-site POST; "Origin: null" (sent
 * under Referrer-Policy: no-referrer or from sandboxed frames) is refused. A request without
 * Origin is refused when the browser's Sec-Fetch-Site says it came from another site; other
 * clients without either header (command-line tools) are not browsers and carry no ambient cookies
 * of a user, so they pass.
 */

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether a request must be refused as cross-site. */
export function isCrossSiteRequest(
	method: string,
	headers: { get(name: string): string | null },
	requestOrigin: string,
	publicOrigin: string | null,
): boolean {
	if (!UNSAFE.has(method.toUpperCase())) return false;
	const origin = headers.get('origin');
	const allowed = publicOrigin ?? requestOrigin;
	if (origin !== null) return origin !== allowed;
	const fetchSite = headers.get('sec-fetch-site');
	return fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none';
}
