/**
 * Open data in Chromium with axe-core: the public pages' "subscribe" links to the calendar feeds,
 * and the staff import and export page with JavaScript off (download the export, check it, import
 * it; check a file with problems), with no WCAG 2.2 A or AA violations on any page visited.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { axeViolations, launchBrowser, newContext } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { ROOT, tempDir } from '../helpers/temp-db.ts';

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

async function expectAccessible(page: Page): Promise<void> {
	expect(await axeViolations(page), `axe on ${page.url()}`).toEqual([]);
}

describe('calendar subscriptions on public pages', () => {
	it.each([false, true])(
		'offers a subscribe link with an explanation (JavaScript %s)',
		async (javaScript) => {
			const context = await newContext(browser, { javaScript, width: 320 });
			const page = await context.newPage();
			for (const [path, what] of [
				['/hubs/govan-riverside-hub', 'drop-in sessions at Govan Riverside Hub'],
				['/themes/welfare-and-benefits', 'drop-in sessions for welfare and benefits'],
				['/sessions', 'drop-in sessions at every hub'],
			] as const) {
				await page.goto(server.url + path);
				const link = page.getByRole('link', { name: `Subscribe to ${what} (calendar feed)` });
				await expect(link.count()).resolves.toBe(1);
				await page
					.getByText('Your calendar app then shows the sessions and keeps them up to date')
					.waitFor();
				await expectAccessible(page);
				const href = await link.getAttribute('href');
				const feed = await fetch(server.url + href);
				expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
				expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR/);
			}
			await context.close();
		},
	);
});

describe('the staff import and export page, JavaScript off', () => {
	it('downloads the export, checks it, imports it; and shows the problems of a bad file', async () => {
		const { dir, cleanup } = tempDir();
		const context = await newContext(browser, { javaScript: false });
		const page = await context.newPage();
		try {
			await page.goto(`${server.url}/admin/open-data`);
			await page.waitForURL(/\/sign-in\?next=/);
			await page.getByLabel('Email address').fill('staff@example.org');
			await page.getByLabel('Password').fill(DEMO_PASSWORD);
			await page.getByRole('button', { name: 'Sign in' }).click();
			await page.waitForURL(/\/admin\/open-data$/);
			await page
				.getByRole('heading', { name: 'Import and export the directory', level: 1 })
				.waitFor();
			await expectAccessible(page);

			// Nothing chosen: an error, and the summary links to the file input.
			await page.getByRole('button', { name: 'Check the file' }).click();
			await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
			expect(await page.title()).toMatch(/^Error: /);
			await expectAccessible(page);

			// Download the export as a zipped data package.
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('link', { name: /Download the directory as CSV files/ }).click(),
			]);
			const zip = path.join(dir, 'directory.zip');
			await download.saveAs(zip);
			expect(fs.statSync(zip).size).toBeGreaterThan(1000);

			// Check it: nothing new, everything matched.
			await page.goto(`${server.url}/admin/open-data`);
			await page.getByLabel('File to import').setInputFiles(zip);
			await page.getByRole('button', { name: 'Check the file' }).click();
			await page.getByRole('heading', { name: 'Check the import', level: 1 }).waitFor();
			await expectAccessible(page);
			const counts = page.getByRole('table');
			await expect(counts.getByRole('row', { name: /^Would be created 0$/ }).count()).resolves.toBe(
				1,
			);
			await expect(counts.getByRole('row', { name: /^Rejected 0$/ }).count()).resolves.toBe(1);
			await page.getByRole('button', { name: 'Import these records' }).click();
			await page.waitForURL(/\/admin\/open-data\?result=/);
			await page.getByText(/^Imported\. New hubs and services are not published yet/).waitFor();
			await expectAccessible(page);

			// A file with problems: each listed with its line, and no import button.
			await page.goto(`${server.url}/admin/open-data`);
			await page
				.getByLabel('File to import')
				.setInputFiles(path.join(ROOT, 'tests/fixtures/oruk-3.0/examples/service_full.json'));
			await page.getByRole('button', { name: 'Check the file' }).click();
			await page.getByRole('heading', { name: /^Rejected: \d+ problems$/ }).waitFor();
			await page.getByText(/latitude “100”: enter a latitude from -90 to 90/).waitFor();
			expect(await page.getByRole('button', { name: 'Import these records' }).count()).toBe(0);
			await expectAccessible(page);

			// The import is in the site's audit trail.
			await page.goto(`${server.url}/admin/audit`);
			await page.getByText('Imported directory.zip').first().waitFor();
		} finally {
			await context.close();
			cleanup();
		}
	});
});
