/**
 * Headers sent with every response. Referrer-Policy is strict-origin-when-cross-origin, not
 * no-referrer: the latter makes browsers send "Origin: null" on same-site form posts, which the
 * cross-site check would refuse.
 */
export const SECURITY_HEADERS: readonly [string, string][] = [
	['X-Content-Type-Options', 'nosniff'],
	['Referrer-Policy', 'strict-origin-when-cross-origin'],
	['X-Frame-Options', 'DENY'],
	['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
	['Cross-Origin-Opener-Policy', 'same-origin'],
];

/**
 * The Content-Security-Policy of responses that are not pages (files, feeds, CSV, redirects):
 * nothing may load, nothing may frame them. Pages get Astro's policy instead, with the hashes of
 * their own scripts and styles (astro.config.mjs).
 */
export const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** Strict-Transport-Security, sent when the site is reached over HTTPS. */
export const HSTS: [string, string] = ['Strict-Transport-Security', 'max-age=31536000'];
