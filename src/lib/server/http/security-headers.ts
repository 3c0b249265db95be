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
