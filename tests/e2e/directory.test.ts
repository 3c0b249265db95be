/**
 * The public directory in real Chromium, with JavaScript off (the main path) and on, by keyboard,
 * at 320 px, and with axe-core (WCAG 2.2 A and AA) on every page visited.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, newContext } from '../helpers/browser.ts';
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

async function expectAccessible(page: Page): Promise<void> {
	expect(await axeViolations(page), `axe on ${page.url()}`).toEqual([]);
	expect(await page.locator('h1').count()).toBe(1);
	expect(await page.locator('main').count()).toBe(1);
	expect(await page.getAttribute('html', 'lang')).toBe('en-GB');
}

describe.each([false, true])('the directory with JavaScript %s', (javaScript) => {
	it('browses home, filters hubs by theme and area, opens a hub, with no WCAG 2.2 A/AA violations', async () => {
		const context = await newContext(browser, { javaScript });
		const page = await context.newPage();
		try {
			await page.goto(`${server.url}/`);
			await expect(page.title()).resolves.toBe(
				'Find local help at a community hub - Community hubs',
			);
			await expectAccessible(page);
			expect(await page.getByRole('link', { name: 'Welfare and benefits' }).count()).toBe(1);
			expect(await page.getByRole('link', { name: 'Govan' }).count()).toBe(1);
			expect(await page.getByText('999').count()).toBeGreaterThan(0);

			await page.getByRole('link', { name: 'See all hubs' }).click();
			await page.waitForURL(/\/hubs$/);
			await expectAccessible(page);

			await page.getByLabel('Theme').selectOption({ label: 'Food and nutrition' });
			await page.getByLabel('Area').selectOption({ label: 'Castlemilk' });
			await page.getByRole('button', { name: 'Apply filters' }).click();
			await page.waitForURL(/theme=food-and-nutrition/);
			expect(page.url()).toContain('area=castlemilk');
			await expect(
				page.getByRole('heading', { level: 2, name: '2 hubs found' }).count(),
			).resolves.toBe(1);
			await expectAccessible(page);

			await page.getByRole('link', { name: 'Croftfoot Community Kitchen' }).click();
			await page.waitForURL(/\/hubs\/croftfoot-community-kitchen$/);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
				'Croftfoot Community Kitchen',
			);
			await expect(page.getByRole('heading', { name: 'Opening hours' }).count()).resolves.toBe(1);
			await expect(
				page.getByRole('link', { name: /Open Croftfoot Community Kitchen in a map/ }).count(),
			).resolves.toBe(1);
			await expect(page.getByText('Information last reviewed').count()).resolves.toBe(1);
			await expectAccessible(page);

			await page.getByRole('link', { name: 'Cooking on a budget' }).count();
			await page.getByRole('link', { name: 'Hubs', exact: true }).click();
			await page.waitForURL(/\/hubs$/);
		} finally {
			await context.close();
		}
	});
});

describe('every directory page', () => {
	const pages = [
		'/',
		'/hubs',
		'/hubs?q=benifits',
		'/hubs?theme=domestic-abuse&area=govan',
		'/hubs/linkwood-wellbeing-centre',
		'/hubs/easterhouse-bridge-hub',
		'/themes',
		'/themes/crisis-prevention',
		'/themes/domestic-abuse',
		'/accessibility',
		'/privacy',
		'/no-such-page',
	];

	it.each(pages)('%s has no axe violations and fits a 320 px screen', async (path) => {
		const context = await newContext(browser, { javaScript: false, width: 320 });
		const page = await context.newPage();
		try {
			await page.goto(server.url + path);
			await expectAccessible(page);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
			);
			expect(overflow).toBeLessThanOrEqual(0);
		} finally {
			await context.close();
		}
	});
});

describe('keyboard and safety', () => {
	it('starts with a skip link that moves focus to the main content', async () => {
		const context = await newContext(browser, { javaScript: true });
		const page = await context.newPage();
		try {
			await page.goto(`${server.url}/hubs`);
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
				'Skip to main content',
			);
			await page.keyboard.press('Enter');
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
		} finally {
			await context.close();
		}
	});

	it('filters hubs with the keyboard alone', async () => {
		const context = await newContext(browser, { javaScript: false });
		const page = await context.newPage();
		try {
			await page.goto(`${server.url}/hubs`);
			await page.getByLabel('Search words').focus();
			await page.keyboard.type('pantyr');
			await page.keyboard.press('Enter');
			await page.waitForURL(/q=pantyr/);
			const heading = await page.locator('#results-title').textContent();
			expect(heading).toMatch(/^\d+ hubs? found$/);
			expect(heading).not.toBe('No hubs found');
		} finally {
			await context.close();
		}
	});

	it('offers a plain "leave this site quickly" link on sensitive themes, second in the tab order', async () => {
		const context = await newContext(browser, { javaScript: false });
		const page = await context.newPage();
		try {
			await page.goto(`${server.url}/themes/domestic-abuse`);
			const leave = page.getByRole('link', { name: 'Leave this site quickly' });
			expect(await leave.getAttribute('href')).toMatch(/^https:\/\//);
			await page.keyboard.press('Tab');
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
				'Leave this site quickly',
			);
			await page.goto(`${server.url}/themes/housing`);
			expect(await page.getByRole('link', { name: 'Leave this site quickly' }).count()).toBe(0);
		} finally {
			await context.close();
		}
	});

	it('prints the hub page without the header, footer or banner', async () => {
		const context = await newContext(browser, { javaScript: false });
		const page = await context.newPage();
		try {
			await page.goto(`${server.url}/hubs/govan-riverside-hub`);
			await page.emulateMedia({ media: 'print' });
			expect(await page.locator('.ds_site-footer').isVisible()).toBe(false);
			expect(await page.locator('.ds_site-header').isVisible()).toBe(false);
			expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
		} finally {
			await context.close();
		}
	});
});
