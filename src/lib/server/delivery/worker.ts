/**
 * The outbox worker: runs in the server process, claims one due message at a time with a lease,
 * sends it, and records the outcome. Retry policy in lib/domain/messages/retry.ts. Delivery is at
 * least once: if the process dies between sending and recording, the lease runs out and the message
 * is sent again with the same Message-ID or Notify reference (its outbox id), never as a new
 * message. A text message that cannot be sent (no Notify, a landline, or refused) is left for a
 * volunteer to phone. Sending never touches the transaction of a booking: a failure here can only
 * delay a message, never undo a change.
 */
import { canText } from '../../domain/messages/compose.ts';
import { afterFailure } from '../../domain/messages/retry.ts';
import type { Db } from '../db/open-database.ts';
import {
	claimNextMessage,
	dropStaleReminder,
	recordOutcome,
	setOutboxWake,
	type ClaimedMessage,
	type Outcome,
} from '../queries/outbox.ts';
import { DeliveryError, type Delivery } from './transports.ts';

/** How long a claimed message is held before another worker may send it again. */
export const LEASE_MS = 5 * 60_000;

/** Worker settings; tests pass a clock. */
export interface WorkerOptions {
	clock?: () => Date;
	leaseMs?: number;
	/** How often to look for due messages (reminders, retries) besides being woken. */
	pollMs?: number;
}

function log(level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown>): void {
	const line = JSON.stringify({ level, msg, ...fields });
	if (level === 'info') console.log(line);
	else console.error(line);
}

async function attempt(delivery: Delivery, message: ClaimedMessage, clock: () => Date) {
	const transport = message.channel === 'email' ? delivery.email : delivery.sms;
	if (message.channel === 'sms' && (!transport || !canText(message.recipient)))
		return { status: 'phone' } as const;
	if (!transport) return { status: 'logged' } as const;
	try {
		const { providerId } = await transport.send(message);
		return { status: 'sent', providerId } as const;
	} catch (error) {
		const permanent = error instanceof DeliveryError && error.permanent;
		const text = error instanceof Error ? error.message : String(error);
		const next = afterFailure(message.attempts, permanent, clock());
		if ('retryAt' in next) return { status: 'retry', error: text, retryAt: next.retryAt } as const;
		// A text that will never arrive becomes a phone call; an email, a failure staff can retry.
		if (message.channel === 'sms') return { status: 'phone' } as const;
		return { status: 'failed', error: text } as const;
	}
}

/** Sends the message that has been due longest, if any; resolves false when none is due. */
export async function sendNextMessage(
	db: Db,
	delivery: Delivery,
	clock: () => Date = () => new Date(),
	leaseMs = LEASE_MS,
): Promise<boolean> {
	const message = claimNextMessage(db, clock(), leaseMs);
	if (!message) return false;
	if (message.kind === 'booking-reminder' && dropStaleReminder(db, message)) {
		log('info', 'reminder dropped: the booking or session was cancelled', { id: message.id });
		return true;
	}
	const outcome: Outcome = await attempt(delivery, message, clock);
	const recorded = recordOutcome(db, message, outcome, clock());
	const fields = { id: message.id, kind: message.kind, attempt: message.attempts };
	if (!recorded)
		log('warn', 'message outcome not recorded: it was changed while being sent', fields);
	else if (outcome.status === 'sent') log('info', 'message sent', fields);
	else if (outcome.status === 'logged')
		log(
			'info',
			'message not sent: no SMTP_URL or NOTIFY_API_KEY is set; staff can read it at /admin/mail',
			fields,
		);
	else if (outcome.status === 'phone')
		log('info', 'text message not sent: listed on the register for a volunteer to phone', fields);
	else if (outcome.status === 'retry')
		log('warn', 'message not sent; it will be tried again (reason at /admin/mail)', {
			...fields,
			retryAt: outcome.retryAt.toISOString(),
		});
	else
		log('error', 'message failed: staff can see why and retry it at /admin/mail', {
			...fields,
		});
	return true;
}

/** Sends every message now due, one at a time; resolves with how many were handled. */
export async function sendDueMessages(
	db: Db,
	delivery: Delivery,
	clock: () => Date = () => new Date(),
	leaseMs = LEASE_MS,
	limit = 500,
): Promise<number> {
	let handled = 0;
	while (handled < limit && (await sendNextMessage(db, delivery, clock, leaseMs))) handled++;
	return handled;
}

/** A running worker: `stop` waits for a message being sent to finish. */
export interface OutboxWorker {
	wake(): void;
	stop(): Promise<void>;
}

/** Starts the worker: it looks now, whenever a message is queued in this process, and every `pollMs`. */
export function startOutboxWorker(
	db: Db,
	delivery: Delivery,
	options: WorkerOptions = {},
): OutboxWorker {
	const clock = options.clock ?? (() => new Date());
	const leaseMs = options.leaseMs ?? LEASE_MS;
	let running: Promise<void> | null = null;
	let again = false;
	let stopped = false;
	const run = (): void => {
		if (stopped) return;
		if (running) {
			again = true;
			return;
		}
		running = (async () => {
			do {
				again = false;
				try {
					while (!stopped && (await sendNextMessage(db, delivery, clock, leaseMs))) {
						// one message at a time
					}
				} catch (error) {
					log('error', 'outbox worker failed; it will look again shortly', {
						error: String(error),
					});
				}
			} while (again && !stopped);
		})().finally(() => {
			running = null;
		});
	};
	let scheduled = false;
	const wake = (): void => {
		if (scheduled || stopped) return;
		scheduled = true;
		setImmediate(() => {
			scheduled = false;
			run();
		});
	};
	const timer = setInterval(run, options.pollMs ?? 5_000);
	timer.unref();
	setOutboxWake(wake);
	wake();
	return {
		wake,
		stop: async () => {
			stopped = true;
			clearInterval(timer);
			setOutboxWake(null);
			await running;
			delivery.close();
		},
	};
}
