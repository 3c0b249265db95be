import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addThursdayPattern } from '../helpers/thursday-pattern.ts';
import type { BookingValues } from '../../src/lib/domain/forms/booking-form.ts';
import type { Db } from '../../src/lib/server/db/open-database.ts';
import { getContentVersion } from '../../src/lib/server/queries/meta.ts';
import { bookPlace } from '../../src/lib/server/use-cases/bookings.ts';
import {
	cancelBookingForPerson,
	cancelSessionDate,
	changeCapacity,
	closeHub,
	moveSessionDate,
	offerPlaceTo,
} from '../../src/lib/server/use-cases/manage-sessions.ts';
import { sessionId, syncPattern } from '../../src/lib/server/use-cases/schedule-sessions.ts';
import { FIXED_NOW, tempDatabase } from '../helpers/temp-db.ts';

let db: Db;
let cleanup: () => void;
let session: string;
let n = 0;
const ORIGIN = 'https://hubs.example.org';
const now = FIXED_NOW;

beforeEach(() => {
	({ db, cleanup } = tempDatabase('demo'));
	session = addThursdayPattern(db, now);
});
afterEach(() => cleanup());

const values = (name: string, places = 1): BookingValues => ({
	name,
	email: `${name.toLowerCase()}@example.org`,
	phone: null,
	needs: '',
	places,
	forSomeoneElse: false,
	attendeeName: null,
	wantsReminder: false,
});
const book = (name: string, places = 1, mode: 'book' | 'wait' = 'book', assisted = false) =>
	bookPlace(
		db,
		{
			sessionId: session,
			formToken: `tok${String.fromCharCode(97 + n++)}zzzzzzzzzzzzzzzz`,
			values: values(name, places),
			assisted,
			origin: ORIGIN,
		},
		now,
		mode,
	);
const row = () =>
	db.$client
		.prepare(
			'select date, start_time as startTime, status, cancel_reason as reason, capacity, places_taken as taken, sequence, is_exception as exception from session where id = ?',
		)
		.get(session) as Record<string, unknown>;
const kinds = () =>
	db.$client.prepare('select kind, recipient from outbox order by rowid').all() as {
		kind: string;
		recipient: string;
	}[];
const statusOf = (name: string) =>
	db.$client.prepare('select status from booking where name = ?').pluck().get(name);

describe('changing a session date', () => {
	it('cancels a date with a reason, cancelling and telling everyone booked or waiting', () => {
		book('Ann');
		book('Bob');
		book('Cat', 1, 'wait');
		expect(cancelSessionDate(db, session, '', now)).toEqual({
			ok: false,
			message: expect.stringMatching(/Enter the reason/),
		});
		const version = getContentVersion(db);
		expect(cancelSessionDate(db, session, 'The room is flooded', now)).toEqual({ ok: true });
		expect(row()).toMatchObject({
			status: 'cancelled',
			reason: 'The room is flooded',
			taken: 0,
			sequence: 1,
			exception: 1,
		});
		expect(['Ann', 'Bob', 'Cat'].map(statusOf)).toEqual(['cancelled', 'cancelled', 'cancelled']);
		expect(
			kinds()
				.filter((k) => k.kind === 'session-cancelled')
				.map((k) => k.recipient),
		).toEqual(['ann@example.org', 'bob@example.org', 'cat@example.org']);
		expect(getContentVersion(db)).toBe(version + 1);
		// Regeneration leaves a date changed by hand alone.
		syncPattern(db, 'p1', '2026-11-23', now);
		expect(row()).toMatchObject({ status: 'cancelled' });
	});

	it('moves a date, keeping its id and bookings, raising SEQUENCE and telling everyone', () => {
		book('Ann');
		expect(
			moveSessionDate(
				db,
				session,
				{ date: '2026-11-27', startTime: '16:00', endTime: '15:00', reason: 'x' },
				now,
				ORIGIN,
			),
		).toMatchObject({ ok: false });
		expect(
			moveSessionDate(
				db,
				session,
				{ date: '2026-11-27', startTime: '10:00', endTime: '12:00', reason: 'Room change' },
				now,
				ORIGIN,
			),
		).toEqual({ ok: true });
		expect(row()).toMatchObject({
			date: '2026-11-27',
			startTime: '10:00',
			status: 'scheduled',
			taken: 1,
			sequence: 1,
		});
		expect(statusOf('Ann')).toBe('confirmed');
		const body = db.$client
			.prepare("select body from outbox where kind = 'session-moved'")
			.pluck()
			.get() as string;
		expect(body).toContain(
			'from Thursday 26 November 2026, 2pm to 4pm to Friday 27 November 2026, 10am to midday',
		);
	});

	it('never lowers capacity below the places taken, and gives new places to the waiting list', () => {
		book('Ann', 2);
		book('Bob', 1, 'wait');
		expect(changeCapacity(db, session, 1, now, 24, ORIGIN)).toEqual({
			ok: false,
			message: '2 places are already booked or held, so the capacity cannot be less than 2',
		});
		expect(changeCapacity(db, session, 3, now, 24, ORIGIN)).toEqual({ ok: true });
		expect(row()).toMatchObject({ capacity: 3, taken: 3 });
		expect(statusOf('Bob')).toBe('confirmed');
	});

	it('closes a hub for a date range: sessions cancelled, bookings told, closure public', () => {
		book('Ann');
		const hubId = db.$client
			.prepare("select id from hub where slug = 'maryhill-locks-hub'")
			.pluck()
			.get() as string;
		expect(
			closeHub(
				db,
				hubId,
				{ startsOn: '2026-11-26', endsOn: '2026-11-20', reason: 'x' },
				'2026-11-23',
				now,
			),
		).toMatchObject({ ok: false });
		expect(
			closeHub(
				db,
				hubId,
				{ startsOn: '2026-11-25', endsOn: '2026-11-27', reason: 'Boiler repairs' },
				'2026-11-23',
				now,
			),
		).toEqual({ ok: true });
		expect(row()).toMatchObject({ status: 'cancelled', reason: 'Boiler repairs' });
		expect(statusOf('Ann')).toBe('cancelled');
		expect(kinds().map((k) => k.kind)).toContain('session-cancelled');
		expect(
			db.$client.prepare('select reason from closure where hub_id = ?').pluck().all(hubId),
		).toContain('Boiler repairs');
		expect(
			db.$client
				.prepare(
					"select status from session where pattern_id = 'p1' and original_date = '2026-12-03'",
				)
				.pluck()
				.get(),
		).toBe('scheduled');
	});
});

describe('acting for people', () => {
	it('books on behalf of someone with the same rules and capacity, marked as assisted', () => {
		expect(book('Ann', 2, 'book', true)).toMatchObject({ ok: true });
		expect(book('Bob', 1, 'book', true)).toEqual({ ok: false, reason: 'full' });
		expect(
			db.$client.prepare("select assisted from booking where name = 'Ann'").pluck().get(),
		).toBe(1);
	});

	it('cancels a booking for someone and moves the next person in', () => {
		book('Ann', 2);
		book('Bob', 1, 'wait');
		const ann = db.$client
			.prepare("select id from booking where name = 'Ann'")
			.pluck()
			.get() as string;
		expect(cancelBookingForPerson(db, session, ann, now, 24, ORIGIN)).toEqual({ ok: true });
		expect(statusOf('Ann')).toBe('cancelled');
		expect(statusOf('Bob')).toBe('confirmed');
		expect(kinds().map((k) => k.kind)).toContain('booking-cancelled-by-hub');
	});

	it('offers a place to a chosen person on the waiting list only when there is room', () => {
		book('Ann', 2);
		book('Bob', 1, 'wait');
		book('Cat', 1, 'wait');
		const cat = db.$client
			.prepare("select id from booking where name = 'Cat'")
			.pluck()
			.get() as string;
		expect(offerPlaceTo(db, session, cat, now, 24, ORIGIN)).toMatchObject({ ok: false });
		db.$client.prepare('update session set capacity = 3 where id = ?').run(session);
		expect(offerPlaceTo(db, session, cat, now, 24, ORIGIN)).toEqual({ ok: true });
		expect(statusOf('Cat')).toBe('offered');
		expect(statusOf('Bob')).toBe('waiting');
		expect(row()).toMatchObject({ taken: 3 });
	});

	it('removes someone from the waiting list without touching places', () => {
		book('Ann', 2);
		book('Bob', 1, 'wait');
		const bob = db.$client
			.prepare("select id from booking where name = 'Bob'")
			.pluck()
			.get() as string;
		expect(cancelBookingForPerson(db, session, bob, now, 24, ORIGIN)).toEqual({ ok: true });
		expect(statusOf('Bob')).toBe('cancelled');
		expect(row()).toMatchObject({ taken: 2 });
	});
});

describe('adding and editing patterns', () => {
	it('adds a weekly pattern with its dates, and an edit changes only dates with no bookings', async () => {
		const { savePattern, listPatterns } =
			await import('../../src/lib/server/use-cases/patterns.ts');
		const hubId = db.$client
			.prepare("select id from hub where slug = 'maryhill-locks-hub'")
			.pluck()
			.get() as string;
		const serviceId = db.$client
			.prepare("select id from service where slug = 'job-club'")
			.pluck()
			.get() as string;
		const v = {
			serviceId,
			rrule: 'FREQ=WEEKLY;BYDAY=MO',
			startsOn: '2026-11-23',
			endsOn: null,
			startTime: '18:00',
			endTime: '19:00',
			capacity: 5,
			bookingMode: 'booking' as const,
			bookingOpensDays: 28,
			bookingClosesHours: 2,
			maxPlacesPerBooking: 2,
			waitingList: 'automatic' as const,
		};
		const version = getContentVersion(db);
		const { id, sync } = savePattern(db, hubId, null, v, '2026-11-23', now);
		// Mondays from today to 26 weeks on, both ends included.
		expect(sync.created).toBe(27);
		expect(getContentVersion(db)).toBe(version + 1);
		expect(listPatterns(db, hubId).map((p) => p.id)).toContain(id);
		const first = sessionId(id, '2026-11-30');
		bookPlace(
			db,
			{
				sessionId: first,
				formToken: 'patternbookingzzzzzzz',
				values: values('Ann'),
				origin: ORIGIN,
			},
			now,
		);
		savePattern(
			db,
			hubId,
			id,
			{ ...v, startTime: '17:00', endTime: '18:30', capacity: 9 },
			'2026-11-23',
			now,
		);
		const times = db.$client
			.prepare(
				'select original_date as d, start_time as t, capacity as c from session where pattern_id = ? order by original_date limit 3',
			)
			.all(id);
		expect(times).toEqual([
			{ d: '2026-11-23', t: '17:00', c: 9 },
			{ d: '2026-11-30', t: '18:00', c: 5 },
			{ d: '2026-12-07', t: '17:00', c: 9 },
		]);
	});
});

describe('closures of every hub', () => {
	it('cancels sessions at every hub on the days, and shows the closure on every hub page', async () => {
		const { getHubBySlug } = await import('../../src/lib/server/queries/directory.ts');
		book('Ann');
		expect(
			closeHub(
				db,
				null,
				{ startsOn: '2026-11-26', endsOn: '2026-11-26', reason: 'Storm warning' },
				'2026-11-23',
				now,
			),
		).toEqual({ ok: true });
		expect(row()).toMatchObject({ status: 'cancelled', reason: 'Storm warning' });
		const elsewhere = db.$client
			.prepare("select count(*) from session where date = '2026-11-26' and status = 'scheduled'")
			.pluck()
			.get();
		expect(elsewhere).toBe(0);
		expect(getHubBySlug(db, 'alexandra-park-pavilion')!.closures.map((c) => c.reason)).toContain(
			'Storm warning',
		);
	});
});

describe('moving a booking', () => {
	it('moves a confirmed booking to another date of the same session when it has room, and tells the person', async () => {
		const { moveBooking, moveTargets } =
			await import('../../src/lib/server/use-cases/manage-sessions.ts');
		book('Ann', 2);
		book('Bob', 1, 'wait');
		const ann = db.$client
			.prepare("select id from booking where name = 'Ann'")
			.pluck()
			.get() as string;
		const next = sessionId('p1', '2026-12-03');
		expect(moveTargets(db, session, '2026-11-23').map((t) => t.id)).toContain(next);
		db.$client.prepare('update session set places_taken = capacity where id = ?').run(next);
		expect(moveBooking(db, session, ann, next, now, 24, ORIGIN)).toEqual({
			ok: false,
			message: 'There are not enough places left on that date',
		});
		db.$client.prepare('update session set places_taken = 0 where id = ?').run(next);
		expect(moveBooking(db, session, ann, next, now, 24, ORIGIN)).toEqual({ ok: true });
		expect(db.$client.prepare('select session_id from booking where id = ?').pluck().get(ann)).toBe(
			next,
		);
		expect(
			db.$client.prepare('select places_taken from session where id = ?').pluck().get(next),
		).toBe(2);
		expect(statusOf('Bob')).toBe('confirmed');
		expect(kinds().map((k) => k.kind)).toContain('booking-moved');
		const other = db.$client
			.prepare("select id from session where pattern_id <> 'p1' and status = 'scheduled' limit 1")
			.pluck()
			.get() as string;
		expect(moveBooking(db, next, ann, other, now, 24, ORIGIN)).toMatchObject({ ok: false });
	});
});
