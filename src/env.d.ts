/// <reference types="astro/client" />

/** The site's name, set at build time from SITE_NAME. */
declare const __SITE_NAME__: string;
/** Changes with every build, so that ETags of pages built by an older build do not match. */
declare const __BUILD_ID__: string;

declare namespace App {
	interface Locals {
		/** Today's date in Europe/London (YYYY-MM-DD), fixed for the whole request. */
		today: string;
		/** The instant the request started (domain code takes it instead of reading the clock). */
		now: Date;
		/** Whether the database holds the demonstration data set. */
		demoData: boolean;
		/** The directory content version the page is rendered from. */
		contentVersion: number;
		/** The signed-in user, if any (back-office pages only: directory pages never show it). */
		user?: import('./lib/server/auth/auth-session.ts').SignedInUser | null;
		/** The signed-in session, if any. */
		authSession?: import('./lib/server/auth/auth-session.ts').AuthSession | null;
		/** Set by a directory page so that its response is cached and given an ETag. */
		directoryPage?: boolean;
		/** Set when the listing limit refused the request: seconds until the client may ask again. */
		retryAfterSeconds?: number;
	}
}
