/**
 * Insights on a hand-built data set with known answers, driven through the real use-cases on a
 * temporary database: bookings, a booking by a volunteer, a cancellation by the person, a
 * waiting-list promotion (automatic) and an accepted offer, someone leaving the waiting list, a
 * booking cancelled by the hub, a session cancelled by the hub, a booking moved to another date,
 * check-ins (including a changed one and a no-show) and walk-ins. Every figure is checked, and
 * again after every booking row is deleted: the figures come from the anonymous counts alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingValues } from '../../src/lib/domain/forms/booking-form.ts';
import { toCsv } from '../../src/lib/domain/csv.ts';
import { emptyFigures, tableRows, type Figures } from '../../src/lib/domain/insights/figures.ts';
import type { Db } from '../../src/lib/server/db/open-database.ts';
import { acceptOffer, bookPlace, cancelBooking } from '../../src/lib/server/use-cases/bookings.ts';
import { getInsights } from '../../src/lib/server/use-cases/insights.ts';
import {
	cancelBookingForPerson,
	cancelSessionDate,
	moveBooking,
} from '../../src/lib/server/use-cases/manage-sessions.ts';
import { recordAttendance, setWalkIns } from '../../src/lib/server/use-cases/register.ts';
import { sessionId, syncPattern } from '../../src/lib/server/use-cases/schedule-sessions.ts';
import { FIXED_NOW, MIGRATIONS, tempDatabase } from '../helpers/temp-db.ts';

const ORIGIN = 'https://hubs.example.org';
const now = FIXED_NOW; // Monday 23 November 2026
const A1 = sessionId('advice', '2026-11-26'); // Thursday, hub A, capacity 3, automatic waiting list
const A2 = sessionId('advice', '2026-12-03'); // cancelled by the hub
const B1 = sessionId('lunch', '2026-11-27'); // Friday, hub B, capacity 2, offers from the waiting list
const B2 = sessionId('lunch', '2026-12-04');
const ALL = new URLSearchParams({ from: '2026-11-23', to: '2026-12-06' });
const STAFF = { hubIds: null };

let db: Db;
let cleanup: () => void;
let form = 0;

const values = (name: string, places: number): BookingValues => ({
	name,
	email: `${name.toLowerCase()}@example.org`,
	phone: null,
	needs: '',
	places,
	forSomeoneElse: false,
	attendeeName: null,
	wantsReminder: false,
});

function book(
	session: string,
	name: string,
	places = 1,
	mode: 'book' | 'wait' = 'book',
	assisted = false,
) {
	const result = bookPlace(
		db,
		{
			sessionId: session,
			formToken: `form${String(form++).padStart(4, '0')}zzzzzzzzzzzzzzzz`,
			values: values(name, places),
			assisted,
			origin: ORIGIN,
		},
		now,
		mode,
	);
	if (!result.ok) throw new Error(`${name} could not ${mode}: ${result.reason}`);
	return result.token;
}

const idOf = (name: string) =>
	db.$client.prepare('select id from booking where name = ?').pluck().get(name) as string;

function fixtures(): void {
	const run = (sql: string) => db.$client.prepare(sql).run();
	run("insert into organisation (id, name) values ('o', 'Partnership')");
	run(
		"insert into area (id, slug, name) values ('north', 'north', 'North'), ('south', 'south', 'South')",
	);
	run(
		"insert into theme (id, slug, name, summary, description, sort_order) values ('money', 'money', 'Money', 's', 'd', 1), ('food', 'food', 'Food', 's', 'd', 2)",
	);
	for (const [id, area, name] of [
		['hub-a', 'north', 'Hub A'],
		['hub-b', 'south', 'Hub B'],
	])
		run(
			`insert into hub (id, organisation_id, area_id, slug, name, summary, address_line1, town, postcode, status, last_reviewed_on, created_at, updated_at)
			 values ('${id}', 'o', '${area}', '${id}', '${name}', 's', '1 Road', 'Glasgow', 'G1 1AA', 'published', '2026-11-01', 'x', 'x')`,
		);
	for (const [id, name] of [
		['advice', 'Money advice'],
		['lunch', 'Lunch club'],
	])
		run(
			`insert into service (id, organisation_id, slug, name, summary, status, last_reviewed_on, created_at, updated_at)
			 values ('${id}', 'o', '${id}', '${name}', 's', 'published', '2026-11-01', 'x', 'x')`,
		);
	run(
		"insert into service_theme (service_id, theme_id) values ('advice', 'money'), ('lunch', 'food'), ('lunch', 'money')",
	);
	for (const [id, hub, day, capacity, waiting] of [
		['advice', 'hub-a', 'TH', 3, 'automatic'],
		['lunch', 'hub-b', 'FR', 2, 'offer'],
	])
		run(
			`insert into session_pattern (id, service_id, hub_id, rrule, starts_on, start_time, end_time, capacity, booking_mode,
			   booking_opens_days, booking_closes_hours, max_places_per_booking, waiting_list, created_at, updated_at)
			 values ('${id}', '${id}', '${hub}', 'FREQ=WEEKLY;BYDAY=${day}', '2026-11-01', '14:00', '16:00', ${capacity}, 'booking', 14, 2, 2, '${waiting}', 'x', 'x')`,
		);
	syncPattern(db, 'advice', '2026-11-23', now);
	syncPattern(db, 'lunch', '2026-11-23', now);
}

function story(): void {
	// A1: full, someone cancels, the first person waiting is moved in, one still waits.
	const ann = book(A1, 'Ann');
	book(A1, 'Bob', 2, 'book', true);
	book(A1, 'Cat', 1, 'wait');
	book(A1, 'Dan', 1, 'wait');
	expect(cancelBooking(db, ann, now, 24, ORIGIN)).toEqual({ ok: true });
	expect(recordAttendance(db, A1, idOf('Bob'), 'attended', now)).toBe(true);
	expect(recordAttendance(db, A1, idOf('Cat'), 'attended', now)).toBe(true);
	expect(recordAttendance(db, A1, idOf('Cat'), 'no-show', now)).toBe(true); // corrected
	expect(recordAttendance(db, A1, idOf('Dan'), 'attended', now)).toBe(false); // still waiting
	expect(setWalkIns(db, A1, 5)).toBe(true);
	expect(setWalkIns(db, A1, 2)).toBe(true); // corrected
	// A2: two bookings, then the hub cancels the date.
	book(A2, 'Eve');
	book(A2, 'Fay');
	expect(cancelSessionDate(db, A2, 'The room is flooded', now)).toEqual({ ok: true });
	// B1: full; the hub cancels Gus's booking, the place is offered to Hal, who accepts.
	book(B1, 'Gus', 2);
	book(B1, 'Hal', 1, 'wait');
	expect(cancelBookingForPerson(db, B1, idOf('Gus'), now, 24, ORIGIN)).toEqual({ ok: true });
	const offer = db.$client
		.prepare("select body from outbox where kind = 'waiting-list-offer'")
		.pluck()
		.get() as string;
	const hal = /\/bookings\/([a-z2-7]{32})/.exec(offer)![1]!;
	expect(acceptOffer(db, hal, now, ORIGIN)).toEqual({ ok: true });
	// Kim, booked by a volunteer on B2 and (wrongly) checked in, is moved to B1.
	book(B2, 'Kim', 1, 'book', true);
	expect(recordAttendance(db, B2, idOf('Kim'), 'attended', now)).toBe(true);
	expect(moveBooking(db, B2, idOf('Kim'), B1, now, 24, ORIGIN)).toEqual({ ok: true });
	// Jo joins B1's waiting list, then leaves it.
	const jo = book(B1, 'Jo', 1, 'wait');
	expect(cancelBooking(db, jo, now, 24, ORIGIN)).toEqual({ ok: true });
	expect(recordAttendance(db, B1, idOf('Hal'), 'attended', now)).toBe(true);
	expect(recordAttendance(db, B1, idOf('Kim'), 'attended', now)).toBe(true);
	expect(setWalkIns(db, B1, 1)).toBe(true);
}

const none: Figures = emptyFigures();
const EXPECTED = {
	[A1]: {
		...none,
		sessions: 1,
		placesOffered: 3,
		booked: 4, // Ann 1 + Bob 2 + Cat 1 (from the waiting list)
		assisted: 2,
		cancelledByPerson: 1,
		attended: 2,
		noShow: 1,
		walkIns: 2,
		waitingJoined: 2,
		waitingPromoted: 1,
		fullWithWaiting: 1,
		stillWaiting: 1,
	},
	[A2]: { ...none, sessionsCancelled: 1, booked: 2, cancelledByHub: 2 },
	[B1]: {
		...none,
		sessions: 1,
		placesOffered: 2,
		booked: 4, // Gus 2 + Hal 1 (accepted offer) + Kim 1 (moved here)
		assisted: 1,
		cancelledByHub: 2,
		attended: 2,
		walkIns: 1,
		waitingJoined: 2,
		waitingPromoted: 1,
	},
	[B2]: { ...none, sessions: 1, placesOffered: 2 },
};
const TOTAL: Figures = {
	sessions: 3,
	sessionsCancelled: 1,
	placesOffered: 7,
	booked: 10,
	assisted: 3,
	cancelledByPerson: 1,
	cancelledByHub: 4,
	attended: 4,
	noShow: 1,
	walkIns: 3,
	waitingJoined: 4,
	waitingPromoted: 2,
	fullWithWaiting: 1,
	stillWaiting: 1,
};

function report(params: URLSearchParams = ALL, viewer: { hubIds: string[] | null } = STAFF) {
	const result = getInsights(db, viewer, params, '2026-11-23');
	if (!result.ok) throw new Error(`insights refused: ${JSON.stringify(result)}`);
	return result;
}

function perSession(): Record<string, Figures> {
	return Object.fromEntries(
		[A1, A2, B1, B2].map((id) => {
			const date = db.$client
				.prepare('select date from session where id = ?')
				.pluck()
				.get(id) as string;
			const r = report(new URLSearchParams({ from: date, to: date }));
			return [id, r.report.total];
		}),
	);
}

function checkEveryFigure(): void {
	expect(perSession()).toEqual(EXPECTED);
	const r = report();
	expect(r.report.total).toEqual(TOTAL);
	const summary = Object.fromEntries(r.tables.summary.rows.map((row) => [row.label, row.cells[0]]));
	expect(summary).toEqual({
		'Sessions held': '3',
		'Sessions cancelled': '1',
		'Places offered': '7',
		'Places booked': '10',
		'Booked with help': '30%',
		'Cancelled by the person': '1',
		'Cancelled by the hub': '4',
		Attended: '4',
		'No-shows': '1',
		'Walk-ins': '3',
		'Joined the waiting list': '4',
		'Got a place from the waiting list': '2',
		'Full sessions with people waiting': '1',
		'Places still wanted': '1',
		'Places wanted': '13', // 10 booked - 1 cancelled by the person + 3 walk-ins + 1 still wanted
	});
	// By week, by month, by hub, area and theme.
	const weeks = r.report.overTime.map((p) => [
		p.period.label,
		p.figures.booked,
		p.figures.placesOffered,
	]);
	expect(weeks).toEqual([
		['Week of 23 November 2026', 8, 5],
		['Week of 30 November 2026', 2, 2],
	]);
	const months = report(new URLSearchParams({ ...Object.fromEntries(ALL), period: 'month' }));
	expect(
		months.report.overTime.map((p) => [
			p.period.label,
			p.figures.attended,
			p.figures.sessionsCancelled,
		]),
	).toEqual([
		['November 2026', 4, 0],
		['December 2026', 0, 1],
	]);
	const by = (breakdown: string) =>
		Object.fromEntries(
			report(
				new URLSearchParams({ ...Object.fromEntries(ALL), by: breakdown }),
			).report.breakdown.map((g) => [
				g.name,
				[g.figures.booked, g.figures.cancelledByHub, g.figures.stillWaiting],
			]),
		);
	expect(by('hub')).toEqual({ 'Hub A': [6, 2, 1], 'Hub B': [4, 2, 0] });
	expect(by('area')).toEqual({ North: [6, 2, 1], South: [4, 2, 0] });
	expect(by('service')).toEqual({ 'Lunch club': [4, 2, 0], 'Money advice': [6, 2, 1] });
	expect(by('theme')).toEqual({ Food: [4, 2, 0], Money: [10, 4, 1] });
	// Filters: a theme, an area, a hub.
	expect(
		report(new URLSearchParams({ ...Object.fromEntries(ALL), theme: 'food' })).report.total,
	).toEqual({ ...EXPECTED[B1], sessions: 2, placesOffered: 4 });
	expect(
		report(new URLSearchParams({ ...Object.fromEntries(ALL), area: 'north' })).report.total.booked,
	).toBe(6);
	expect(
		report(new URLSearchParams({ ...Object.fromEntries(ALL), hub: 'hub-b' })).report.total.attended,
	).toBe(2);
	// The demand table and the CSV download hold the same numbers.
	expect(tableRows(r.tables.demand)).toEqual([
		[
			'Theme',
			'Places offered',
			'Places wanted',
			'Places booked',
			'Cancelled by the person',
			'Walk-ins',
			'Places still wanted',
			'Full sessions with people waiting',
		],
		['Food', '4', '5', '4', '0', '1', '0', '0'],
		['Money', '7', '13', '10', '1', '3', '1', '1'],
	]);
}

beforeAll(() => {
	({ db, cleanup } = tempDatabase('none'));
	fixtures();
	story();
});
afterAll(() => cleanup());

describe('insights figures', () => {
	it('gives the known answer for every figure, by session, week, month, hub, service, theme and area', () => {
		checkEveryFigure();
	});

	it('gives the same figures after every booking row is deleted', () => {
		const before = toCsv(tableRows(report().tables['over-time']));
		db.$client.prepare('delete from booking').run();
		expect(db.$client.prepare('select count(*) from booking').pluck().get()).toBe(0);
		checkEveryFigure();
		expect(toCsv(tableRows(report().tables['over-time']))).toBe(before);
	});

	it('shows a volunteer only their own hubs, and another hub as not found', () => {
		const volunteer = { hubIds: ['hub-a'] };
		const mine = report(ALL, volunteer);
		expect(mine.choices.hubs.map((h) => h.slug)).toEqual(['hub-a']);
		expect(mine.report.total.booked).toBe(6);
		expect(getInsights(db, volunteer, new URLSearchParams({ hub: 'hub-b' }), '2026-11-23')).toEqual(
			{ ok: false, reason: 'not-found' },
		);
		expect(
			getInsights(db, volunteer, new URLSearchParams({ hub: 'no-such-hub' }), '2026-11-23'),
		).toEqual({ ok: false, reason: 'not-found' });
	});

	it('explains filters that cannot be used', () => {
		const result = getInsights(
			db,
			STAFF,
			new URLSearchParams({ from: '2026-02-30', to: '2026-01-01', theme: 'nope' }),
			'2026-11-23',
		);
		expect(result).toMatchObject({
			ok: false,
			reason: 'invalid',
			problems: [
				{ field: 'from', message: 'Enter the first date as a real date, like 2026-09-01' },
				{ field: 'theme', message: 'Select a theme from the list' },
			],
		});
	});
});

describe('migration 0007', () => {
	it('fills the counts of sessions that existed before it from their booking rows', () => {
		const demo = tempDatabase('demo');
		try {
			const live = demo.db.$client
				.prepare('select * from session_count order by session_id')
				.all() as Record<string, number | string>[];
			expect(live.length).toBeGreaterThan(0);
			const sql = fs.readFileSync(path.join(MIGRATIONS, '0007_session_counts.sql'), 'utf8');
			const backfill = sql.split('--> statement-breakpoint')[1]!;
			demo.db.$client.prepare('delete from session_count').run();
			demo.db.$client.exec(backfill);
			const filled = new Map(
				(
					demo.db.$client.prepare('select * from session_count').all() as Record<
						string,
						number | string
					>[]
				).map((r) => [r['session_id'], r]),
			);
			// Every session gets a row; rows do not show promotions, so those places count as
			// booked but not as having been on the waiting list. Everything else matches.
			expect(filled.size).toBe(
				demo.db.$client.prepare('select count(*) from session').pluck().get(),
			);
			for (const row of live) {
				const promoted = row['waiting_promoted'] as number;
				expect(filled.get(row['session_id'])).toEqual({
					...row,
					waiting_joined: (row['waiting_joined'] as number) - promoted,
					waiting_promoted: 0,
				});
			}
		} finally {
			demo.cleanup();
		}
	});
});
