/**
 * People to phone. Where no text message service is set up (GOV.UK Notify), a message to someone
 * who gave only a phone number cannot be sent: the worker marks it "phone", the register of their
 * session lists it for a volunteer to read out, and the volunteer ticks "Phoned", which is recorded
 * with who and when.
 */
import type { Db } from '../db/open-database.ts';

/** One message to pass on by phone. */
export interface CallMessage {
	id: string;
	kind: string;
	subject: string;
	body: string;
	createdAt: string;
	status: 'phone' | 'phoned';
	phonedAt: string | null;
	phonedBy: string | null;
}

/** A person with messages to pass on. */
export interface Call {
	bookingId: string;
	reference: string;
	name: string;
	phone: string;
	messages: CallMessage[];
}

/** The people on a session's register to phone, and those already phoned, oldest message first. */
export function listCalls(db: Db, sessionId: string): Call[] {
	const rows = db.$client
		.prepare(
			`select b.id as bookingId, b.reference, b.name, o.recipient as phone, o.id, o.kind, o.subject, o.body,
			   o.created_at as createdAt, o.status, o.phoned_at as phonedAt, u.name as phonedBy
			 from outbox o join booking b on b.id = o.booking_id left join user u on u.id = o.phoned_by
			 where b.session_id = ? and o.status in ('phone', 'phoned') order by o.created_at, o.rowid`,
		)
		.all(sessionId) as (CallMessage & Omit<Call, 'messages'>)[];
	const calls = new Map<string, Call>();
	for (const r of rows) {
		const call = calls.get(r.bookingId) ?? {
			bookingId: r.bookingId,
			reference: r.reference,
			name: r.name,
			phone: r.phone,
			messages: [],
		};
		call.messages.push({
			id: r.id,
			kind: r.kind,
			subject: r.subject,
			body: r.body,
			createdAt: r.createdAt,
			status: r.status,
			phonedAt: r.phonedAt,
			phonedBy: r.phonedBy,
		});
		calls.set(r.bookingId, call);
	}
	return [...calls.values()];
}

/** Records that a volunteer phoned a person about every message waiting for a call; false if none was. */
export function markPhoned(
	db: Db,
	sessionId: string,
	bookingId: string,
	userId: string,
	now: Date,
): boolean {
	return (
		db.$client
			.prepare(
				`update outbox set status = 'phoned', phoned_at = ?, phoned_by = ?
				 where booking_id = ? and status = 'phone' and booking_id in (select id from booking where session_id = ?)`,
			)
			.run(now.toISOString(), userId, bookingId, sessionId).changes > 0
	);
}
