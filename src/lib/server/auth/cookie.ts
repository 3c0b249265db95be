/** The sign-in cookie's settings: HttpOnly, SameSite=Lax, Secure whenever the site is served over HTTPS. */

/** Options for setting the sign-in cookie until `expiresAt`. */
export function authCookieOptions(
	url: URL,
	expiresAt: number,
	now: number,
	publicOrigin: string | null,
) {
	return {
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: url.protocol === 'https:' || (publicOrigin?.startsWith('https:') ?? false),
		path: '/',
		maxAge: Math.max(0, Math.floor((expiresAt - now) / 1000)),
	};
}
