/**
 * The outbox and its worker on a real temp database: messages exist exactly when their change
 * does, retries back off, a crash between sending and recording leads to one resend under the same
 * Message-ID (never a new message), reminders are scheduled, moved and dropped with their booking,
 * and text messages that cannot be sent become phone calls on the register.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addThursdayPattern } from '../helpers/thursday-pattern.ts';
import type { BookingValues } from '../../src/lib/domain/forms/booking-form.ts';
import { composeEmail, type QueuedText } from '../../src/lib/domain/messages/compose.ts';
import { MAX_ATTEMPTS } from '../../src/lib/domain/messages/retry.ts';
import type { Db } from '../../src/lib/server/db/open-database.ts';
import {
	DeliveryError,
	type Delivery,
	type Transport,
} from '../../src/lib/server/delivery/transports.ts';
import { LEASE_MS, sendDueMessages } from '../../src/lib/server/delivery/worker.ts';
import { claimNextMessage, retryMessage } from '../../src/lib/server/queries/outbox.ts';
import { listCalls, markPhoned } from '../../src/lib/server/queries/phone-calls.ts';
import {
	acceptOffer,
	bookPlace,
	cancelBooking,
	findBooking,
} from '../../src/lib/server/use-cases/bookings.ts';
import {
	cancelSessionDate,
	moveBooking,
	moveSessionDate,
} from '../../src/lib/server/use-cases/manage-sessions.ts';
import { setHubReminderHours } from '../../src/lib/server/use-cases/reminder-settings.ts';
import { sessionId } from '../../src/lib/server/use-cases/schedule-sessions.ts';
import { FIXED_NOW, tempDatabase } from '../helpers/temp-db.ts';

const ORIGIN = 'https://hubs.example.org';
const FROM = 'Community hubs <hubs@example.org>';
const now = FIXED_NOW; // Monday 23 November 2026, 10:00 GMT
let db: Db;
let cleanup: () => void;
let session: string;
let n = 0;

beforeEach(() => {
	({ db, cleanup } = tempDatabase('demo'));
	// Thursdays 14:00 to 16:00 at Maryhill Locks Hub, 2 places.
	session = addThursdayPattern(db, now);
});
afterEach(() => cleanup());

const values = (name: string, extra: Partial<BookingValues> = {}): BookingValues => ({
	name,
	email: `${name.toLowerCase()}@example.org`,
	phone: null,
	needs: 'Step-free access',
	places: 1,
	forSomeoneElse: false,
	attendeeName: null,
	wantsReminder: false,
	...extra,
});
function book(
	name: string,
	extra: Partial<BookingValues> = {},
	mode: 'book' | 'wait' = 'book',
	at = now,
	on = session,
) {
	const result = bookPlace(
		db,
		{
			sessionId: on,
			formToken: `tok${String.fromCharCode(97 + n++)}zzzzzzzzzzzzzzzz`,
			values: values(name, extra),
			origin: ORIGIN,
		},
		at,
		mode,
	);
	if (!result.ok) throw new Error(`booking refused: ${result.reason}`);
	return result;
}

interface Row {
	id: string;
	kind: string;
	channel: string;
	recipient: string;
	subject: string;
	body: string;
	status: string;
	attempts: number;
	sendAfter: string;
	calendar: string | null;
	calendarUrl: string | null;
	lastError: string | null;
}
const rows = (): Row[] =>
	db.$client
		.prepare(
			`select id, kind, channel, recipient, subject, body, status, attempts, send_after as sendAfter, calendar,
			   calendar_url as calendarUrl, last_error as lastError from outbox order by rowid`,
		)
		.all() as Row[];
const reminders = () => rows().filter((r) => r.kind === 'booking-reminder');

/** A transport that records what it was asked to send, failing when `fail` says so. */
function recorder(fail: (m: QueuedText, call: number) => DeliveryError | null = () => null) {
	const sent: { id: string; messageId: string; recipient: string; subject: string }[] = [];
	let calls = 0;
	const transport: Transport = {
		name: 'smtp',
		async send(m) {
			const error = fail(m, ++calls);
			if (error) throw error;
			sent.push({
				id: m.id,
				messageId: composeEmail(m, FROM).messageId,
				recipient: m.recipient,
				subject: m.subject,
			});
			return { providerId: composeEmail(m, FROM).messageId };
		},
	};
	const delivery: Delivery = { email: transport, sms: null, description: 'test', close: () => {} };
	return { sent, transport, delivery };
}
const at = (iso: string) => () => new Date(iso);
const later = (ms: number) => () => new Date(now.getTime() + ms);

describe('the outbox is written in the same transaction as the change', () => {
	it('a booking rolled back leaves no message', () => {
		expect(() =>
			db.$client.transaction(() => {
				book('Ann');
				expect(rows()).toHaveLength(1);
				throw new Error('something later in the same transaction failed');
			})(),
		).toThrow(/later in the same transaction/);
		expect(rows()).toEqual([]);
		expect(
			db.$client.prepare('select count(*) from booking where name = ?').pluck().get('Ann'),
		).toBe(0);
	});

	it('a message that cannot be written rolls the booking back', () => {
		db.$client.exec(
			"create temp trigger refuse_outbox before insert on outbox begin select raise(abort, 'outbox unavailable'); end",
		);
		expect(() => book('Ann')).toThrow(/outbox unavailable/);
		db.$client.exec('drop trigger refuse_outbox');
		expect(
			db.$client.prepare('select count(*) from booking where name = ?').pluck().get('Ann'),
		).toBe(0);
		expect(
			db.$client.prepare('select places_taken from session where id = ?').pluck().get(session),
		).toBe(0);
	});

	it('a confirmation carries the booking’s .ics file and its public address; a text gets the short words', () => {
		book('Ann');
		book('Bob', { email: null, phone: '07700 900123' });
		const [email, sms] = rows();
		expect(email).toMatchObject({ kind: 'booking-confirmed', channel: 'email', status: 'pending' });
		expect(email!.calendar).toContain('DTSTART;TZID=Europe/London:20261126T140000');
		expect(email!.calendarUrl).toBe(`${ORIGIN}/sessions/${session}.ics`);
		expect(sms).toMatchObject({
			kind: 'booking-confirmed',
			channel: 'sms',
			recipient: '07700 900123',
		});
		expect(sms!.body).toMatch(/^Booking confirmed: Job club at Maryhill Locks Hub/);
		expect(sms!.calendar).toBeNull();
		// No personal data beyond what the recipient gave: the needs are not repeated back.
		expect(email!.body).not.toContain('Step-free');
	});
});

describe('the worker', () => {
	it('sends each due message once and records it', async () => {
		book('Ann');
		book('Bob');
		const { sent, delivery } = recorder();
		expect(await sendDueMessages(db, delivery, () => now)).toBe(2);
		expect(sent.map((s) => s.recipient)).toEqual(['ann@example.org', 'bob@example.org']);
		expect(rows().map((r) => r.status)).toEqual(['sent', 'sent']);
		expect(await sendDueMessages(db, delivery, later(LEASE_MS * 2))).toBe(0);
		expect(sent).toHaveLength(2);
	});

	it('retries a failure that may pass, waiting twice as long each time, then sends it under the same id', async () => {
		book('Ann');
		const { sent, delivery } = recorder((_, call) =>
			call <= 3 ? new DeliveryError('421 try again later', false) : null,
		);
		await sendDueMessages(db, delivery, () => now);
		expect(rows()[0]).toMatchObject({
			status: 'pending',
			attempts: 1,
			sendAfter: '2026-11-23T10:01:00.000Z',
			lastError: '421 try again later',
		});
		expect(await sendDueMessages(db, delivery, at('2026-11-23T10:00:59Z'))).toBe(0);
		await sendDueMessages(db, delivery, at('2026-11-23T10:01:00Z'));
		expect(rows()[0]).toMatchObject({ attempts: 2, sendAfter: '2026-11-23T10:03:00.000Z' });
		await sendDueMessages(db, delivery, at('2026-11-23T10:03:00Z'));
		expect(rows()[0]).toMatchObject({ attempts: 3, sendAfter: '2026-11-23T10:07:00.000Z' });
		await sendDueMessages(db, delivery, at('2026-11-23T10:07:00Z'));
		expect(rows()[0]).toMatchObject({ status: 'sent', attempts: 4 });
		expect(sent).toEqual([
			expect.objectContaining({ messageId: `<${rows()[0]!.id}@example.org>` }),
		]);
		expect(rows()).toHaveLength(1);
	});

	it('gives up at once on a permanent failure, and after the last try; staff retry sends the same message', async () => {
		book('Ann');
		book('Bob');
		const { sent, delivery } = recorder((m) =>
			m.recipient === 'ann@example.org'
				? new DeliveryError('550 mailbox unavailable', true)
				: new DeliveryError('connection refused', false),
		);
		let clock = now.getTime();
		for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
			await sendDueMessages(db, delivery, () => new Date(clock));
			clock += 5 * 3_600_000;
		}
		expect(rows().map((r) => [r.recipient, r.status, r.attempts])).toEqual([
			['ann@example.org', 'failed', 1],
			['bob@example.org', 'failed', MAX_ATTEMPTS],
		]);
		expect(sent).toEqual([]);
		const ann = rows()[0]!;
		expect(retryMessage(db, ann.id, new Date(clock))).toBe(true);
		expect(retryMessage(db, ann.id, new Date(clock))).toBe(false);
		const ok = recorder();
		await sendDueMessages(db, ok.delivery, () => new Date(clock));
		expect(ok.sent).toEqual([
			expect.objectContaining({ id: ann.id, messageId: `<${ann.id}@example.org>` }),
		]);
		expect(rows()[0]!.status).toBe('sent');
		expect(rows()).toHaveLength(2);
	});

	it('after a crash between sending and recording, sends once more under the same Message-ID, never as a new message', async () => {
		book('Ann');
		const first = recorder();
		// The worker claims and sends, then the process dies before it records the outcome.
		const claimed = claimNextMessage(db, now, LEASE_MS)!;
		await first.transport.send(claimed);
		expect(rows()[0]).toMatchObject({ status: 'pending', attempts: 1 });
		// After a restart, nothing is sent again while the dead worker's lease holds...
		const restarted = recorder();
		expect(await sendDueMessages(db, restarted.delivery, later(LEASE_MS - 1000))).toBe(0);
		// ...then it is sent once more, as the same message.
		expect(await sendDueMessages(db, restarted.delivery, later(LEASE_MS))).toBe(1);
		expect(await sendDueMessages(db, restarted.delivery, later(LEASE_MS * 3))).toBe(0);
		expect(restarted.sent).toHaveLength(1);
		expect(restarted.sent[0]!.messageId).toBe(first.sent[0]!.messageId);
		expect(rows()).toHaveLength(1);
		expect(rows()[0]).toMatchObject({ status: 'sent', attempts: 2 });
	});

	it('with no email service, logs the message for staff; a text with no text service becomes a phone call', async () => {
		book('Ann');
		const { id: bobBooking } = db.$client
			.prepare('select id from booking where name = ?')
			.get('Ann') as { id: string };
		book('Bob', { email: null, phone: '07700 900123' });
		const none: Delivery = { email: null, sms: null, description: 'none', close: () => {} };
		await sendDueMessages(db, none, () => now);
		expect(rows().map((r) => r.status)).toEqual(['logged', 'phone']);
		const calls = listCalls(db, session);
		expect(calls).toEqual([
			expect.objectContaining({
				name: 'Bob',
				phone: '07700 900123',
				messages: [expect.objectContaining({ kind: 'booking-confirmed', status: 'phone' })],
			}),
		]);
		const staff = db.$client
			.prepare("select id from user where role = 'staff'")
			.pluck()
			.get() as string;
		expect(markPhoned(db, session, bobBooking, staff, now)).toBe(false); // Ann has no calls
		expect(markPhoned(db, session, calls[0]!.bookingId, staff, now)).toBe(true);
		expect(listCalls(db, session)[0]!.messages[0]).toMatchObject({
			status: 'phoned',
			phonedAt: now.toISOString(),
			phonedBy: expect.any(String),
		});
		expect(markPhoned(db, session, calls[0]!.bookingId, staff, now)).toBe(false);
	});

	it('a text to a landline, or one the text service refuses, becomes a phone call', async () => {
		book('Bob', { email: null, phone: '0141 496 0123' });
		book('Cat', { email: null, phone: '07700 900456' });
		const sms: Transport = {
			name: 'notify',
			send: async () => {
				throw new DeliveryError('GOV.UK Notify answered 400', true);
			},
		};
		await sendDueMessages(db, { email: null, sms, description: '', close: () => {} }, () => now);
		expect(rows().map((r) => r.status)).toEqual(['phone', 'phone']);
	});
});

describe('reminders', () => {
	const wants = { wantsReminder: true };
	// The session starts at 14:00 GMT on Thursday 26 November 2026.

	it('are scheduled in the outbox, 24 hours before by default, and sent once when due, across a restart', async () => {
		book('Ann', wants);
		book('Bob'); // did not ask
		expect(reminders()).toEqual([
			expect.objectContaining({
				recipient: 'ann@example.org',
				status: 'pending',
				sendAfter: '2026-11-25T14:00:00.000Z',
			}),
		]);
		expect(reminders()[0]!.body).toContain('Where: Maryhill Locks Hub,');
		const { sent, delivery } = recorder();
		await sendDueMessages(db, delivery, () => now);
		expect(sent.map((s) => s.subject)).toEqual([
			expect.stringMatching(/^Booking confirmed/),
			expect.stringMatching(/^Booking confirmed/),
		]);
		await sendDueMessages(db, delivery, at('2026-11-25T13:59:59Z'));
		expect(sent).toHaveLength(2);
		// A restart in between: a new worker finds the same reminder, due at the same time.
		const restarted = recorder();
		await sendDueMessages(db, restarted.delivery, at('2026-11-25T14:00:00Z'));
		await sendDueMessages(db, restarted.delivery, at('2026-11-25T15:00:00Z'));
		expect(restarted.sent).toEqual([
			expect.objectContaining({
				recipient: 'ann@example.org',
				subject: expect.stringMatching(/^Reminder: Job club/),
			}),
		]);
		expect(reminders()[0]!.status).toBe('sent');
	});

	it('follow the hub’s own time, and are re-timed when the hub changes it', () => {
		const hub = db.$client
			.prepare("select id from hub where slug = 'maryhill-locks-hub'")
			.pluck()
			.get() as string;
		book('Ann', wants);
		expect(setHubReminderHours(db, hub, '48', 24, now)).toEqual({ ok: true, retimed: 1 });
		expect(reminders()[0]!.sendAfter).toBe('2026-11-24T14:00:00.000Z');
		book('Bob', wants);
		expect(reminders().map((r) => r.sendAfter)).toEqual([
			'2026-11-24T14:00:00.000Z',
			'2026-11-24T14:00:00.000Z',
		]);
		expect(setHubReminderHours(db, hub, '', 24, now)).toEqual({ ok: true, retimed: 2 });
		expect(reminders()[0]!.sendAfter).toBe('2026-11-25T14:00:00.000Z');
		expect(setHubReminderHours(db, hub, '0', 24, now)).toMatchObject({ ok: false });
	});

	it('use the site’s default when the hub has none', () => {
		bookPlace(
			db,
			{
				sessionId: session,
				formToken: 'tokdefaultzzzzzzzzzzz',
				values: values('Ann', wants),
				origin: ORIGIN,
				reminderHours: 2,
			},
			now,
		);
		expect(reminders()[0]!.sendAfter).toBe('2026-11-26T12:00:00.000Z');
	});

	it('are re-scheduled when the session moves, with the new time and the new link', () => {
		book('Ann', wants);
		const before = reminders()[0]!;
		expect(
			moveSessionDate(
				db,
				session,
				{ date: '2026-11-27', startTime: '10:00', endTime: '12:00', reason: 'Room needed' },
				now,
				ORIGIN,
			),
		).toEqual({ ok: true });
		const after = reminders();
		expect(after).toHaveLength(1);
		expect(after[0]!.sendAfter).toBe('2026-11-26T10:00:00.000Z');
		expect(after[0]!.body).toContain('Friday 27 November 2026, 10am to midday');
		const link = /https:\/\/hubs\.example\.org\/bookings\/\w+/;
		expect(after[0]!.body.match(link)![0]).not.toBe(before.body.match(link)![0]);
		const moved = rows().find((r) => r.kind === 'session-moved')!;
		expect(after[0]!.body.match(link)![0]).toBe(moved.body.match(link)![0]);
		expect(moved.calendar).toContain('SEQUENCE:1');
		expect(moved.calendar).toContain('DTSTART;TZID=Europe/London:20261127T100000');
	});

	it('move with a booking moved to another date, and carry a new link after "find my booking"', () => {
		const { reference } = book('Ann', wants);
		const booking = db.$client
			.prepare('select id from booking where name = ?')
			.pluck()
			.get('Ann') as string;
		const next = sessionId('p1', '2026-12-03');
		expect(moveBooking(db, session, booking, next, now, 24, ORIGIN)).toEqual({ ok: true });
		expect(reminders().map((r) => r.sendAfter)).toEqual(['2026-12-02T14:00:00.000Z']);
		const token = findBooking(db, reference, 'ann@example.org', now, ORIGIN)!;
		expect(reminders()).toHaveLength(1);
		expect(reminders()[0]!.body).toContain(`${ORIGIN}/bookings/${token}`);
		expect(reminders()[0]!.sendAfter).toBe('2026-12-02T14:00:00.000Z');
	});

	it('are dropped when the booking or the session is cancelled', () => {
		const ann = book('Ann', wants);
		book('Bob', wants);
		expect(reminders()).toHaveLength(2);
		expect(cancelBooking(db, ann.token, now, 24, ORIGIN)).toEqual({ ok: true });
		expect(reminders().map((r) => r.recipient)).toEqual(['bob@example.org']);
		expect(cancelSessionDate(db, session, 'Heating broken', now)).toEqual({ ok: true });
		expect(reminders()).toEqual([]);
	});

	it('are scheduled for a place from the waiting list once it is confirmed, and never for a booking made after the reminder time', () => {
		db.$client.prepare("update session_pattern set waiting_list = 'offer' where id = 'p1'").run();
		const ann = book('Ann', { ...wants, places: 2 });
		const bob = book('Bob', wants, 'wait');
		expect(reminders()).toHaveLength(1);
		cancelBooking(db, ann.token, now, 24, ORIGIN);
		expect(reminders()).toHaveLength(0);
		const offer = rows().find((r) => r.kind === 'waiting-list-offer')!;
		const token = offer.body.match(/bookings\/(\w+)/)![1]!;
		expect(acceptOffer(db, token, now, ORIGIN)).toEqual({ ok: true });
		expect(reminders().map((r) => r.recipient)).toEqual(['bob@example.org']);
		expect(bob.status).toBe('waiting');
		// Booked on Wednesday 2 December at 15:00, after the reminder time for Thursday 14:00.
		const lateSession = sessionId('p1', '2026-12-03');
		book('Cat', wants, 'book', new Date('2026-12-02T15:00:00Z'), lateSession);
		expect(reminders().filter((r) => r.recipient === 'cat@example.org')).toEqual([]);
	});

	it('a reminder whose booking was cancelled some other way is dropped, not sent', async () => {
		book('Ann', wants);
		db.$client.prepare("update booking set status = 'cancelled' where name = 'Ann'").run();
		const { sent, delivery } = recorder();
		await sendDueMessages(db, delivery, at('2026-11-25T14:00:00Z'));
		expect(sent.map((m) => m.subject)).toEqual([expect.stringMatching(/^Booking confirmed/)]);
		expect(reminders()).toEqual([]);
	});

	it('a reminder dropped while it is being sent is not recorded as sent', async () => {
		const ann = book('Ann', wants);
		await sendDueMessages(db, recorder().delivery, () => now);
		let cancelDuringSend = true;
		const transport: Transport = {
			name: 'smtp',
			send: async () => {
				if (cancelDuringSend)
					cancelBooking(db, ann.token, new Date('2026-11-25T14:00:00Z'), 24, ORIGIN);
				cancelDuringSend = false;
				return { providerId: null };
			},
		};
		await sendDueMessages(
			db,
			{ email: transport, sms: null, description: '', close: () => {} },
			at('2026-11-25T14:00:00Z'),
		);
		expect(reminders()).toEqual([]);
		expect(rows().find((r) => r.kind === 'booking-cancelled')!.status).toBe('sent');
	});
});
