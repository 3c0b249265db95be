/**
 * Email over SMTP, end to end: the built server with SMTP_URL pointing at a real SMTP server on
 * loopback, driven over HTTP. Checks the messages that arrive for a booking (reference, details,
 * manage link, plain-text and HTML parts, the .ics attachment, Message-ID from the outbox), a
 * cancellation by the person, a waiting-list offer, and a session cancelled by the hub (to
 * everyone booked and waiting); someone who gave only a phone number is listed on the register to
 * phone, and the volunteer's "Phoned" is recorded.
 */
import Database from 'better-sqlite3';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { recipientOf, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';

let sink: SmtpSink;
let server: RunningServer;
let session: string;
let staffCookie: string;
let formCount = 0;

beforeAll(async () => {
	sink = await startSmtpSink();
	server = await startServer({
		SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
		MAIL_FROM: 'Community hubs <hubs@example.org>',
		BOOKING_RATE_LIMIT: '0',
	});
	const db = new Database(server.databasePath);
	// A bookable session next week, with 2 places, nobody booked, and offers for the waiting list.
	session = db
		.prepare(
			`select s.id from session s join session_pattern p on p.id = s.pattern_id
			 where p.booking_mode = 'booking' and s.status = 'scheduled' and s.date > date('now', '+2 days') and s.date < date('now', '+9 days')
			 order by s.date limit 1`,
		)
		.pluck()
		.get() as string;
	db.prepare('delete from booking where session_id = ?').run(session);
	db.prepare('update session set capacity = 2, places_taken = 0 where id = ?').run(session);
	db.prepare(
		"update session_pattern set waiting_list = 'offer', max_places_per_booking = 2 where id = (select pattern_id from session where id = ?)",
	).run(session);
	db.close();
	const res = await fetch(`${server.url}/sign-in`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: server.url },
		body: new URLSearchParams({
			email: 'staff@example.org',
			password: DEMO_PASSWORD,
			next: '/admin',
		}),
	});
	staffCookie = res.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => {
	await server?.stop();
	await sink?.stop();
});

async function post(path: string, fields: Record<string, string>, cookie?: string) {
	return fetch(server.url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: server.url, ...(cookie ? { Cookie: cookie } : {}) },
		body: new URLSearchParams(fields),
	});
}

async function book(
	name: string,
	contact: { email?: string; phone?: string },
	action: 'book' | 'wait' = 'book',
): Promise<string> {
	const formToken = `smtp${String.fromCharCode(97 + formCount++)}`.padEnd(20, 'z');
	const res = await post(`/sessions/${session}`, {
		formToken,
		name,
		email: contact.email ?? '',
		phone: contact.phone ?? '',
		places: '1',
		wantsReminder: 'yes',
		action,
	});
	expect(res.status).toBe(303);
	return /\/bookings\/(\w+)\/confirmation/.exec(res.headers.get('location')!)![1]!;
}

const to = (address: string, subject: RegExp) => (m: ParsedMail) =>
	recipientOf(m) === address && subject.test(m.subject ?? '');

function outboxIdOf(kind: string, recipient: string): string {
	const db = new Database(server.databasePath, { readonly: true });
	const id = db
		.prepare('select id from outbox where kind = ? and recipient = ?')
		.pluck()
		.get(kind, recipient) as string;
	db.close();
	return id;
}

describe('email over SMTP', () => {
	let annToken: string;

	it('a booking made over HTTP arrives with its reference, details, manage link, both parts and the .ics', async () => {
		annToken = await book('Ann Example', { email: 'ann@example.org' });
		const mail = await sink.waitFor(to('ann@example.org', /^Booking confirmed/));
		const reference = /\(([A-Z0-9]{3}-[A-Z0-9]{3})\)$/.exec(mail.subject!)?.[1];
		expect(reference).toBeDefined();
		expect(mail.from?.value[0]?.address).toBe('hubs@example.org');
		expect(mail.text).toContain(`Reference: ${reference}`);
		expect(mail.text).toContain('Hello Ann Example,');
		expect(mail.text).toContain(`${server.url}/bookings/${annToken}`);
		expect(mail.text).toMatch(/If you have a question, contact .+/);
		expect(mail.html).toContain(`<a href="${server.url}/bookings/${annToken}">`);
		expect(mail.html).toContain(`Reference: ${reference}`);
		const calendar = mail.attachments.find((a) => a.contentType === 'text/calendar');
		expect(calendar?.filename).toBe('session.ics');
		const ics = calendar!.content.toString('utf8');
		expect(ics).toContain(`UID:${session}@community-hubs`);
		expect(ics).toMatch(/DTSTART;TZID=Europe\/London:\d{8}T\d{6}/);
		expect(ics).toContain('BEGIN:VTIMEZONE');
		// The Message-ID is the outbox id, so a resend would carry the same one.
		expect(mail.messageId).toBe(
			`<${outboxIdOf('booking-confirmed', 'ann@example.org')}@example.org>`,
		);
	});

	it('a waiting-list place is offered, with the deadline, when someone cancels', async () => {
		await book('Bob Example', { email: 'bob@example.org' });
		await book('Cat Example', { email: 'cat@example.org' }, 'wait');
		await sink.waitFor(to('cat@example.org', /^You are on the waiting list/));
		const res = await post(`/bookings/${annToken}`, { action: 'cancel' });
		expect(res.status).toBe(303);
		await sink.waitFor(to('ann@example.org', /^Booking cancelled/));
		const offer = await sink.waitFor(to('cat@example.org', /^A place is free for you: accept by/));
		expect(offer.text).toMatch(/We are holding it for you until \d+(:\d\d)?(am|pm) on \w+day/);
		expect(offer.text).toMatch(new RegExp(`${server.url}/bookings/\\w+`));
		expect(offer.attachments).toEqual([]);
	});

	it('someone who gave only a phone number is listed on the register to phone, and the call is recorded', async () => {
		await book('Dan Example', { phone: '07700 900123' }, 'wait');
		const register = `/volunteer/sessions/${session}`;
		let html = '';
		for (let i = 0; i < 50 && !html.includes('People to phone'); i++) {
			html = await (
				await fetch(server.url + register, { headers: { Cookie: staffCookie } })
			).text();
			await new Promise((r) => setTimeout(r, 100));
		}
		expect(html).toContain('People to phone');
		expect(html).toContain('Dan Example, 07700 900123');
		const dan = /name="booking" value="([\w-]+)"[^]*?value="phoned"/.exec(
			html.slice(html.indexOf('People to phone')),
		)![1]!;
		const res = await post(register, { action: 'phoned', booking: dan }, staffCookie);
		expect(res.status).toBe(303);
		html = await (await fetch(server.url + register, { headers: { Cookie: staffCookie } })).text();
		expect(html).toMatch(/Phoned at \d+(:\d\d)?(am|pm) on \w+day .+ by /);
	});

	it('a session cancelled by the hub is told to everyone booked and waiting', async () => {
		await book('Eve Example', { email: 'eve@example.org' }, 'wait');
		const res = await post(
			`/volunteer/sessions/${session}/change`,
			{ action: 'cancel', cancelReason: 'The heating has failed' },
			staffCookie,
		);
		expect(res.status).toBe(303);
		for (const address of ['bob@example.org', 'cat@example.org', 'eve@example.org']) {
			const mail = await sink.waitFor(to(address, /^Cancelled: /));
			expect(mail.text).toContain('Reason: The heating has failed');
			expect(mail.html).toContain('Reason: The heating has failed');
		}
		expect(sink.messages.filter(to('ann@example.org', /^Cancelled: /))).toEqual([]);
		// Nobody keeps a reminder for a cancelled session.
		const db = new Database(server.databasePath, { readonly: true });
		expect(
			db
				.prepare(
					"select count(*) from outbox where kind = 'booking-reminder' and status = 'pending'",
				)
				.pluck()
				.get(),
		).toBe(0);
		db.close();
	});

	it('no message was sent twice', () => {
		const ids = sink.messages.map((m) => m.messageId);
		expect(new Set(ids).size).toBe(ids.length);
	});
});
