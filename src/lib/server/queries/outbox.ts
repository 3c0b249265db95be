/**
 * Writing to the outbox. Called inside the transaction of the change that causes the message, so
 * a message exists exactly when its change does. The log records only the id and kind: message
 * bodies hold personal data, and logs hold none.
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
}

/** Queues a message and returns its id. */
export function queueMessage(db: Db, message: OutgoingMessage, now: Date): string {
	const id = randomUUID();
	db.$client
		.prepare(
			`insert into outbox (id, kind, booking_id, channel, recipient, subject, body, status, created_at)
			 values (?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
		)
		.run(
			id,
			message.kind,
			message.bookingId,
			message.channel,
			message.recipient,
			message.subject,
			message.body,
			now.toISOString(),
		);
	console.log(JSON.stringify({ level: 'info', msg: 'message queued', id, kind: message.kind }));
	return id;
}

/** A queued message, for the development mail page. */
export interface QueuedMessage extends OutgoingMessage {
	id: string;
	status: string;
	createdAt: string;
}

/** The most recent queued messages, newest first. */
export function listRecentMessages(db: Db, limit = 50): QueuedMessage[] {
	return db.$client
		.prepare(
			`select id, kind, booking_id as bookingId, channel, recipient, subject, body, status, created_at as createdAt
			 from outbox order by created_at desc limit ?`,
		)
		.all(limit) as QueuedMessage[];
}
