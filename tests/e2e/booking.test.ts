/**
 * Finding and booking a drop-in session, then managing and cancelling it, in Chromium with
 * JavaScript off and on, with axe-core on every page of the journey.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, newContext } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	server = await startServer({ BOOKING_RATE_LIMIT: '0' });
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

async function expectAccessible(page: Page): Promise<void> {
	expect(await axeViolations(page), `axe on ${page.url()}`).toEqual([]);
}

describe.each([false, true])('booking with JavaScript %s', (javaScript) => {
	it('finds a session from a hub page, books it, sees the reference, opens the manage link and cancels', async () => {
		const context = await newContext(browser, { javaScript });
		const page = await context.newPage();
		try {
			await page.goto(`${server.url}/hubs/govan-riverside-hub`);
			if (javaScript) {
				// The server island replaces the fallback with live places left.
				await page
					.getByText(/places? left/)
					.first()
					.waitFor();
			} else {
				expect(await page.getByText('Booking needed').count()).toBeGreaterThan(0);
			}
			await page
				.getByRole('link', { name: /^Tablet and phone help/ })
				.first()
				.click();
			await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(
				/^Tablet and phone help, /,
			);
			await expectAccessible(page);

			// Sent empty: the error summary lists what to fix, and the title says "Error".
			await page.getByRole('button', { name: 'Book a place' }).click();
			await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
			expect(await page.title()).toMatch(/^Error: /);
			expect(await page.getByRole('link', { name: 'Enter your name' }).count()).toBe(1);
			await expectAccessible(page);

			await page.getByLabel('Your name').fill('Robin Example');
			await page.getByLabel('Email address').fill('robin@example.org');
			await page.getByLabel('How many places do you need?').fill('2');
			await page.getByLabel('Access or support needs (optional)').fill('I use a wheelchair');
			await page.getByRole('button', { name: 'Book a place' }).click();
			await page.waitForURL(/\/bookings\/[a-z2-7]{32}\/confirmation$/);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
				'Booking confirmed',
			);
			const reference = await page.locator('.ds_confirmation-message__body strong').textContent();
			expect(reference).toMatch(/^[234679ACDEFGHJKMNPQRTWXYZ]{3}-[234679ACDEFGHJKMNPQRTWXYZ]{3}$/);
			expect(await page.getByText('I use a wheelchair').count()).toBe(1);
			expect(
				await page.getByRole('link', { name: /Add this session to my calendar/ }).count(),
			).toBe(1);
			await expectAccessible(page);

			await page.locator('a.manage-link').click();
			await page.waitForURL(/\/bookings\/[a-z2-7]{32}$/);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
				'Your booking',
			);
			expect(await page.getByText(reference!).count()).toBe(1);
			await expectAccessible(page);

			await page.getByRole('button', { name: 'Cancel booking' }).click();
			await page.waitForURL(/done=cancelled/);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
				'Booking cancelled',
			);
			expect(await page.getByRole('button', { name: 'Cancel booking' }).count()).toBe(0);
			await expectAccessible(page);
		} finally {
			await context.close();
		}
	});
});

describe('full sessions, lost links and the session list', () => {
	it('offers the waiting list on a full session, and finds a booking by reference', async () => {
		const context = await newContext(browser, { javaScript: false });
		const page = await context.newPage();
		try {
			await page.goto(`${server.url}/sessions?hub=easterhouse-bridge-hub`);
			await expectAccessible(page);
			const full = page
				.locator('.session-list__item', { hasText: 'Full: you can join the waiting list' })
				.first();
			await full.getByRole('link').first().click();
			await page.getByRole('heading', { name: 'Join the waiting list' }).waitFor();
			expect(await page.getByRole('button', { name: 'Book a place' }).count()).toBe(0);
			await page.getByLabel('Your name').fill('Alex Example');
			await page.getByLabel('Phone number').fill('07700 900123');
			await page.getByRole('button', { name: 'Join the waiting list' }).click();
			await page.waitForURL(/confirmation$/);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
				'You are on the waiting list',
			);
			const reference = (await page
				.locator('.ds_confirmation-message__body strong')
				.textContent())!;
			await expectAccessible(page);

			await page.goto(`${server.url}/bookings/find`);
			await page.getByLabel('Booking reference').fill(reference.toLowerCase().replace('-', ' '));
			await page.getByLabel('Email address or phone number').fill('077009 00123');
			await page.getByRole('button', { name: 'Find my booking' }).click();
			await page.waitForURL(/done=found/);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
				'Your place on the waiting list',
			);
			await expectAccessible(page);
		} finally {
			await context.close();
		}
	});

	it('shows the calendar view as an enhancement that does not trap keyboard focus', async () => {
		const context = await newContext(browser, { javaScript: true });
		const page = await context.newPage();
		try {
			await page.goto(`${server.url}/sessions`);
			await expectAccessible(page);
			await page.getByRole('button', { name: 'Show calendar view' }).click();
			await page.locator('#calendar-view a[href^="/sessions/"]').first().waitFor();
			await expectAccessible(page);
			// Tab from the toggle through the calendar and out the other side.
			await page.getByRole('button', { name: 'Hide calendar view' }).focus();
			let left = false;
			for (let i = 0; i < 400 && !left; i++) {
				await page.keyboard.press('Tab');
				left = await page.evaluate(
					() =>
						!document.getElementById('calendar-view')!.contains(document.activeElement) &&
						document.activeElement?.closest('.session-list') !== null,
				);
			}
			expect(left).toBe(true);
		} finally {
			await context.close();
		}
	});
});
