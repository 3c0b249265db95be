import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addThursdayPattern } from '../helpers/thursday-pattern.ts';
import type { BookingValues } from '../../src/lib/domain/forms/booking-form.ts';
import type { Db } from '../../src/lib/server/db/open-database.ts';
import { getBookingByToken } from '../../src/lib/server/queries/sessions.ts';
import {
	acceptOffer,
	bookPlace,
	cancelBooking,
	expireOffers,
	findBooking,
} from '../../src/lib/server/use-cases/bookings.ts';
import {
	extendAllSessions,
	syncPattern,
} from '../../src/lib/server/use-cases/schedule-sessions.ts';
import { FIXED_NOW, tempDatabase } from '../helpers/temp-db.ts';

let db: Db;
let cleanup: () => void;
let session: string;
let formCount = 0;
const ORIGIN = 'https://hubs.example.org';
const now = FIXED_NOW; // Monday 23 November 2026, 10:00

beforeEach(() => {
	({ db, cleanup } = tempDatabase('demo'));
	// A fresh weekly pattern: Thursdays 14:00, 3 places, up to 2 per booking, automatic waiting list.
	session = addThursdayPattern(db, now, 3);
});
afterEach(() => cleanup());

const values = (name: string, places = 1, extra: Partial<BookingValues> = {}): BookingValues => ({
	name,
	email: `${name.toLowerCase().replace(/\s/g, '')}@example.org`,
	phone: null,
	needs: '',
	places,
	forSomeoneElse: false,
	attendeeName: null,
	wantsReminder: false,
	...extra,
});
const book = (
	name: string,
	places = 1,
	mode: 'book' | 'wait' = 'book',
	formToken = `form${++formCount}aaaaaaaaaaaaaaaa`,
) =>
	bookPlace(
		db,
		{ sessionId: session, formToken, values: values(name, places), origin: ORIGIN },
		now,
		mode,
	);
const taken = () =>
	db.$client.prepare('select places_taken from session where id = ?').pluck().get(session);
const outbox = () =>
	db.$client.prepare('select kind, recipient from outbox order by created_at, rowid').all() as {
		kind: string;
		recipient: string;
	}[];
const statusOf = (token: string) => getBookingByToken(db, token)?.status;

describe('session dates', () => {
	it('stores dates 26 weeks ahead, with ids from the pattern and original date', () => {
		const dates = db.$client
			.prepare("select original_date from session where pattern_id = 'p1' order by original_date")
			.pluck()
			.all() as string[];
		expect(dates[0]).toBe('2026-11-26');
		expect(dates.length).toBe(26);
		expect(
			db.$client
				.prepare("select id from session where pattern_id = 'p1' and original_date = '2026-11-26'")
				.pluck()
				.get(),
		).toBe(session);
	});

	it('extends idempotently: running again creates nothing new', () => {
		const before = db.$client.prepare('select count(*) from session').pluck().get();
		expect(extendAllSessions(db, '2026-11-23', now)).toBe(0);
		expect(db.$client.prepare('select count(*) from session').pluck().get()).toBe(before);
		expect(extendAllSessions(db, '2026-11-30', now)).toBeGreaterThan(0);
	});

	it('cancels a date on a city-wide closure added later, keeping its id', () => {
		db.$client
			.prepare(
				"insert into closure (id, hub_id, starts_on, ends_on, reason) values ('c1', null, '2026-11-26', '2026-11-26', 'Storm warning')",
			)
			.run();
		syncPattern(db, 'p1', '2026-11-23', now);
		expect(
			db.$client
				.prepare('select status, cancel_reason, sequence from session where id = ?')
				.get(session),
		).toEqual({ status: 'cancelled', cancel_reason: 'Storm warning', sequence: 1 });
	});
});

describe('booking', () => {
	it('confirms bookings until the session is full, then refuses', () => {
		expect(book('Ann', 2)).toMatchObject({ ok: true, status: 'confirmed' });
		expect(book('Bob', 1)).toMatchObject({ ok: true, status: 'confirmed' });
		expect(book('Cat', 1)).toEqual({ ok: false, reason: 'full' });
		expect(taken()).toBe(3);
	});

	it('writes the confirmation to the outbox in the same transaction, and nothing for a refused booking', () => {
		book('Ann', 2);
		book('Bob', 2);
		expect(outbox()).toEqual([{ kind: 'booking-confirmed', recipient: 'ann@example.org' }]);
		const body = db.$client.prepare('select body from outbox').pluck().get() as string;
		expect(body).toContain('Maryhill Locks Hub');
		expect(body).toContain(`${ORIGIN}/bookings/`);
	});

	it('makes one booking from a form sent twice, and gives the latest answer a working link', () => {
		const first = book('Ann', 1, 'book', 'sameformtokenaaaaaaa');
		const second = book('Ann', 1, 'book', 'sameformtokenaaaaaaa');
		expect(first.ok && second.ok && second.repeated).toBe(true);
		expect(
			db.$client.prepare('select count(*) from booking where session_id = ?').pluck().get(session),
		).toBe(1);
		expect(taken()).toBe(1);
		if (first.ok && second.ok) {
			expect(first.reference).toBe(second.reference);
			expect(statusOf(second.token)).toBe('confirmed');
			expect(statusOf(first.token)).toBeUndefined();
		}
	});

	it('refuses a walk-in session and a cancelled one', () => {
		db.$client.prepare("update session_pattern set booking_mode = 'walk-in' where id = 'p1'").run();
		expect(book('Ann')).toEqual({ ok: false, reason: 'walk-in' });
		db.$client.prepare("update session_pattern set booking_mode = 'booking' where id = 'p1'").run();
		db.$client.prepare("update session set status = 'cancelled' where id = ?").run(session);
		expect(book('Ann')).toEqual({ ok: false, reason: 'cancelled' });
		expect(outbox()).toEqual([]);
	});
});

describe('the waiting list', () => {
	it('takes people only when full, and moves the first whose party fits into a freed place', () => {
		const ann = book('Ann', 2);
		book('Bob', 1);
		expect(book('Cat', 1, 'wait')).toMatchObject({ ok: true, status: 'waiting' });
		const dan = book('Dan', 2, 'wait');
		const eve = book('Eve', 1, 'wait');
		expect(dan.ok && eve.ok).toBe(true);
		// Ann cancels two places: Cat (1) is first and fits; Dan (2) no longer fits in the one left; Eve (1) does.
		expect(ann.ok && cancelBooking(db, ann.token, now, 24, ORIGIN)).toEqual({ ok: true });
		expect(taken()).toBe(3);
		const statuses = db.$client
			.prepare('select name, status from booking where session_id = ? order by created_at, rowid')
			.all(session);
		expect(statuses).toEqual([
			{ name: 'Ann', status: 'cancelled' },
			{ name: 'Bob', status: 'confirmed' },
			{ name: 'Cat', status: 'confirmed' },
			{ name: 'Dan', status: 'waiting' },
			{ name: 'Eve', status: 'confirmed' },
		]);
		expect(outbox().map((m) => m.kind)).toEqual([
			'booking-confirmed',
			'booking-confirmed',
			'waiting-list-joined',
			'waiting-list-joined',
			'waiting-list-joined',
			'booking-cancelled',
			'waiting-list-promoted',
			'waiting-list-promoted',
		]);
	});

	it('refuses to put someone on the list while places are left', () => {
		expect(book('Ann', 1, 'wait')).toEqual({ ok: false, reason: 'places-available' });
	});

	it('offers a freed place with a hold, which the person accepts', () => {
		db.$client.prepare("update session_pattern set waiting_list = 'offer' where id = 'p1'").run();
		const ann = book('Ann', 2);
		book('Bob', 1);
		book('Cat', 1, 'wait');
		const cat = db.$client
			.prepare("select id from booking where name = 'Cat'")
			.pluck()
			.get() as string;
		if (!ann.ok) throw new Error('booking failed');
		cancelBooking(db, ann.token, now, 24, ORIGIN);
		// The place is held for Cat: it shows as taken while the offer stands.
		expect(
			db.$client.prepare('select status, offer_expires_at from booking where id = ?').get(cat),
		).toEqual({ status: 'offered', offer_expires_at: '2026-11-24T10:00:00.000Z' });
		expect(taken()).toBe(2);
		expect(book('Dan', 2)).toEqual({ ok: false, reason: 'full' });
		// Cat's new link is in the offer message.
		const body = db.$client
			.prepare("select body from outbox where kind = 'waiting-list-offer'")
			.pluck()
			.get() as string;
		const token = /\/bookings\/([a-z2-7]{32})/.exec(body)![1]!;
		expect(acceptOffer(db, token, now, ORIGIN)).toEqual({ ok: true });
		expect(statusOf(token)).toBe('confirmed');
		expect(taken()).toBe(2);
	});

	it('passes an offer that runs out to the next person', () => {
		db.$client.prepare("update session_pattern set waiting_list = 'offer' where id = 'p1'").run();
		const ann = book('Ann', 1);
		book('Bob', 2);
		book('Cat', 1, 'wait');
		book('Dan', 1, 'wait');
		if (!ann.ok) throw new Error('booking failed');
		cancelBooking(db, ann.token, now, 24, ORIGIN);
		expect(expireOffers(db, new Date('2026-11-24T09:59:00Z'), 24, ORIGIN)).toBe(0);
		expect(expireOffers(db, new Date('2026-11-24T10:00:00Z'), 24, ORIGIN)).toBe(1);
		const statuses = Object.fromEntries(
			db.$client
				.prepare('select name, status from booking where session_id = ?')
				.all(session)
				.map((r) => [(r as { name: string }).name, (r as { status: string }).status]),
		);
		expect(statuses).toEqual({
			Ann: 'cancelled',
			Bob: 'confirmed',
			Cat: 'expired',
			Dan: 'offered',
		});
		expect(taken()).toBe(3);
		expect(outbox().map((m) => m.kind)).toContain('waiting-list-offer-expired');
	});

	it('lets someone leave the waiting list without touching places', () => {
		book('Ann', 2);
		book('Bob', 1);
		const cat = book('Cat', 1, 'wait');
		if (!cat.ok) throw new Error('join failed');
		expect(cancelBooking(db, cat.token, now, 24, ORIGIN)).toEqual({ ok: true });
		expect(taken()).toBe(3);
		expect(cancelBooking(db, cat.token, now, 24, ORIGIN)).toEqual({
			ok: false,
			reason: 'not-possible',
		});
	});
});

describe('finding a booking', () => {
	it('finds it by reference and email or phone, and replaces the link', () => {
		const ann = bookPlace(
			db,
			{
				sessionId: session,
				formToken: 'findformtokenaaaaaaa',
				values: values('Ann', 1, { phone: '0141 496 0999' }),
				origin: ORIGIN,
			},
			now,
		);
		if (!ann.ok) throw new Error('booking failed');
		expect(findBooking(db, ann.reference, 'nobody@example.org', now, ORIGIN)).toBeNull();
		expect(findBooking(db, 'AAA-AAA', 'ann@example.org', now, ORIGIN)).toBeNull();
		const byEmail = findBooking(db, ann.reference, 'ANN@example.org', now, ORIGIN);
		expect(byEmail).not.toBeNull();
		expect(statusOf(ann.token)).toBeUndefined();
		const byPhone = findBooking(db, ann.reference, '01414960999', now, ORIGIN);
		expect(statusOf(byPhone!)).toBe('confirmed');
		expect(statusOf(byEmail!)).toBeUndefined();
	});
});

describe('the demo data', () => {
	it('has sessions at most hubs, some nearly full, some full with a waiting list, walk-ins and a cancelled date', () => {
		const n = (sql: string) => db.$client.prepare(sql).pluck().get() as number;
		expect(n('select count(distinct hub_id) from session_pattern')).toBeGreaterThanOrEqual(12);
		expect(
			n(
				"select count(*) from session where status = 'scheduled' and places_taken = capacity - 1 and date <= '2027-01-18'",
			),
		).toBeGreaterThan(0);
		expect(
			n(
				"select count(distinct s.id) from session s join booking b on b.session_id = s.id and b.status = 'waiting' where s.places_taken = s.capacity",
			),
		).toBeGreaterThan(0);
		expect(
			n("select count(*) from session_pattern where booking_mode = 'walk-in'"),
		).toBeGreaterThan(0);
		expect(n("select count(*) from session where status = 'cancelled' and is_exception = 1")).toBe(
			1,
		);
		expect(n('select count(*) from session where places_taken > capacity')).toBe(0);
	});
});
