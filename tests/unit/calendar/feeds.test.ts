/**
 * The iCalendar writer read back by an independent parser (ical.js): local times in Europe/London
 * mean the right instants on both sides of the clock changes, and feed properties are readable.
 */
import { describe, expect, it } from 'vitest';
import { buildCalendar, type IcsEvent } from '../../../src/lib/domain/calendar/ics.ts';
import { parseCalendar } from '../../helpers/ical.ts';

const event = (uid: string, date: string, startTime: string, endTime: string): IcsEvent => ({
	uid,
	sequence: 0,
	date,
	startTime,
	endTime,
	summary: `Drop-in on ${date}`,
	location: 'Govan Riverside Hub, 14 Water Row Lane, G51 3QX',
	description: 'Benefits check, with a long description; commas, and semicolons.',
	url: `https://hubs.example.org/sessions/${uid}`,
	cancelled: false,
});

describe('calendar feeds read by ical.js', () => {
	it.each([
		// Spring forward: last Sunday of March 2027 is the 28th (01:00 GMT becomes 02:00 BST).
		['2027-03-23', '10:00', '2027-03-23T10:00:00.000Z'],
		['2027-03-30', '10:00', '2027-03-30T09:00:00.000Z'],
		['2027-03-27', '23:30', '2027-03-27T23:30:00.000Z'],
		['2027-03-28', '10:00', '2027-03-28T09:00:00.000Z'],
		// Fall back: last Sunday of October 2027 is the 31st (02:00 BST becomes 01:00 GMT).
		['2027-10-26', '14:00', '2027-10-26T13:00:00.000Z'],
		['2027-11-02', '14:00', '2027-11-02T14:00:00.000Z'],
		['2026-12-01', '10:00', '2026-12-01T10:00:00.000Z'],
		['2026-07-14', '10:00', '2026-07-14T09:00:00.000Z'],
	])('a session on %s at %s local starts at %s', (date, time, instant) => {
		const endTime = `${String(Number(time.slice(0, 2)) + 1).padStart(2, '0')}${time.slice(2)}`;
		const text = buildCalendar('Feed', [event('e1', date, time, endTime)], new Date(), {
			description: 'Every session',
			refreshHours: 6,
		});
		const parsed = parseCalendar(text);
		expect(parsed.name).toBe('Feed');
		const [e] = parsed.events;
		expect(e!.zone).toBe('Europe/London');
		expect(e!.localStart).toBe(`${date}T${time}`);
		expect(e!.start.toISOString()).toBe(instant);
		expect(e!.end.getTime() - e!.start.getTime()).toBe(3_600_000);
	});

	it('keeps UIDs, sequence, status and escaped text through a round trip', () => {
		const cancelled = {
			...event('e2', '2027-03-30', '10:00', '12:00'),
			cancelled: true,
			sequence: 3,
		};
		const text = buildCalendar(
			'Feed',
			[event('e1', '2027-03-23', '10:00', '12:00'), cancelled],
			new Date(),
			{
				refreshHours: 6,
			},
		);
		expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT6H');
		const { events } = parseCalendar(text);
		expect(events.map((e) => [e.uid, e.sequence, e.status])).toEqual([
			['e1@community-hubs', 0, 'CONFIRMED'],
			['e2@community-hubs', 3, 'CANCELLED'],
		]);
		expect(events[0]!.description).toBe(
			'Benefits check, with a long description; commas, and semicolons.',
		);
	});
});
