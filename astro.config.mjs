// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

/**
 * Build-time branding, so another partnership can run its own copy: SITE_NAME and
 * SITE_BRAND_COLOUR (a #rrggbb colour dark enough for white text) are read when the site is built.
 */
const siteName = process.env.SITE_NAME?.trim() || 'Community hubs';
const brandColour = process.env.SITE_BRAND_COLOUR?.trim() || '#0065bd';
if (!/^#[0-9a-fA-F]{6}$/.test(brandColour)) {
	throw new Error(`SITE_BRAND_COLOUR must be a colour such as #0065bd, not "${brandColour}".`);
}

export default defineConfig({
	output: 'server',
	adapter: node({ mode: 'standalone', bodySizeLimit: 1024 * 1024 }),
	// Our own sign-in sessions follow Lucia's design (see src/lib/server/auth); Astro's are not used.
	session: false,
	security: {
		// Astro bakes its origin check and allowed domains into the build; PUBLIC_ORIGIN is run-time
		// configuration, so the same check is made in src/middleware.ts instead (and tested).
		checkOrigin: false,
		// Astro sends a Content-Security-Policy with every page carrying the hashes of its own
		// scripts and styles, so no inline script runs unless Astro put it there (on-demand pages get it
		// as a header). Other responses get a stricter default: src/lib/server/http/security-headers.ts.
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"connect-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
				"frame-ancestors 'none'",
			],
		},
	},
	build: { inlineStylesheets: 'never' },
	devToolbar: { enabled: false },
	vite: {
		define: {
			__SITE_NAME__: JSON.stringify(siteName),
			__BUILD_ID__: JSON.stringify(Date.now().toString(36)),
		},
		css: {
			preprocessorOptions: {
				scss: {
					additionalData: `$site-brand-colour: ${brandColour};\n`,
					quietDeps: true,
					silenceDeprecations: ['import', 'global-builtin', 'color-functions'],
				},
			},
		},
	},
});
