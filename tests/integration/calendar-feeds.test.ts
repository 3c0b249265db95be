/**
 * Calendar feeds on a real demo database (now: Monday 23 November 2026): all hubs, one hub and one
 * theme, read by ical.js; sessions on both sides of the spring clock change keep their local
 * time; a cancelled date stays in the feed with a raised SEQUENCE and STATUS:CANCELLED.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFeed } from '../../src/lib/server/http/calendar.ts';
import { cancelSessionDate } from '../../src/lib/server/use-cases/manage-sessions.ts';
import type { Db } from '../../src/lib/server/db/open-database.ts';
import { parseCalendar } from '../helpers/ical.ts';
import { FIXED_NOW, tempDatabase } from '../helpers/temp-db.ts';

let db: Db;
let cleanup: () => void;
const TODAY = '2026-11-23';
const ORIGIN = 'https://hubs.example.org';

beforeAll(() => {
	({ db, cleanup } = tempDatabase('demo'));
});
afterAll(() => cleanup());

describe('calendar feeds', () => {
	it('lists every hub’s upcoming sessions for 26 weeks, at the right instants across the clock change', () => {
		const feed = sessionFeed(db, { kind: 'all' }, TODAY, FIXED_NOW, ORIGIN)!;
		const { name, events } = parseCalendar(feed.body);
		expect(name).toBe('Drop-in sessions at every hub');
		expect(events.length).toBeGreaterThan(100);
		expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
		const benefits = events.filter(
			(e) => e.summary === 'Benefits check drop-in at Govan Riverside Hub',
		);
		const before = benefits.find((e) => e.localStart === '2027-03-23T10:00')!;
		const after = benefits.find((e) => e.localStart === '2027-03-30T10:00')!;
		expect(before.start.toISOString()).toBe('2027-03-23T10:00:00.000Z');
		expect(after.start.toISOString()).toBe('2027-03-30T09:00:00.000Z');
		expect(after.url).toMatch(new RegExp(`^${ORIGIN}/sessions/[0-9a-f-]{36}$`));
		expect(events.every((e) => e.localStart >= TODAY)).toBe(true);
		const cancelled = events.filter((e) => e.status === 'CANCELLED');
		expect(cancelled.length).toBeGreaterThan(0);
		// The demo's cancelled café date was cancelled after it was listed, so its SEQUENCE was raised;
		// dates born cancelled (public holidays) start at 0.
		expect(cancelled.some((e) => e.sequence > 0)).toBe(true);
	});

	it('has a feed per hub and per theme, and none for an unknown one', () => {
		const hub = parseCalendar(
			sessionFeed(db, { kind: 'hub', slug: 'govan-riverside-hub' }, TODAY, FIXED_NOW, ORIGIN)!.body,
		);
		expect(hub.name).toBe('Drop-in sessions at Govan Riverside Hub');
		expect(hub.events.length).toBeGreaterThan(0);
		expect(hub.events.every((e) => e.summary.endsWith('at Govan Riverside Hub'))).toBe(true);
		const theme = parseCalendar(
			sessionFeed(db, { kind: 'theme', slug: 'food-and-nutrition' }, TODAY, FIXED_NOW, ORIGIN)!
				.body,
		);
		expect(theme.events.length).toBeGreaterThan(0);
		expect(sessionFeed(db, { kind: 'hub', slug: 'nowhere' }, TODAY, FIXED_NOW, ORIGIN)).toBeNull();
		expect(
			sessionFeed(db, { kind: 'theme', slug: 'nothing' }, TODAY, FIXED_NOW, ORIGIN),
		).toBeNull();
	});

	it('keeps a date that is cancelled, with the same UID, a raised SEQUENCE and STATUS:CANCELLED', () => {
		const feed = () =>
			parseCalendar(
				sessionFeed(db, { kind: 'hub', slug: 'govan-riverside-hub' }, TODAY, FIXED_NOW, ORIGIN)!
					.body,
			).events;
		const target = feed().find((e) => e.status === 'CONFIRMED' && e.localStart > '2026-12-01')!;
		const id = target.uid.replace('@community-hubs', '');
		expect(cancelSessionDate(db, id, 'The hall is flooded.', FIXED_NOW)).toEqual({ ok: true });
		const after = feed().find((e) => e.uid === target.uid)!;
		expect(after.status).toBe('CANCELLED');
		expect(after.sequence).toBeGreaterThan(target.sequence);
		expect(after.localStart).toBe(target.localStart);
		expect(after.description).toContain('The hall is flooded.');
	});
});
