/**
 * GOV.UK Notify, through its official client, against a local stand-in for its HTTP API (node:http
 * on loopback) that checks each request as Notify would: the path per channel, a JWT bearer token
 * signed with the key's secret and naming the service, and a JSON body with the template id, the
 * address or phone number, the personalisation { subject, body } and the reference.
 */
import { createHmac } from 'node:crypto';
import { addThursdayPattern } from '../helpers/thursday-pattern.ts';
import http from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BookingValues } from '../../src/lib/domain/forms/booking-form.ts';
import type { Db } from '../../src/lib/server/db/open-database.ts';
import { readConfig } from '../../src/lib/server/config.ts';
import { createDelivery, type Delivery } from '../../src/lib/server/delivery/transports.ts';
import { LEASE_MS, sendDueMessages } from '../../src/lib/server/delivery/worker.ts';
import { claimNextMessage } from '../../src/lib/server/queries/outbox.ts';
import { bookPlace } from '../../src/lib/server/use-cases/bookings.ts';
import { FIXED_NOW, tempDatabase } from '../helpers/temp-db.ts';

const SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506';
const SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0';
const API_KEY = `community_hubs_test-${SERVICE_ID}-${SECRET}`;
const EMAIL_TEMPLATE = 'f33517ff-2a88-4f6e-b855-c550268ce08a';
const SMS_TEMPLATE = '289eb8a0-7e4e-4d7e-a7c7-7fb0e0a1c5b2';
const ORIGIN = 'https://hubs.example.org';

interface Received {
	path: string;
	body: Record<string, unknown>;
	problems: string[];
}

let fake: http.Server;
let fakeUrl: string;
const received: Received[] = [];
let answer: (r: Received) => { status: number; body: unknown } = () => ({ status: 201, body: {} });

function b64url(text: string): Buffer {
	return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** What Notify would refuse in a request, as a list of problems (empty: a well-formed request). */
function check(
	req: http.IncomingMessage,
	raw: string,
): { body: Record<string, unknown>; problems: string[] } {
	const problems: string[] = [];
	const auth = req.headers.authorization ?? '';
	const token = /^Bearer (.+)$/.exec(auth)?.[1];
	if (!token) problems.push('no bearer token');
	else {
		const [header, payload, signature] = token.split('.');
		const expected = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest();
		if (!signature || !expected.equals(b64url(signature))) problems.push('bad JWT signature');
		const h = JSON.parse(b64url(header!).toString()) as { alg?: string; typ?: string };
		if (h.alg !== 'HS256' || h.typ !== 'JWT') problems.push('JWT header not HS256');
		const p = JSON.parse(b64url(payload!).toString()) as { iss?: string; iat?: number };
		if (p.iss !== SERVICE_ID) problems.push('JWT iss is not the service id');
		if (typeof p.iat !== 'number' || Math.abs(p.iat - Date.now() / 1000) > 30)
			problems.push('JWT iat not within 30 seconds');
	}
	if (!/^application\/json/.test(req.headers['content-type'] ?? '')) problems.push('not JSON');
	const body = JSON.parse(raw) as Record<string, unknown>;
	const email = req.url === '/v2/notifications/email';
	const sms = req.url === '/v2/notifications/sms';
	if (!email && !sms) problems.push(`unknown path ${req.url}`);
	if (req.method !== 'POST') problems.push('not POST');
	if (body['template_id'] !== (email ? EMAIL_TEMPLATE : SMS_TEMPLATE))
		problems.push('wrong template_id');
	if (email && typeof body['email_address'] !== 'string') problems.push('no email_address');
	if (sms && typeof body['phone_number'] !== 'string') problems.push('no phone_number');
	const personalisation = body['personalisation'] as Record<string, unknown> | undefined;
	if (
		typeof personalisation?.['subject'] !== 'string' ||
		typeof personalisation['body'] !== 'string'
	)
		problems.push('personalisation lacks subject or body');
	if (typeof body['reference'] !== 'string') problems.push('no reference');
	return { body, problems };
}

beforeAll(async () => {
	fake = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (d: Buffer) => (raw += d.toString()));
		req.on('end', () => {
			const { body, problems } = check(req, raw);
			const r: Received = { path: req.url ?? '', body, problems };
			received.push(r);
			const reply = problems.length
				? {
						status: 400,
						body: {
							status_code: 400,
							errors: problems.map((message) => ({ error: 'BadRequestError', message })),
						},
					}
				: answer(r);
			res.writeHead(reply.status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(reply.body));
		});
	});
	await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
	const address = fake.address() as { port: number };
	fakeUrl = `http://127.0.0.1:${address.port}`;
});
afterAll(() => new Promise<void>((resolve) => fake.close(() => resolve())));

let db: Db;
let cleanup: () => void;
let delivery: Delivery;
let session: string;
let n = 0;
const now = FIXED_NOW;

beforeEach(() => {
	received.length = 0;
	answer = (r) => ({
		status: 201,
		body: { id: `notify-${received.length}`, reference: r.body['reference'] },
	});
	({ db, cleanup } = tempDatabase('demo'));
	session = addThursdayPattern(db, now, 5);
	const settings = readConfig({
		NOTIFY_API_KEY: API_KEY,
		NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE,
		NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE,
		NOTIFY_BASE_URL: fakeUrl,
	});
	delivery = createDelivery(settings.delivery);
});
afterEach(() => cleanup());

function book(name: string, contact: Partial<BookingValues>) {
	return bookPlace(
		db,
		{
			sessionId: session,
			formToken: `ntf${String.fromCharCode(97 + n++)}zzzzzzzzzzzzzzzz`,
			values: {
				name,
				email: null,
				phone: null,
				needs: '',
				places: 1,
				forSomeoneElse: false,
				attendeeName: null,
				wantsReminder: false,
				...contact,
			},
			origin: ORIGIN,
		},
		now,
	);
}
const outbox = () =>
	db.$client
		.prepare(
			'select id, channel, status, attempts, provider_id as providerId from outbox order by rowid',
		)
		.all() as {
		id: string;
		channel: string;
		status: string;
		attempts: number;
		providerId: string | null;
	}[];

describe('GOV.UK Notify', () => {
	it('sends email and text messages in the shape Notify expects, the .ics as a link, the outbox id as reference', async () => {
		book('Ann', { email: 'ann@example.org' });
		book('Bob', { phone: '07700 900123' });
		book('Cat', { phone: '0141 496 0123' }); // a landline: no text, a phone call
		expect(await sendDueMessages(db, delivery, () => now)).toBe(3);
		expect(received.map((r) => r.problems)).toEqual([[], []]);
		const [email, sms] = received;
		const [annRow, bobRow, catRow] = outbox();
		expect(email).toMatchObject({
			path: '/v2/notifications/email',
			body: {
				template_id: EMAIL_TEMPLATE,
				email_address: 'ann@example.org',
				reference: annRow!.id,
				personalisation: {
					subject: expect.stringMatching(/^Booking confirmed: Job club/),
					body: expect.stringContaining(
						`To add the session to your calendar, open ${ORIGIN}/sessions/${session}.ics`,
					),
				},
			},
		});
		expect(sms).toMatchObject({
			path: '/v2/notifications/sms',
			body: {
				template_id: SMS_TEMPLATE,
				phone_number: '07700 900123',
				reference: bobRow!.id,
				personalisation: {
					body: expect.stringMatching(/^Booking confirmed: Job club at Maryhill Locks Hub/),
				},
			},
		});
		expect((sms!.body['personalisation'] as { body: string }).body.length).toBeLessThanOrEqual(459);
		expect(outbox().map((r) => [r.status, r.providerId])).toEqual([
			['sent', 'notify-1'],
			['sent', 'notify-2'],
			['phone', null],
		]);
		expect(catRow!.channel).toBe('sms');
	});

	it('retries when Notify is down, and gives up on a message Notify refuses', async () => {
		book('Ann', { email: 'ann@example.org' });
		book('Bob', { email: 'bob@example.org' });
		answer = (r) =>
			r.body['email_address'] === 'bob@example.org'
				? {
						status: 400,
						body: {
							status_code: 400,
							errors: [
								{ error: 'ValidationError', message: 'email_address Not a valid email address' },
							],
						},
					}
				: received.length === 1
					? {
							status: 500,
							body: {
								status_code: 500,
								errors: [{ error: 'Exception', message: 'Internal server error' }],
							},
						}
					: { status: 201, body: { id: 'notify-ok' } };
		await sendDueMessages(db, delivery, () => now);
		expect(outbox().map((r) => [r.status, r.attempts])).toEqual([
			['pending', 1],
			['failed', 1],
		]);
		expect(
			db.$client.prepare('select last_error from outbox where status = ?').pluck().get('failed'),
		).toBe('GOV.UK Notify answered 400: email_address Not a valid email address');
		await sendDueMessages(db, delivery, () => new Date(now.getTime() + 60_000));
		expect(outbox()[0]).toMatchObject({ status: 'sent', attempts: 2, providerId: 'notify-ok' });
		// Both tries of Ann's message carried the same reference.
		const annRefs = received
			.filter((r) => r.body['email_address'] === 'ann@example.org')
			.map((r) => r.body['reference']);
		expect(annRefs).toEqual([outbox()[0]!.id, outbox()[0]!.id]);
	});

	it('after a crash between sending and recording, sends once more with the same reference, never a new message', async () => {
		book('Ann', { email: 'ann@example.org' });
		// Claimed and sent, then the process dies before recording.
		const claimed = claimNextMessage(db, now, LEASE_MS)!;
		await delivery.email!.send(claimed);
		expect(await sendDueMessages(db, delivery, () => new Date(now.getTime() + 1000))).toBe(0);
		expect(await sendDueMessages(db, delivery, () => new Date(now.getTime() + LEASE_MS))).toBe(1);
		expect(await sendDueMessages(db, delivery, () => new Date(now.getTime() + 2 * LEASE_MS))).toBe(
			0,
		);
		expect(received.map((r) => r.body['reference'])).toEqual([claimed.id, claimed.id]);
		expect(outbox()).toEqual([expect.objectContaining({ id: claimed.id, status: 'sent' })]);
	});
});

describe('configuration of delivery', () => {
	it('chooses Notify, then SMTP, then the log', () => {
		expect(readConfig({}).delivery).toEqual({ kind: 'log' });
		expect(
			readConfig({
				SMTP_URL: 'smtp://user:pass@mail.example.org:587',
				MAIL_FROM: 'Hubs <hubs@example.org>',
			}).delivery,
		).toEqual({
			kind: 'smtp',
			url: 'smtp://user:pass@mail.example.org:587',
			from: 'Hubs <hubs@example.org>',
		});
		expect(
			readConfig({
				SMTP_URL: 'smtp://mail.example.org',
				MAIL_FROM: 'hubs@example.org',
				NOTIFY_API_KEY: API_KEY,
				NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE,
				NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE,
			}).delivery,
		).toMatchObject({ kind: 'notify', baseUrl: null });
	});

	it('explains what is missing', () => {
		expect(() => readConfig({ SMTP_URL: 'smtp://mail.example.org' })).toThrow(/MAIL_FROM/);
		expect(() => readConfig({ SMTP_URL: 'mail.example.org', MAIL_FROM: 'a@b.org' })).toThrow(
			/SMTP_URL must/,
		);
		expect(() => readConfig({ NOTIFY_API_KEY: API_KEY })).toThrow(/NOTIFY_EMAIL_TEMPLATE_ID/);
		expect(() => readConfig({ NOTIFY_API_KEY: 'not-a-key' })).toThrow(
			/not a GOV.UK Notify API key/,
		);
		expect(readConfig({ REMINDER_HOURS: '48' }).reminderHours).toBe(48);
		expect(readConfig({}).reminderHours).toBe(24);
	});
});
