/**
 * The Content-Security-Policy in a real browser: with JavaScript on, the pages that use scripts
 * (the places-left server island, the calendar, the error summary's focus) work, and Chromium
 * reports no violation of the policy on any of them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	server = await startServer();
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe('Content-Security-Policy', () => {
	it('lets the site’s own scripts and styles run and reports no violation', async () => {
		const context = await newContext(browser, { javaScript: true });
		const page = await context.newPage();
		const violations: string[] = [];
		page.on('console', (m) => {
			if (/Content Security Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
		});
		try {
			const response = await page.goto(`${server.url}/hubs/govan-riverside-hub`);
			expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
			expect(response!.headers()['content-security-policy']).not.toMatch(/unsafe-inline/);
			// The server island replaces its fallback with the live list of places left.
			await page.locator('text=/\\d+ places? left|Full|Walk in/').first().waitFor();
			await page.goto(`${server.url}/sessions`);
			await page.getByRole('button', { name: 'Show calendar view' }).click();
			await page.locator('#calendar-view a[href^="/sessions/"]').first().waitFor();
			await page.goto(`${server.url}/hubs?q=`);
			await page.goto(`${server.url}/sign-in`);
			await page.getByRole('button', { name: 'Sign in' }).click();
			await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
			expect(violations).toEqual([]);
		} finally {
			await context.close();
		}
	});
});
