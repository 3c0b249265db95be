/**
 * Personal data is deleted a set number of days after the session, with its copies in the outbox,
 * and the insights' figures are the same before and after. The clock is a fake: the job is given
 * its date and instant.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open-database.ts';
import { getInsights } from '../../src/lib/server/use-cases/insights.ts';
import { deleteExpiredPersonalData } from '../../src/lib/server/use-cases/retention.ts';
import { addDays } from '../../src/lib/domain/time.ts';
import { FIXED_NOW, tempDatabase } from '../helpers/temp-db.ts';

let db: Db;
let cleanup: () => void;
beforeEach(() => {
	({ db, cleanup } = tempDatabase('demo'));
});
afterEach(() => cleanup());

const TODAY = '2026-11-23';
const count = (sql: string, ...args: unknown[]) =>
	db.$client
		.prepare(sql)
		.pluck()
		.get(...args) as number;
const figures = () => {
	const result = getInsights(
		db,
		{ hubIds: null },
		new URLSearchParams({ from: '2026-01-01', to: '2027-06-30', period: 'week' }),
		TODAY,
	);
	if (!result.ok) throw new Error('insights refused');
	return JSON.stringify(result.report);
};
const bookingsBefore = (date: string) =>
	count(
		'select count(*) from booking b join session s on s.id = b.session_id where s.date < ?',
		date,
	);

describe('retention of personal data', () => {
	it('deletes bookings 30 days after their session, with their messages, and leaves the figures alone', () => {
		const cutoff = addDays(TODAY, -30);
		// A message about an old booking, as the outbox would hold it.
		const old = db.$client
			.prepare(
				'select b.id from booking b join session s on s.id = b.session_id where s.date < ? limit 1',
			)
			.pluck()
			.get(cutoff) as string;
		expect(old).toBeDefined();
		db.$client
			.prepare(
				"insert into outbox (id, kind, booking_id, channel, recipient, subject, body, status, created_at) values ('m-old', 'booking-confirmed', ?, 'email', 'old@example.org', 'Booked', 'Hello Old Person', 'sent', '2026-09-01T10:00:00.000Z')",
			)
			.run(old);
		db.$client
			.prepare(
				"insert into outbox (id, kind, booking_id, channel, recipient, subject, body, status, created_at) values ('m-invite', 'invitation', null, 'email', 'vol@example.org', 'Invited', 'Hello', 'sent', '2026-09-01T10:00:00.000Z')",
			)
			.run();
		const expiring = bookingsBefore(cutoff);
		const keeping = count('select count(*) from booking') - expiring;
		expect(expiring).toBeGreaterThan(0);
		expect(keeping).toBeGreaterThan(0);
		const before = figures();

		const run = deleteExpiredPersonalData(db, TODAY, 30, FIXED_NOW);
		expect(run.bookings).toBe(expiring);
		expect(run.messages).toBeGreaterThanOrEqual(2);
		expect(bookingsBefore(cutoff)).toBe(0);
		expect(count('select count(*) from booking')).toBe(keeping);
		expect(count("select count(*) from outbox where id in ('m-old', 'm-invite')")).toBe(0);
		expect(
			count(
				"select count(*) from outbox where body like '%Old Person%' or recipient = 'old@example.org'",
			),
		).toBe(0);
		expect(figures()).toBe(before);

		// Run again the next day: the figures still do not change.
		deleteExpiredPersonalData(
			db,
			addDays(TODAY, 1),
			30,
			new Date(FIXED_NOW.getTime() + 86_400_000),
		);
		expect(figures()).toBe(before);
	});

	it('follows the configured number of days and keeps messages still waiting to be sent', () => {
		db.$client
			.prepare(
				"insert into outbox (id, kind, booking_id, channel, recipient, subject, body, status, created_at) values ('m-wait', 'invitation', null, 'email', 'v@example.org', 'Invited', 'Hello', 'pending', '2026-01-01T10:00:00.000Z')",
			)
			.run();
		const before = figures();
		const all = count('select count(*) from booking');
		const run = deleteExpiredPersonalData(db, TODAY, 7, FIXED_NOW);
		expect(run.bookings).toBe(all - count('select count(*) from booking'));
		expect(bookingsBefore(addDays(TODAY, -7))).toBe(0);
		expect(count("select count(*) from outbox where id = 'm-wait'")).toBe(1);
		expect(figures()).toBe(before);
	});
});
