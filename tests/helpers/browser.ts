/** Headless Chromium (Debian's package) driven by playwright-core, and axe-core checks. */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import fs from 'node:fs';

/** Where Chromium is: CHROMIUM_PATH, or Debian's /usr/bin/chromium. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Launches Chromium headless, with the flags this sandbox needs. */
export async function launchBrowser(): Promise<Browser> {
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(
			`Chromium was not found at ${CHROMIUM}. Install it with: apt-get install -y chromium`,
		);
	}
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

const withoutJavaScript = new WeakSet<BrowserContext>();

/** A new browser context (axe needs pages from a context), with JavaScript on or off. */
export async function newContext(
	browser: Browser,
	options: { javaScript: boolean; width?: number },
): Promise<BrowserContext> {
	const context = await browser.newContext({
		javaScriptEnabled: options.javaScript,
		viewport: { width: options.width ?? 1024, height: 800 },
	});
	if (!options.javaScript) withoutJavaScript.add(context);
	return context;
}

/**
 * The WCAG 2.2 A and AA violations axe-core finds on the page, as readable lines. axe runs as a
 * script in the page, so for a page shown with JavaScript off, the very same HTML is checked in a
 * twin page (same URL, same viewport, JavaScript on for axe only, the page's own scripts blocked).
 */
export async function axeViolations(page: Page): Promise<string[]> {
	const context = page.context();
	if (!withoutJavaScript.has(context)) return runAxe(page);
	const html = await page.content();
	const url = page.url();
	const browser = context.browser()!;
	const twinContext = await browser.newContext({
		viewport: page.viewportSize() ?? { width: 1024, height: 800 },
	});
	try {
		const twin = await twinContext.newPage();
		await twin.route(url, (route) =>
			route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
		);
		await twin.route(/\.m?js(\?|$)/, (route) => route.abort());
		await twin.goto(url);
		return await runAxe(twin);
	} finally {
		await twinContext.close();
	}
}

async function runAxe(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	return results.violations.map(
		(v) =>
			`${v.id}: ${v.help} (${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 3)
				.join('; ')})`,
	);
}
