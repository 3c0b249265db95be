/**
 * A person's rights over their data: staff find everything held about someone by email or phone,
 * export it, and erase it; places they held go to the next person waiting, and the audit trail
 * records every step without naming them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addThursdayPattern } from '../helpers/thursday-pattern.ts';
import type { Db } from '../../src/lib/server/db/open-database.ts';
import type { BookingValues } from '../../src/lib/domain/forms/booking-form.ts';
import { bookPlace } from '../../src/lib/server/use-cases/bookings.ts';
import { getBookingByToken } from '../../src/lib/server/queries/sessions.ts';
import { listRecentAudit } from '../../src/lib/server/queries/audit-trail.ts';
import {
	erasePersonData,
	exportPersonData,
	findPersonData,
	parseContact,
} from '../../src/lib/server/use-cases/people.ts';
import { FIXED_NOW, tempDatabase } from '../helpers/temp-db.ts';

let db: Db;
let cleanup: () => void;
let session: string;
let forms = 0;
const staff = { id: 'staff-1', name: 'Sam Staff' };
const ORIGIN = 'https://hubs.example.org';

beforeEach(() => {
	({ db, cleanup } = tempDatabase('demo'));
	session = addThursdayPattern(db, FIXED_NOW);
});
afterEach(() => cleanup());

const book = (values: Partial<BookingValues>, mode: 'book' | 'wait' = 'book') =>
	bookPlace(
		db,
		{
			sessionId: session,
			formToken: `people${String.fromCharCode(97 + ++forms)}aaaaaaaaaaaaaaa`,
			values: {
				name: 'Someone',
				email: null,
				phone: null,
				needs: '',
				places: 1,
				forSomeoneElse: false,
				attendeeName: null,
				wantsReminder: false,
				...values,
			},
			origin: ORIGIN,
		},
		FIXED_NOW,
		mode,
	);

describe('a person’s data', () => {
	it('reads an email address or a UK phone number, and nothing else', () => {
		expect(parseContact(' Erin.Example@Example.org ')).toEqual({
			email: 'erin.example@example.org',
		});
		expect(parseContact('07700 900123')).toEqual({ phone: '07700 900123' });
		expect(parseContact('+447700900123')).toEqual({ phone: '07700 900123' });
		expect(parseContact('Erin')).toBeNull();
	});

	it('finds, exports and erases everything held about someone, giving their place to the next person waiting', () => {
		const erin = book({
			name: 'Erin Example',
			email: 'erin@example.org',
			needs: 'Uses a wheelchair',
		});
		const other = book({ name: 'Other Person', phone: '07700 900456' });
		const waiting = book({ name: 'Wendy Waiting', email: 'wendy@example.org' }, 'wait');
		expect(erin.ok && other.ok && waiting.ok).toBe(true);
		if (!erin.ok || !waiting.ok) return;

		const contact = parseContact('ERIN@example.org')!;
		const found = findPersonData(db, contact, staff, FIXED_NOW);
		expect(found.bookings.map((b) => [b.name, b.needs, b.status])).toEqual([
			['Erin Example', 'Uses a wheelchair', 'confirmed'],
		]);
		expect(found.messages.length).toBeGreaterThan(0);
		expect(found.messages.every((m) => m.recipient === 'erin@example.org')).toBe(true);
		const exported = JSON.parse(exportPersonData(db, contact, staff, FIXED_NOW)) as {
			bookings: { name: string; reference: string }[];
			messages: unknown[];
		};
		expect(exported.bookings).toEqual([
			expect.objectContaining({ name: 'Erin Example', reference: erin.reference }),
		]);
		expect(JSON.stringify(exported)).not.toContain('Other Person');

		const erased = erasePersonData(db, contact, staff, '2026-11-23', FIXED_NOW, 24, ORIGIN);
		expect(erased.bookings).toBe(1);
		expect(findPersonData(db, contact, staff, FIXED_NOW)).toEqual({ bookings: [], messages: [] });
		expect(getBookingByToken(db, erin.token)).toBeNull();
		// Wendy was waiting and is promoted (with a fresh link in her message).
		expect(
			db.$client
				.prepare('select status from booking where reference = ?')
				.pluck()
				.get(waiting.reference),
		).toBe('confirmed');
		expect(
			db.$client.prepare('select places_taken from session where id = ?').pluck().get(session),
		).toBe(2);
		expect(
			db.$client
				.prepare("select count(*) from outbox where body like '%Erin%' or recipient like 'erin%'")
				.pluck()
				.get(),
		).toBe(0);

		const trail = listRecentAudit(db, 10, true);
		expect(trail.map((e) => e.action)).toEqual([
			'Erased a person’s data',
			'Exported a person’s data',
			'Viewed a person’s data',
		]);
		expect(JSON.stringify(trail)).not.toMatch(/erin/i);
	});
});
