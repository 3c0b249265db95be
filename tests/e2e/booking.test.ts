/**
 * Finding and booking a drop-in session, then managing and cancelling it, in Chromium with
 * JavaScript off and on, with axe-core on every page of the journey.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, londonDate } from '../../src/lib/domain/time.ts';
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
			// The demo's full session is the first date still to come after today that is not cancelled
			// (on some days, beyond the list's first fortnight): the list starts from its date.
			const db = new Database(server.databasePath, { readonly: true });
			const fullOn = db
				.prepare(
					`select s.date from session s join session_pattern p on p.id = s.pattern_id
					 join hub h on h.id = p.hub_id
					 where h.slug = 'easterhouse-bridge-hub' and s.status = 'scheduled'
					   and s.date >= ? and s.places_taken >= s.capacity order by s.date limit 1`,
				)
				.pluck()
				.get(londonDate(new Date())) as string;
			db.close();
			expect(fullOn).toBeDefined();
			await page.goto(`${server.url}/sessions?hub=easterhouse-bridge-hub&from=${fullOn}`);
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

describe('the calendar on a busy day', () => {
	it('shows a day with more than 12 sessions as their number, linking to that day of the list', async () => {
		// Tomorrow is in the month shown first, whatever the date. 15 more sessions make it busy.
		const busy = addDays(londonDate(new Date()), 1);
		const db = new Database(server.databasePath);
		const stamp = new Date().toISOString();
		for (let i = 0; i < 15; i++) {
			const patternId = randomUUID();
			db.prepare(
				`insert into session_pattern (id, service_id, hub_id, rrule, starts_on, start_time, end_time, capacity,
				   booking_mode, booking_opens_days, booking_closes_hours, max_places_per_booking, waiting_list, created_at, updated_at)
				 values (?, (select id from service where slug = 'benefits-check-drop-in'), (select id from hub where slug = 'govan-riverside-hub'),
				   null, ?, '14:00', '15:00', 10, 'booking', null, null, 2, 'automatic', ?, ?)`,
			).run(patternId, busy, stamp, stamp);
			db.prepare(
				`insert into session (id, pattern_id, original_date, date, start_time, end_time, capacity, places_taken, status, updated_at)
				 values (?, ?, ?, ?, '14:00', '15:00', 10, 0, 'scheduled', ?)`,
			).run(randomUUID(), patternId, busy, busy, stamp);
		}
		const count = db
			.prepare(
				"select count(*) from session s join session_pattern p on p.id = s.pattern_id join service sv on sv.id = p.service_id join hub h on h.id = p.hub_id where s.date = ? and sv.status = 'published' and h.status = 'published'",
			)
			.pluck()
			.get(busy) as number;
		db.close();

		const context = await newContext(browser, { javaScript: true });
		const page = await context.newPage();
		try {
			await page.goto(`${server.url}/sessions`);
			await page.getByRole('button', { name: 'Show calendar view' }).click();
			const day = page.locator(`#calendar-view a[href="/sessions?from=${busy}"]`);
			await day.waitFor();
			expect(await day.textContent()).toContain(`${count} sessions`);
			await expect
				.poll(() => page.getByText('Busy days show how many sessions they have').isVisible())
				.toBe(true);
			// Quieter days still show each session.
			expect(await page.locator('#calendar-view a[href^="/sessions/"]').count()).toBeGreaterThan(0);
			await expectAccessible(page);
			await day.click();
			await page.waitForURL(`${server.url}/sessions?from=${busy}`);
			expect(
				await page.locator('.session-list').getByText('Govan Riverside Hub').count(),
			).toBeGreaterThanOrEqual(15);
			// Hidden with the calendar.
			await page.goBack();
			await page.getByRole('button', { name: 'Show calendar view' }).click();
			await page.locator(`#calendar-view a[href="/sessions?from=${busy}"]`).waitFor();
			await page.getByRole('button', { name: 'Hide calendar view' }).click();
			expect(await page.getByText('Busy days show how many sessions they have').isVisible()).toBe(
				false,
			);
		} finally {
			await context.close();
		}
	});
});
