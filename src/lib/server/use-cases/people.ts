/**
 * A person's rights over their data (UK GDPR articles 15 and 17): staff find everything the site
 * holds about someone by their email address or phone number, give them a copy, and erase it.
 * Every search, export and erasure is in the audit trail, which names the person only by a hash
 * of the contact detail, so the trail itself holds no personal data.
 */
import { createHash } from 'node:crypto';
import { normalisePhone } from '../../domain/forms/booking-form.ts';
import type { Db } from '../db/open-database.ts';
import { recordAudit, recordPersonalDataAccess } from '../queries/audit-trail.ts';
import { releasePlaces } from '../queries/capacity.ts';
import { changeBooking } from '../queries/session-counts.ts';
import { promoteWaitingList } from './bookings.ts';
import type { Actor } from './drafts.ts';

/** How a person is looked up: one email address or one phone number, in standard form. */
export type Contact = { email: string } | { phone: string };

/** The contact detail staff typed, in standard form, or null when it is neither. */
export function parseContact(input: string): Contact | null {
	const text = input.trim();
	if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return { email: text.toLowerCase() };
	const phone = normalisePhone(text);
	return phone ? { phone } : null;
}

/** The name the audit trail gives a person: a hash of their contact detail. */
export function personKey(contact: Contact): string {
	const value = 'email' in contact ? contact.email : contact.phone;
	return createHash('sha256').update(value).digest('hex').slice(0, 32);
}

/** One booking held about the person. */
export interface PersonBooking {
	id: string;
	reference: string;
	status: string;
	places: number;
	name: string;
	attendeeName: string | null;
	email: string | null;
	phone: string | null;
	needs: string;
	assisted: boolean;
	createdAt: string;
	sessionId: string;
	date: string;
	startTime: string;
	service: string;
	hub: string;
}

/** One message to or about the person. */
export interface PersonMessage {
	id: string;
	kind: string;
	channel: string;
	recipient: string;
	subject: string;
	body: string;
	status: string;
	createdAt: string;
}

/** Everything held about a person. */
export interface PersonData {
	bookings: PersonBooking[];
	messages: PersonMessage[];
}

const match = (contact: Contact) =>
	'email' in contact
		? { sql: 'lower(b.email) = ?', value: contact.email }
		: { sql: 'b.phone = ?', value: contact.phone };

function collect(db: Db, contact: Contact): PersonData {
	const m = match(contact);
	const bookings = (
		db.$client
			.prepare(
				`select b.id, b.reference, b.status, b.places, b.name, b.attendee_name as attendeeName, b.email, b.phone, b.needs,
				   b.assisted, b.created_at as createdAt, s.id as sessionId, s.date, s.start_time as startTime,
				   sv.name as service, h.name as hub
				 from booking b join session s on s.id = b.session_id join session_pattern p on p.id = s.pattern_id
				 join service sv on sv.id = p.service_id join hub h on h.id = p.hub_id
				 where ${m.sql} order by s.date, s.start_time`,
			)
			.all(m.value) as (Omit<PersonBooking, 'assisted'> & { assisted: number })[]
	).map((b) => ({ ...b, assisted: b.assisted === 1 }));
	const ids = bookings.map((b) => b.id);
	const messages = db.$client
		.prepare(
			`select id, kind, channel, recipient, subject, body, status, created_at as createdAt from outbox
			 where lower(recipient) = ? or booking_id in (select value from json_each(?)) order by created_at`,
		)
		.all(m.value, JSON.stringify(ids)) as PersonMessage[];
	return { bookings, messages };
}

/** Finds everything held about a person; the search is recorded. */
export function findPersonData(db: Db, contact: Contact, user: Actor, now: Date): PersonData {
	recordPersonalDataAccess(db, user, 'person', personKey(contact), 'Viewed a person’s data', now);
	return collect(db, contact);
}

/** A copy of everything held about a person, as JSON for them to keep; the export is recorded. */
export function exportPersonData(db: Db, contact: Contact, user: Actor, now: Date): string {
	const data = collect(db, contact);
	recordPersonalDataAccess(db, user, 'person', personKey(contact), 'Exported a person’s data', now);
	return JSON.stringify(
		{
			exportedAt: now.toISOString(),
			about: 'Everything this community hubs website holds about one person',
			contact,
			bookings: data.bookings.map(({ id: _id, sessionId: _s, ...b }) => b),
			messages: data.messages.map(({ id: _id, ...m }) => m),
		},
		null,
		2,
	);
}

/**
 * Erases everything held about a person. Places they still hold on sessions to come are given
 * back (to the waiting list first), as if they had cancelled, but no message is sent, since a
 * message would be new personal data. The anonymous figures keep the booking and its cancellation.
 */
export function erasePersonData(
	db: Db,
	contact: Contact,
	user: Actor,
	today: string,
	now: Date,
	offerHours: number,
	origin: string,
): { bookings: number; messages: number } {
	return db.$client
		.transaction(() => {
			const data = collect(db, contact);
			for (const b of data.bookings) {
				if (b.date < today || !['confirmed', 'offered', 'waiting'].includes(b.status)) continue;
				changeBooking(db, b.id, () =>
					db.$client
						.prepare(
							"update booking set status = 'cancelled', cancelled_by = 'person', updated_at = ? where id = ?",
						)
						.run(now.toISOString(), b.id),
				);
				if (b.status !== 'waiting') releasePlaces(db, b.sessionId, b.places);
				promoteWaitingList(db, b.sessionId, now, offerHours, origin);
			}
			const deleteMessage = db.$client.prepare('delete from outbox where id = ?');
			for (const m of data.messages) deleteMessage.run(m.id);
			const deleteBooking = db.$client.prepare('delete from booking where id = ?');
			for (const b of data.bookings) deleteBooking.run(b.id);
			recordAudit(
				db,
				user,
				'person',
				personKey(contact),
				'Erased a person’s data',
				[
					{ field: 'Bookings', from: String(data.bookings.length), to: '0' },
					{ field: 'Messages', from: String(data.messages.length), to: '0' },
				],
				now,
			);
			return { bookings: data.bookings.length, messages: data.messages.length };
		})
		.immediate();
}
