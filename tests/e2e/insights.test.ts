/**
 * Insights in Chromium: staff signs in, opens insights from the back office, filters by theme and
 * by month, downloads the CSV of a table and finds the same numbers as on the page; reads a
 * definition; a filter that cannot be used is explained. axe-core (WCAG 2.2 A and AA) runs on
 * every page, charts included, with JavaScript off at 1024 px and on at 320 px.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { addDays, londonDate } from '../../src/lib/domain/time.ts';
import { periodOf } from '../../src/lib/domain/insights/figures.ts';
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
}

async function signInAsStaff(page: Page): Promise<void> {
	await page.goto(`${server.url}/volunteer`);
	await page.waitForURL(/\/sign-in\?next=/);
	await page.getByLabel('Email address').fill('staff@example.org');
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL(/\/volunteer$/);
}

/** A table on the page as rows of cell texts, headings first. */
async function tableText(page: Page, id: string): Promise<string[][]> {
	return page
		.locator(`#${id} tr`)
		.evaluateAll((rows) =>
			rows.map((row) =>
				[...row.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim()),
			),
		);
}

/** RFC 4180 CSV (quoted cells, doubled quotes, CRLF) as rows. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') ((cell += '"'), i++);
			else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') (row.push(cell), (cell = ''));
		else if (ch === '\n') (row.push(cell), rows.push(row), (row = []), (cell = ''));
		else if (ch !== '\r') cell += ch;
	}
	return rows;
}

async function download(page: Page, linkName: string): Promise<{ name: string; rows: string[][] }> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: linkName }).click(),
	]);
	const text = fs.readFileSync((await file.path())!, 'utf8');
	return { name: file.suggestedFilename(), rows: parseCsv(text) };
}

describe('insights', () => {
	// One staff member's visit, step by step (each step a test, so each has its own time limit).
	let context: BrowserContext;
	let page: Page;
	const previous = periodOf(addDays(periodOf(londonDate(new Date()), 'month').from, -1), 'month');
	let months: string[][] = [];

	beforeAll(async () => {
		context = await newContext(browser, { javaScript: false });
		page = await context.newPage();
	});
	afterAll(async () => {
		await context?.close();
	});

	it('staff open insights from the back office and see both charts', async () => {
		await signInAsStaff(page);
		await page.getByRole('link', { name: 'Insights', exact: true }).click();
		await page.waitForURL(/\/insights$/);
		await page
			.getByRole('heading', { level: 1, name: 'Insights: how the hubs are used' })
			.waitFor();
		expect(await page.getByRole('img', { name: /^Use over time, by week/ }).count()).toBe(1);
		expect(await page.getByRole('img', { name: /^Demand against capacity by theme/ }).count()).toBe(
			1,
		);
		await expectAccessible(page);
	});

	it('filter by a theme, with figures by month', async () => {
		await page
			.getByRole('combobox', { name: 'Theme' })
			.selectOption({ label: 'Food and nutrition' });
		// The design system draws its own radios over the inputs, so people (and this test) click the labels.
		await page.locator('label[for="period-month"]').click();
		await page.getByRole('button', { name: 'Show figures' }).click();
		await page.waitForURL(/theme=food-and-nutrition/);
		expect(page.url()).toMatch(/period=month/);
		expect(
			await page.getByText(/for every hub, theme: Food and nutrition, every area\./).count(),
		).toBe(1);
		await expectAccessible(page);
	});

	it('narrow to last month by its row in the table of months', async () => {
		await page.getByRole('link', { name: previous.label, exact: true }).click();
		await page.waitForURL(new RegExp(`from=${previous.from}&to=${previous.to}`));
		expect(page.url()).toMatch(/theme=food-and-nutrition/);
		months = await tableText(page, 'table-over-time');
		expect(months[0]!.slice(0, 5)).toEqual([
			'Month',
			'Sessions held',
			'Sessions cancelled',
			'Places offered',
			'Places booked',
		]);
		expect(months.map((r) => r[0])).toEqual(['Month', previous.label, 'All dates']);
		expect(Number(months[1]![4])).toBeGreaterThan(0); // places booked
		expect(Number(months[1]![8])).toBeGreaterThan(0); // attended
		await expectAccessible(page);
	});

	it('download the CSV of each table and find the numbers on the page', async () => {
		const csv = await download(page, 'Download “Figures for each month” as a spreadsheet (CSV)');
		expect(csv.name).toBe(`insights-over-time-${previous.from}-to-${previous.to}.csv`);
		expect(csv.rows).toEqual(months);
		for (const [id, caption] of [
			['breakdown', 'Figures for each hub'],
			['summary', 'Summary of every figure'],
			['demand', 'Places offered and places wanted, by theme'],
		]) {
			const table = await tableText(page, `table-${id}`);
			expect(table.length).toBeGreaterThan(1);
			const file = await download(page, `Download “${caption}” as a spreadsheet (CSV)`);
			expect(file.rows, caption).toEqual(table);
		}
	});

	it('read what a figure means, and be told when a filter cannot be used', async () => {
		await page.getByRole('link', { name: 'No-shows' }).first().click();
		await page.waitForURL(/\/insights\/definitions#no-shows$/);
		expect(await page.locator('#no-shows').textContent()).toBe('No-shows');
		await expectAccessible(page);
		await page.goto(`${server.url}/insights?from=2026-02-30`);
		await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
		expect(await page.title()).toMatch(/^Error: Insights/);
		await expectAccessible(page);
	});
});

describe('insights on a small screen', () => {
	it('works at 320 px with JavaScript on, by area, with no axe violations', async () => {
		const context = await newContext(browser, { javaScript: true, width: 320 });
		const page = await context.newPage();
		try {
			await signInAsStaff(page);
			await page.goto(`${server.url}/insights?by=area&period=month`);
			await page.getByRole('heading', { level: 2, name: 'Figures for each area' }).waitFor();
			await expectAccessible(page);
			// Only the tables scroll sideways (inside their own focusable regions), never the page.
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
			);
			expect(overflow).toBeLessThanOrEqual(0);
		} finally {
			await context.close();
		}
	});
});
