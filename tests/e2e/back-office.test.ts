/**
 * The back office in Chromium: staff invites a volunteer, the volunteer sets a password and signs
 * in, a citizen books a session at the volunteer's hub, and the volunteer sees them in the register
 * and checks them in; axe-core on every back-office page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { addDays, londonDate, weekdayOf } from '../../src/lib/domain/time.ts';
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

async function signIn(page: Page, email: string, password: string): Promise<void> {
	await page.goto(`${server.url}/volunteer`);
	await page.waitForURL(/\/sign-in\?next=/);
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL(/\/volunteer$/);
}

describe('the back office', () => {
	it('staff invites a volunteer, who signs in, sees a citizen’s booking in the register and checks them in', async () => {
		const staff = await newContext(browser, { javaScript: false });
		const staffPage = await staff.newPage();
		await signIn(staffPage, 'staff@example.org', DEMO_PASSWORD);
		await expectAccessible(staffPage);
		await staffPage.getByRole('link', { name: 'Staff administration' }).click();
		await staffPage.waitForURL(/\/admin$/);
		await expectAccessible(staffPage);
		await staffPage.getByRole('button', { name: 'Send invitation' }).click();
		await staffPage.getByRole('heading', { name: 'There is a problem' }).waitFor();
		await expectAccessible(staffPage);
		await staffPage.getByLabel('Name').fill('Jordan Example');
		await staffPage.getByLabel('Email address').fill('jordan@example.org');
		// The design system draws its own radios and checkboxes over the inputs, so people (and this
		// test) click the labels.
		await staffPage
			.locator('label', { hasText: 'Hub volunteer: runs sessions at the hubs chosen below' })
			.click();
		await staffPage.locator('label', { hasText: 'Maryhill Locks Hub' }).first().click();
		expect(await staffPage.getByLabel('Maryhill Locks Hub').isChecked()).toBe(true);
		await staffPage.getByRole('button', { name: 'Send invitation' }).click();
		const link = await staffPage.locator('a.invitation-link').getAttribute('href');
		expect(link).toMatch(/\/set-password\/[a-z2-9]{48}$/);
		// Staff edit a hub: the public page keeps the published version until they publish.
		await staffPage.goto(`${server.url}/admin/hubs`);
		await expectAccessible(staffPage);
		await staffPage.getByRole('link', { name: 'Croftfoot Community Kitchen' }).first().click();
		await expectAccessible(staffPage);
		await staffPage
			.getByLabel('Summary', { exact: true })
			.fill('Cooking on a budget, shared meals and a new Saturday brunch.');
		await staffPage.getByRole('button', { name: 'Save draft' }).click();
		await staffPage.getByText(/^Draft saved\. The public still sees/).waitFor();
		const publicPage = await staff.newPage();
		await publicPage.goto(`${server.url}/hubs/croftfoot-community-kitchen`);
		expect(await publicPage.getByText('a new Saturday brunch').count()).toBe(0);
		await staffPage.getByRole('button', { name: 'Publish changes' }).click();
		await staffPage.getByText(/Published\. The public pages show the change now/).waitFor();
		expect(
			await staffPage
				.getByText(
					'Summary: “Cooking on a budget, shared meals and a Thursday lunch club.” to “Cooking on a budget, shared meals and a new Saturday brunch.”',
				)
				.count(),
		).toBe(2); // in "Draft saved" and in "Published"
		await expectAccessible(staffPage);
		await publicPage.reload();
		expect(await publicPage.getByText('a new Saturday brunch').count()).toBeGreaterThan(0);

		await staffPage.goto(`${server.url}/admin/closures`);
		await expectAccessible(staffPage);
		await staffPage.getByRole('button', { name: 'Add closure' }).click();
		await staffPage.getByRole('heading', { name: 'There is a problem' }).waitFor();
		await expectAccessible(staffPage);

		await staffPage.goto(`${server.url}/admin/mail`);
		expect(
			await staffPage.getByText('You have been invited to run community hub sessions').count(),
		).toBe(1);
		await expectAccessible(staffPage);
		await staff.close();

		const volunteer = await newContext(browser, { javaScript: false });
		const page = await volunteer.newPage();
		await page.goto(link!);
		await expectAccessible(page);
		await page.getByLabel('New password', { exact: true }).fill('maryhill canal volunteer');
		await page.getByLabel('Type the new password again').fill('maryhill canal volunteer');
		await page.getByRole('button', { name: 'Save password' }).click();
		await page.waitForURL(/\/sign-in/);
		await signIn(page, 'jordan@example.org', 'maryhill canal volunteer');
		await expectAccessible(page);
		expect(await page.getByText('Your hubs: Maryhill Locks Hub.').count()).toBe(1);

		// The volunteer creates a weekly Job club session at Maryhill, starting tomorrow.
		const tomorrow = addDays(londonDate(new Date()), 1);
		await page.getByRole('link', { name: 'Add or change sessions at Maryhill Locks Hub' }).click();
		await page.getByRole('link', { name: 'Add a drop-in session' }).click();
		await expectAccessible(page);
		await page.getByLabel('Service').selectOption({ label: 'Job club' });
		await page.locator('label', { hasText: 'Every week' }).first().click();
		expect(await page.getByLabel('Every week').isChecked()).toBe(true);
		await page
			.getByLabel('Day of the week (not needed for a one-off session)')
			.selectOption(String(weekdayOf(tomorrow)));
		await page.getByLabel('First date (or the date of a one-off session)').fill(tomorrow);
		await page.getByLabel('Start time').fill('18:00');
		await page.getByLabel('End time').fill('19:30');
		await page.getByLabel('Places', { exact: true }).fill('5');
		await page.getByRole('button', { name: 'Add session' }).click();
		await page.waitForURL(/\/sessions\?saved=session$/);
		expect(
			await page.getByRole('link', { name: /^Job club: Every .+, 6pm to 7:30pm$/ }).count(),
		).toBe(1);
		await expectAccessible(page);

		// The hub's reminder time: an error first, then saved.
		await page.getByLabel('Hours before a session to send reminders').fill('a day');
		await page.getByRole('button', { name: 'Save reminder time' }).click();
		await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
		await expectAccessible(page);
		await page.getByLabel('Hours before a session to send reminders').fill('48');
		await page.getByRole('button', { name: 'Save reminder time' }).click();
		await page.getByText('Reminder time saved.').waitFor();
		expect(await page.getByText(/get it 48 hours before their session/).count()).toBe(1);

		// A citizen books it on the public site.
		const citizen = await newContext(browser, { javaScript: false });
		const citizenPage = await citizen.newPage();
		await citizenPage.goto(`${server.url}/sessions?hub=maryhill-locks-hub`);
		await citizenPage
			.getByRole('link', { name: /^Job club/ })
			.first()
			.click();
		expect(await citizenPage.getByText(/6pm to 7:30pm/).count()).toBeGreaterThan(0);
		await citizenPage.getByLabel('Your name').fill('Casey Citizen');
		await citizenPage.getByLabel('Phone number').fill('0141 496 0777');
		await citizenPage.getByLabel('Access or support needs (optional)').fill('Large print, please');
		await citizenPage.getByRole('button', { name: 'Book a place' }).click();
		await citizenPage.waitForURL(/confirmation$/);
		const sessionPath = await citizenPage
			.getByRole('link', { name: /Add this session to my calendar/ })
			.getAttribute('href');
		const sessionId = /\/sessions\/([0-9a-f-]{36})\.ics/.exec(sessionPath!)![1]!;
		await citizen.close();

		await page.goto(`${server.url}/volunteer/sessions/${sessionId}`);
		await page.getByRole('heading', { level: 1, name: /^Register: Job club/ }).waitFor();
		const row = page.getByRole('row', { name: /Casey Citizen/ });
		expect(await row.getByText('0141 496 0777').count()).toBe(1);
		expect(await row.getByText('Large print, please').count()).toBe(1);
		await expectAccessible(page);
		await row.getByRole('button', { name: /^Attended\W+Casey Citizen/ }).click();
		await page.waitForURL(new RegExp(`/volunteer/sessions/${sessionId}$`));
		expect(
			await page
				.getByRole('row', { name: /Casey Citizen/ })
				.getByText('Attended', { exact: true })
				.count(),
		).toBe(1);
		await page.getByLabel('People who came without booking').fill('3');
		await page.getByRole('button', { name: 'Save walk-ins' }).click();
		await page.waitForURL(new RegExp(`/volunteer/sessions/${sessionId}$`));
		expect(await page.getByLabel('People who came without booking').inputValue()).toBe('3');

		// Casey gave only a landline and no text service is set up: the register asks for a call.
		await page.getByRole('heading', { level: 2, name: 'People to phone' }).waitFor();
		expect(await page.getByText('Casey Citizen, 0141 496 0777').count()).toBe(1);
		await expectAccessible(page);
		await page.getByRole('button', { name: /^Phoned\W+Casey Citizen/ }).click();
		await page.waitForURL(new RegExp(`/volunteer/sessions/${sessionId}$`));
		expect(await page.getByText(/^Phoned at .+ by /).count()).toBe(1);
		expect(await page.getByRole('button', { name: /^Phoned\W+Casey Citizen/ }).count()).toBe(0);

		// A register that does not exist is simply not found.
		const other = await page.goto(
			`${server.url}/volunteer/sessions/${sessionId.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))}`,
		);
		expect(other?.status()).toBe(404);
		await volunteer.close();
	}, 240_000); // the longest journey: on a busy machine it nears the usual 2 minutes

	it('lets a volunteer book someone in, change and cancel a session, and close their hub, on accessible pages', async () => {
		const context = await newContext(browser, { javaScript: false });
		const page = await context.newPage();
		try {
			await signIn(page, 'volunteer@example.org', DEMO_PASSWORD);
			await page
				.getByRole('link', { name: /^Tablet and phone help/ })
				.first()
				.click();
			await page
				.getByRole('heading', { level: 1, name: /^Register: Tablet and phone help/ })
				.waitFor();
			await expectAccessible(page);
			const registerUrl = page.url();

			await page.getByRole('link', { name: 'Book someone in' }).click();
			await expectAccessible(page);
			await page.getByLabel('Your name').fill('Phoned In');
			await page.getByLabel('Phone number').fill('0141 496 0555');
			await page.getByRole('button', { name: 'Book a place' }).click();
			await page.getByText(/^Booked\. Reference/).waitFor();
			await expectAccessible(page);
			await page.goto(registerUrl);
			expect(
				await page
					.getByRole('row', { name: /Phoned In/ })
					.getByText(/booked by a volunteer/)
					.count(),
			).toBe(1);
			// Move that booking to the next date of the same session: it leaves this register.
			await page.getByLabel('Move Phoned In to').selectOption({ index: 0 });
			await page.getByRole('button', { name: /^Move booking\W+Phoned In/ }).click();
			await page.waitForURL(registerUrl);
			expect(await page.getByRole('row', { name: /Phoned In/ }).count()).toBe(0);
			await expectAccessible(page);

			await page.getByRole('link', { name: 'Change or cancel this session' }).click();
			await expectAccessible(page);
			await page.getByLabel('Places', { exact: true }).fill('0');
			await page.getByRole('button', { name: 'Save places' }).click();
			await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
			await expectAccessible(page);
			await page
				.getByLabel('Reason, shown to citizens and the people booked')
				.fill('The tutor is ill');
			await page.getByRole('button', { name: 'Cancel session' }).click();
			await page.waitForURL(registerUrl);
			expect(await page.getByText('This session is cancelled: The tutor is ill').count()).toBe(1);

			await page.goto(`${server.url}/volunteer/hubs/govan-riverside-hub/close`);
			await expectAccessible(page);
		} finally {
			await context.close();
		}
	});

	it('lets a volunteer add a monthly drop-in session, correcting mistakes from the error summary, on accessible pages', async () => {
		const context = await newContext(browser, { javaScript: false });
		const page = await context.newPage();
		try {
			await signIn(page, 'volunteer@example.org', DEMO_PASSWORD);
			await page.goto(`${server.url}/volunteer/hubs/govan-riverside-hub/sessions`);
			await expectAccessible(page);
			await page.getByRole('link', { name: 'Add a drop-in session' }).click();
			await page.getByRole('heading', { level: 1, name: /^Add a drop-in session at/ }).waitFor();
			await expectAccessible(page);
			await page.getByLabel('Service').selectOption({ index: 1 });
			await page.locator('label', { hasText: /^Once a month/ }).click();
			expect(await page.getByLabel(/^Once a month/).isChecked()).toBe(true);
			await page.getByLabel(/^Day of the week/).selectOption({ label: 'Friday' });
			await page.getByLabel('Start time').fill('14:00');
			await page.getByLabel('End time').fill('12:00');
			await page.getByRole('button', { name: 'Add session' }).click();
			await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
			await expectAccessible(page);
			const summary = page.locator('.ds_error-summary');
			expect(await summary.getByRole('link').allTextContents()).toEqual([
				'Select which week of the month',
				'The end time must be after the start time',
			]);
			// What was chosen is kept, and each message's link lands on its field.
			expect(await page.getByLabel(/^Once a month/).isChecked()).toBe(true);
			await summary.getByRole('link', { name: 'Select which week of the month' }).click();
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('week');
			await page.getByLabel(/^Which week of the month/).selectOption({ label: 'Last' });
			await page.getByLabel('End time').fill('16:00');
			await page.getByRole('button', { name: 'Add session' }).click();
			await page.waitForURL(/\/volunteer\/hubs\/govan-riverside-hub\/sessions\?saved=session$/);
			await page.getByText('Drop-in session saved.').waitFor();
			expect(await page.getByRole('link', { name: /last Friday/i }).count()).toBeGreaterThan(0);
			await expectAccessible(page);
		} finally {
			await context.close();
		}
	});

	it('staff add a service and publish it at a hub, change opening hours, themes and organisations, on accessible pages', async () => {
		const context = await newContext(browser, { javaScript: false });
		const page = await context.newPage();
		try {
			await signIn(page, 'staff@example.org', DEMO_PASSWORD);
			await page.goto(`${server.url}/admin/services`);
			await expectAccessible(page);
			await page.getByRole('link', { name: 'Add a service' }).click();
			await expectAccessible(page);
			await page.getByLabel('Name', { exact: true }).fill('Knitting and natter');
			await page.getByLabel('Youngest age (optional)').fill('sixty');
			await page.getByRole('button', { name: 'Add service' }).click();
			await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
			expect(await page.title()).toMatch(/^Error: /);
			expect(await page.getByLabel('Youngest age (optional)').inputValue()).toBe('sixty');
			await expectAccessible(page);
			await page
				.getByRole('link', { name: 'Select at least one hub where the service runs' })
				.click();
			await page.getByLabel('Summary', { exact: true }).fill('Bring your needles; tea provided.');
			await page.getByLabel('Youngest age (optional)').fill('');
			await page.getByLabel('Run by').selectOption({ index: 1 });
			await page.locator('label', { hasText: 'Social isolation and loneliness' }).click();
			await page.locator('label', { hasText: 'Govan Riverside Hub' }).click();
			await page.getByRole('button', { name: 'Add service' }).click();
			await page.getByText(/^Added\. It is not on the public site until you publish it/).waitFor();
			await expectAccessible(page);
			const publicPage = await context.newPage();
			await publicPage.goto(`${server.url}/hubs/govan-riverside-hub`);
			expect(await publicPage.getByText('Knitting and natter').count()).toBe(0);
			await page.getByRole('button', { name: 'Publish', exact: true }).click();
			await page.getByText(/^Published\. The public pages show the change now/).waitFor();
			await publicPage.reload();
			expect(await publicPage.getByText('Knitting and natter').count()).toBeGreaterThan(0);

			// Opening hours: a mistake is explained beside the day, then the change is published.
			await page.goto(`${server.url}/admin/hubs/govan-riverside-hub`);
			await page.getByLabel('Saturday').fill('after lunch');
			await page.getByRole('button', { name: 'Save draft' }).click();
			await page
				.getByRole('link', { name: /^Saturday: write “after lunch” as two times/ })
				.waitFor();
			await expectAccessible(page);
			await page.getByLabel('Saturday').fill('10am to 1pm');
			await page.getByRole('button', { name: 'Save draft' }).click();
			await page.getByRole('button', { name: 'Publish changes' }).click();
			await page.getByText(/^Published\. The public pages show the change now/).waitFor();
			await publicPage.reload();
			expect(await publicPage.getByRole('row', { name: /Saturday\s+10am to 1pm/ }).count()).toBe(1);

			for (const path of ['/admin/themes', '/admin/organisations', '/admin/hubs/new']) {
				await page.goto(server.url + path);
				await expectAccessible(page);
			}
			await page.goto(`${server.url}/admin/themes`);
			await page.getByRole('link', { name: 'Social isolation and loneliness' }).click();
			await page.getByLabel('Summary', { exact: true }).fill('');
			await page.getByRole('button', { name: 'Save' }).click();
			await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
			await expectAccessible(page);
			await page.goto(`${server.url}/admin/organisations/new`);
			await page.getByLabel('Name').fill('Govan Knitters');
			await page.getByRole('button', { name: 'Add organisation' }).click();
			await page.getByText(/^Organisation added\./).waitFor();
			await expectAccessible(page);
			await page.goto(`${server.url}/admin/audit`);
			expect(await page.getByRole('cell', { name: 'Govan Knitters' }).count()).toBe(1);
			await expectAccessible(page);
		} finally {
			await context.close();
		}
	});

	it('keeps the sign-in and password pages accessible, including with errors', async () => {
		const context = await newContext(browser, { javaScript: false });
		const page = await context.newPage();
		try {
			await page.goto(`${server.url}/sign-in`);
			await expectAccessible(page);
			await page.getByLabel('Email address').fill('staff@example.org');
			await page.getByLabel('Password').fill('wrong password entirely');
			await page.getByRole('button', { name: 'Sign in' }).click();
			await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
			expect(await page.title()).toMatch(/^Error: Sign in/);
			await expectAccessible(page);
			await page.goto(`${server.url}/forgot-password`);
			await expectAccessible(page);
			await page.getByLabel('Email address').fill('staff@example.org');
			await page.getByRole('button', { name: 'Send me a link' }).click();
			await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
			await expectAccessible(page);
		} finally {
			await context.close();
		}
	});
});
