/**
 * Message templates and what each channel sends: plain English, the hub's name and contact in
 * each, a plain-text part with every HTML part, the .ics attachment (checked with an independent
 * iCalendar parser on the days the clocks change), the retry policy and reminder times.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
	bookingMovedMessage,
	cancelledByHubMessage,
	cancelledMessage,
	confirmationMessage,
	manageLinkMessage,
	offerExpiredMessage,
	offerMessage,
	promotedMessage,
	reminderMessage,
	sessionCancelledMessage,
	sessionMovedMessage,
	waitingListMessage,
	type MessageContext,
	type MessageText,
} from '../../../src/lib/domain/booking/messages.ts';
import {
	parseReminderHours,
	parseReminderKey,
	reminderDueAt,
	reminderKey,
} from '../../../src/lib/domain/booking/reminders.ts';
import {
	canText,
	composeEmail,
	composeNotify,
	htmlFromText,
	messageIdFor,
	type QueuedText,
} from '../../../src/lib/domain/messages/compose.ts';
import {
	afterFailure,
	MAX_ATTEMPTS,
	retryDelayMs,
} from '../../../src/lib/domain/messages/retry.ts';
import { bookingCalendar } from '../../../src/lib/server/use-cases/booking-messages.ts';

const c: MessageContext = {
	reference: 'KT7-4MX',
	name: 'Ann Example',
	places: 2,
	serviceName: 'Carers’ café',
	hubName: 'Govan Riverside Hub',
	hubPhone: '0141 496 0000',
	date: '2027-03-28',
	startTime: '10:00',
	endTime: '12:00',
	manageUrl: 'https://hubs.example.org/bookings/abc123',
};

const templates: [string, MessageText][] = [
	['confirmation', confirmationMessage(c)],
	['waiting list', waitingListMessage(c)],
	['promoted', promotedMessage(c)],
	['offer', offerMessage(c, '5pm on Saturday 27 March 2027')],
	['offer expired', offerExpiredMessage(c)],
	['cancelled by the person', cancelledMessage(c)],
	['new link', manageLinkMessage(c)],
	['session cancelled', sessionCancelledMessage(c, 'Heating broken')],
	[
		'session moved',
		sessionMovedMessage(c, 'Saturday 27 March 2027, 10am to midday', 'Room in use'),
	],
	['cancelled by the hub', cancelledByHubMessage(c)],
	['booking moved', bookingMovedMessage(c, 'Saturday 20 March 2027, 10am to midday')],
	['reminder', reminderMessage(c, '12 Water Row, G51 3UT')],
];

describe('message templates', () => {
	it.each(templates)('%s: names the hub and its phone in the email and the text', (_, m) => {
		expect(m.body).toContain('Govan Riverside Hub');
		expect(m.body).toContain('0141 496 0000');
		expect(m.body).toMatch(/^Hello Ann Example,/);
		expect(m.subject.length).toBeLessThan(120);
		expect(m.sms).toContain('Govan Riverside Hub');
		expect(m.sms).not.toContain('\n');
		// A text is paid for by length: at most 3 fragments of 153 characters.
		expect(m.sms.length).toBeLessThanOrEqual(459);
	});

	it('confirmation: reference, what, where, when, places and the manage link', () => {
		const m = confirmationMessage(c);
		expect(m.subject).toBe('Booking confirmed: Carers’ café, Sunday 28 March 2027 (KT7-4MX)');
		expect(m.body).toContain('Reference: KT7-4MX');
		expect(m.body).toContain('When: Sunday 28 March 2027, 10am to midday');
		expect(m.body).toContain('Places: 2 places');
		expect(m.body).toContain('https://hubs.example.org/bookings/abc123');
		expect(m.sms).toContain('https://hubs.example.org/bookings/abc123');
	});

	it('reminder: where to go, when, and how to cancel', () => {
		const m = reminderMessage(c, '12 Water Row, G51 3UT');
		expect(m.subject).toBe('Reminder: Carers’ café, Sunday 28 March 2027 (KT7-4MX)');
		expect(m.body).toContain('Where: Govan Riverside Hub, 12 Water Row, G51 3UT');
		expect(m.body).toContain('please cancel');
		expect(m.sms).toContain('Sunday 28 March 2027 at 10am');
	});

	it('a hub with no phone is named without one', () => {
		const m = cancelledMessage({ ...c, hubPhone: null });
		expect(m.body).toContain('contact Govan Riverside Hub.');
	});
});

const queued: QueuedText = {
	id: '0b5e4a8e-3c8b-4a59-9f0e-6f1b0d6a2c11',
	channel: 'email',
	recipient: 'ann@example.org',
	subject: 'Booking confirmed <b>',
	body: 'Hello Ann & Bob,\n\nReference: KT7-4MX\nSee https://hubs.example.org/bookings/abc123.\n\nBye',
	calendar: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
	calendarUrl: 'https://hubs.example.org/sessions/s1.ics',
};

describe('composing for each channel', () => {
	it('email: the plain text as written, an HTML part made from it, and the .ics attached', () => {
		const email = composeEmail(queued, 'Community hubs <hubs@example.org>');
		expect(email.text).toBe(queued.body);
		expect(email.html).toContain('<html lang="en-GB">');
		expect(email.html).toContain('<title>Booking confirmed &lt;b&gt;</title>');
		expect(email.html).toContain('Hello Ann &amp; Bob,');
		expect(email.html).toContain('Reference: KT7-4MX<br>');
		expect(email.html).toContain(
			'<a href="https://hubs.example.org/bookings/abc123">https://hubs.example.org/bookings/abc123</a>.',
		);
		expect(email.attachments).toEqual([
			{
				filename: 'session.ics',
				content: queued.calendar,
				contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
			},
		]);
		expect(composeEmail({ ...queued, calendar: null }, 'hubs@example.org').attachments).toEqual([]);
	});

	it('the Message-ID is the outbox id at the sender’s domain, the same every time', () => {
		expect(messageIdFor(queued.id, 'Community hubs <hubs@example.org>')).toBe(
			`<${queued.id}@example.org>`,
		);
		expect(composeEmail(queued, 'hubs@example.org').messageId).toBe(
			composeEmail(queued, 'hubs@example.org').messageId,
		);
	});

	it('nothing in the text becomes markup', () => {
		expect(htmlFromText('x', '<script>alert(1)</script> "q"')).toContain(
			'&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot;',
		);
	});

	it('Notify: the .ics as a link for email, nothing extra for a text', () => {
		expect(composeNotify(queued)).toEqual({
			subject: queued.subject,
			body: `${queued.body}\n\nTo add the session to your calendar, open https://hubs.example.org/sessions/s1.ics`,
		});
		expect(composeNotify({ ...queued, channel: 'sms', body: 'Short' })).toEqual({
			subject: queued.subject,
			body: 'Short',
		});
	});

	it.each([
		['07700 900123', true],
		['07700900123', true],
		['0141 496 0123', false],
		['0800 123 4567', false],
	])('%s can take a text: %s', (phone, expected) => {
		expect(canText(phone)).toBe(expected);
	});
});

function parseEvent(ics: string): { start: Date; end: Date; event: ICAL.Event } {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!);
	const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
	return { start: event.startDate.toJSDate(), end: event.endDate.toJSDate(), event };
}

describe('the booking’s .ics attachment', () => {
	const session = {
		id: 's1',
		date: '2027-03-28',
		startTime: '10:00',
		endTime: '12:00',
		sequence: 3,
		serviceName: 'Carers’ café',
		hubName: 'Govan Riverside Hub',
		hubAddress: '12 Water Row, G51 3UT',
	};
	const stamp = new Date('2027-03-20T12:00:00Z');

	it.each([
		// The clocks go forward at 01:00 GMT on 28 March 2027: 10:00 that day is 09:00 UTC.
		['2027-03-28', '10:00', '12:00', '2027-03-28T09:00:00.000Z', '2027-03-28T11:00:00.000Z'],
		// The clocks go back at 02:00 BST on 25 October 2026: 10:00 that day is 10:00 UTC.
		['2026-10-25', '10:00', '12:00', '2026-10-25T10:00:00.000Z', '2026-10-25T12:00:00.000Z'],
		// The day before each change, for contrast.
		['2027-03-27', '10:00', '12:00', '2027-03-27T10:00:00.000Z', '2027-03-27T12:00:00.000Z'],
		['2026-10-24', '10:00', '12:00', '2026-10-24T09:00:00.000Z', '2026-10-24T11:00:00.000Z'],
	])(
		'a session on %s from %s to %s starts at %s and ends at %s, read by an independent parser',
		(date, startTime, endTime, start, end) => {
			const ics = bookingCalendar(
				{ ...session, date, startTime, endTime },
				'KT7-4MX',
				'https://hubs.example.org/bookings/abc123',
				'https://hubs.example.org',
				stamp,
			);
			const parsed = parseEvent(ics);
			expect(parsed.start.toISOString()).toBe(start);
			expect(parsed.end.toISOString()).toBe(end);
			expect(parsed.event.startDate.zone?.tzid).toBe('Europe/London');
		},
	);

	it('carries the session’s UID and SEQUENCE, the place, and the booking reference and link', () => {
		const ics = bookingCalendar(
			session,
			'KT7-4MX',
			'https://hubs.example.org/bookings/abc123',
			'https://hubs.example.org',
			stamp,
		);
		const { event } = parseEvent(ics);
		expect(event.uid).toBe('s1@community-hubs');
		expect(event.sequence).toBe(3);
		expect(event.summary).toBe('Carers’ café at Govan Riverside Hub');
		expect(event.location).toBe('Govan Riverside Hub, 12 Water Row, G51 3UT');
		expect(event.description).toContain('KT7-4MX');
		expect(event.description).toContain('https://hubs.example.org/bookings/abc123');
		expect(ics).toContain('DTSTART;TZID=Europe/London:20270328T100000');
		expect(ics).toContain('DTSTAMP:20270320T120000Z');
		for (const line of ics.split('\r\n'))
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
	});
});

describe('retry policy', () => {
	it.each([
		[1, 60_000],
		[2, 120_000],
		[3, 240_000],
		[8, 128 * 60_000],
		[9, 4 * 3_600_000],
		[20, 4 * 3_600_000],
	])('after failed try %i, waits %i ms', (attempt, ms) => {
		expect(retryDelayMs(attempt)).toBe(ms);
	});

	it('gives up at once on a permanent failure, and after the last try', () => {
		const now = new Date('2026-11-23T10:00:00Z');
		expect(afterFailure(1, true, now)).toEqual({ giveUp: true });
		expect(afterFailure(MAX_ATTEMPTS, false, now)).toEqual({ giveUp: true });
		expect(afterFailure(2, false, now)).toEqual({ retryAt: new Date('2026-11-23T10:02:00Z') });
	});
});

describe('reminder times', () => {
	it.each([
		// Counted in real hours: 24 hours before 10:00 BST on the 28th is 09:00 GMT on the 27th.
		['2027-03-28', '10:00', 24, '2027-03-27T09:00:00.000Z'],
		// 24 hours before 10:00 GMT on 25 October is 11:00 BST on the 24th.
		['2026-10-25', '10:00', 24, '2026-10-24T10:00:00.000Z'],
		['2026-12-01', '14:00', 48, '2026-11-29T14:00:00.000Z'],
		['2026-07-01', '09:30', 2, '2026-07-01T06:30:00.000Z'],
	])('a session on %s at %s, %i hours before: %s', (date, time, hours, due) => {
		expect(reminderDueAt(date, time, hours).toISOString()).toBe(due);
	});

	it('keys one reminder per booking and session time', () => {
		const key = reminderKey('b1', '2027-03-28', '10:00');
		expect(key).toBe('reminder:b1:2027-03-28T10:00');
		expect(parseReminderKey(key)).toEqual({ date: '2027-03-28', startTime: '10:00' });
		expect(parseReminderKey('something else')).toBeNull();
	});

	it.each([
		['', { ok: true, hours: null }],
		['48', { ok: true, hours: 48 }],
		[' 1 ', { ok: true, hours: 1 }],
		['0', { ok: false }],
		['169', { ok: false }],
		['2.5', { ok: false }],
		['a day', { ok: false }],
	])('a hub’s setting of "%s"', (input, expected) => {
		expect(parseReminderHours(input)).toMatchObject(expected);
	});
});
