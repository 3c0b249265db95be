/**
 * The outbox. Messages are written inside the transaction of the change that causes them, so a
 * message exists exactly when its change does; the worker (lib/server/delivery/worker.ts) claims
 * a due message with a lease, sends it and records the outcome here. Delivery is at least once: a
 * worker that dies after sending but before recording leaves the lease to run out, and the message
 * is sent again under the same id. The log records only ids and kinds: message bodies hold
 * personal data, and logs hold none.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open-database.ts';

/** A message to queue. */
export interface OutgoingMessage {
	kind: string;
	bookingId: string | null;
	channel: 'email' | 'sms';
	recipient: string;
	subject: string;
	body: string;
	/** An .ics file to attach (email), and its public address (for channels that cannot attach). */
	calendar?: string | null;
	calendarUrl?: string | null;
	/** Not before this instant (reminders); now if absent. */
	sendAfter?: Date | undefined;
	/** A message with a key already in the outbox is not queued again. */
	dedupeKey?: string | null | undefined;
}

// Set by the outbox worker of this process: a message queued here is then sent without waiting for
// the worker's next poll. Held on globalThis because the server front and the Astro bundle each
// have their own copy of this module (as with the database connection).
const wakeKey = Symbol.for('community-hubs.outbox-wake');
type WakeHolder = { [wakeKey]?: () => void };

/** Registers the function that wakes this process's outbox worker (null to remove it). */
export function setOutboxWake(wake: (() => void) | null): void {
	const holder = globalThis as WakeHolder;
	if (wake) holder[wakeKey] = wake;
	else delete holder[wakeKey];
}

/** Queues a message and returns its id (null when its dedupe key was already queued). */
export function queueMessage(db: Db, message: OutgoingMessage, now: Date): string | null {
	const id = randomUUID();
	const result = db.$client
		.prepare(
			`insert into outbox (id, kind, booking_id, channel, recipient, subject, body, calendar, calendar_url, status, created_at, send_after, dedupe_key)
			 values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?) on conflict (dedupe_key) do nothing`,
		)
		.run(
			id,
			message.kind,
			message.bookingId,
			message.channel,
			message.recipient,
			message.subject,
			message.body,
			message.calendar ?? null,
			message.calendarUrl ?? null,
			now.toISOString(),
			(message.sendAfter ?? now).toISOString(),
			message.dedupeKey ?? null,
		);
	if (result.changes === 0) return null;
	console.log(JSON.stringify({ level: 'info', msg: 'message queued', id, kind: message.kind }));
	// Runs after this synchronous transaction has committed (or rolled back): JavaScript does not
	// interleave, so the worker never looks before the message is there.
	(globalThis as WakeHolder)[wakeKey]?.();
	return id;
}

/** A message claimed for sending. */
export interface ClaimedMessage {
	id: string;
	kind: string;
	channel: 'email' | 'sms';
	recipient: string;
	subject: string;
	body: string;
	calendar: string | null;
	calendarUrl: string | null;
	attempts: number;
	leaseUntil: string;
}

/**
 * Claims the message that has been due longest and is not leased by another worker: the lease
 * lasts `leaseMs`, and the attempt is counted now, so a worker that dies mid-send still counts it.
 */
export function claimNextMessage(db: Db, now: Date, leaseMs: number): ClaimedMessage | null {
	const stamp = now.toISOString();
	const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
	return db.$client
		.transaction(
			() =>
				(db.$client
					.prepare(
						`update outbox set lease_until = ?, attempts = attempts + 1
						 where id = (select id from outbox where status = 'pending' and send_after <= ?
						   and (lease_until is null or lease_until <= ?) order by send_after, rowid limit 1)
						 returning id, kind, channel, recipient, subject, body, calendar, calendar_url as calendarUrl, attempts, lease_until as leaseUntil`,
					)
					.get(leaseUntil, stamp, stamp) as ClaimedMessage | undefined) ?? null,
		)
		.immediate();
}

/** The outcomes the worker records. */
export type Outcome =
	| { status: 'sent'; providerId: string | null }
	| { status: 'logged' | 'phone' }
	| { status: 'failed'; error: string }
	| { status: 'retry'; error: string; retryAt: Date };

/**
 * Records what happened to a claimed message. Only the holder of the lease records: a message
 * changed meanwhile (cancelled reminder, claimed again after the lease ran out) is left alone.
 */
export function recordOutcome(
	db: Db,
	message: Pick<ClaimedMessage, 'id' | 'leaseUntil'>,
	outcome: Outcome,
	now: Date,
): boolean {
	const stamp = now.toISOString();
	const [set, values]: [string, unknown[]] =
		outcome.status === 'sent'
			? [
					"status = 'sent', sent_at = ?, provider_id = ?, last_error = null",
					[stamp, outcome.providerId],
				]
			: outcome.status === 'retry'
				? [
						'send_after = ?, last_error = ?',
						[outcome.retryAt.toISOString(), outcome.error.slice(0, 500)],
					]
				: outcome.status === 'failed'
					? ["status = 'failed', last_error = ?", [outcome.error.slice(0, 500)]]
					: ['status = ?, sent_at = ?', [outcome.status, stamp]];
	return (
		db.$client
			.prepare(
				`update outbox set ${set}, lease_until = null where id = ? and lease_until = ? and status = 'pending'`,
			)
			.run(...values, message.id, message.leaseUntil).changes === 1
	);
}

/**
 * Removes a claimed reminder whose booking is no longer confirmed or whose session no longer takes
 * place (a safety net: the changes that cancel drop their reminders in their own transaction).
 * Returns true if it was removed.
 */
export function dropStaleReminder(
	db: Db,
	message: Pick<ClaimedMessage, 'id' | 'leaseUntil'>,
): boolean {
	return (
		db.$client
			.prepare(
				`delete from outbox where id = ? and lease_until = ? and kind = 'booking-reminder' and not exists (
				   select 1 from booking b join session s on s.id = b.session_id
				   where b.id = outbox.booking_id and b.status = 'confirmed' and s.status = 'scheduled')`,
			)
			.run(message.id, message.leaseUntil).changes === 1
	);
}

/** Staff retry a failed message: it is sent again (same id) as soon as the worker next looks. */
export function retryMessage(db: Db, id: string, now: Date): boolean {
	const changed =
		db.$client
			.prepare(
				"update outbox set status = 'pending', attempts = 0, send_after = ?, lease_until = null where id = ? and status = 'failed'",
			)
			.run(now.toISOString(), id).changes === 1;
	if (changed) (globalThis as WakeHolder)[wakeKey]?.();
	return changed;
}

/** A queued message, for the staff mail page. */
export interface QueuedMessage {
	id: string;
	kind: string;
	bookingId: string | null;
	channel: 'email' | 'sms';
	recipient: string;
	subject: string;
	body: string;
	status: 'pending' | 'sent' | 'failed' | 'logged' | 'phone' | 'phoned';
	createdAt: string;
	sendAfter: string;
	attempts: number;
	lastError: string | null;
	sentAt: string | null;
	hasCalendar: boolean;
}

const LIST_COLUMNS = `id, kind, booking_id as bookingId, channel, recipient, subject, body, status, created_at as createdAt,
	send_after as sendAfter, attempts, last_error as lastError, sent_at as sentAt, calendar is not null as hasCalendar`;

function listed(rows: unknown[]): QueuedMessage[] {
	return (rows as (Omit<QueuedMessage, 'hasCalendar'> & { hasCalendar: number })[]).map((r) => ({
		...r,
		hasCalendar: r.hasCalendar === 1,
	}));
}

/** The most recent messages, newest first. */
export function listRecentMessages(db: Db, limit = 50): QueuedMessage[] {
	return listed(
		db.$client
			.prepare(`select ${LIST_COLUMNS} from outbox order by created_at desc, rowid desc limit ?`)
			.all(limit),
	);
}

/** Messages that could not be sent, newest first. */
export function listFailedMessages(db: Db, limit = 100): QueuedMessage[] {
	return listed(
		db.$client
			.prepare(
				`select ${LIST_COLUMNS} from outbox where status = 'failed' order by created_at desc, rowid desc limit ?`,
			)
			.all(limit),
	);
}

/** How many messages are in each status. */
export function countMessages(db: Db): Record<QueuedMessage['status'], number> {
	const counts = { pending: 0, sent: 0, failed: 0, logged: 0, phone: 0, phoned: 0 };
	for (const row of db.$client
		.prepare('select status, count(*) as n from outbox group by status')
		.all() as { status: keyof typeof counts; n: number }[])
		counts[row.status] = row.n;
	return counts;
}
