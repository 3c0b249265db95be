import { describe, expect, it } from 'vitest';
import {
	calendarEvents,
	MAX_CALENDAR_SESSIONS_PER_DAY,
	quietDays,
	type CalendarSession,
} from '../../../src/lib/domain/search/calendar-events.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const NO_FILTERS = { theme: null, hub: null, area: null, day: null };

function session(id: string, date: string, extra: Partial<CalendarSession> = {}): CalendarSession {
	return {
		id,
		date,
		startTime: '10:00',
		endTime: '12:00',
		status: 'scheduled',
		capacity: 12,
		placesTaken: 9,
		bookingMode: 'booking',
		bookingOpensDays: null,
		bookingClosesHours: null,
		maxPlacesPerBooking: 2,
		serviceName: 'Benefits check',
		hubName: 'Govan Riverside Hub',
		...extra,
	};
}

describe('the calendar view’s events', () => {
	it('shows a day of up to a dozen sessions one by one, and a busier day as a count', () => {
		expect(MAX_CALENDAR_SESSIONS_PER_DAY).toBe(12);
		expect(
			quietDays([
				{ date: '2026-11-25', count: 13 },
				{ date: '2026-11-24', count: 12 },
				{ date: '2026-11-26', count: 1 },
			]),
		).toEqual(['2026-11-24', '2026-11-26']);
	});

	it('makes each session an event linking to its page, with its availability', () => {
		const events = calendarEvents(
			[{ date: '2026-11-24', count: 2 }],
			[
				session('a', '2026-11-24'),
				session('b', '2026-11-24', { status: 'cancelled', serviceName: 'Lunch club' }),
			],
			NO_FILTERS,
			NOW,
		);
		expect(events).toEqual([
			{
				id: 'a',
				title: 'Benefits check, Govan Riverside Hub',
				start: '2026-11-24T10:00:00',
				end: '2026-11-24T12:00:00',
				url: '/sessions/a',
				extendedProps: {
					kind: 'session',
					status: 'scheduled',
					hub: 'Govan Riverside Hub',
					availability: '3 places left',
				},
			},
			expect.objectContaining({
				id: 'b',
				title: 'Cancelled: Lunch club, Govan Riverside Hub',
				extendedProps: expect.objectContaining({ availability: 'Cancelled' }),
			}),
		]);
	});

	it('links a busy day to the session list from that day, keeping the filters', () => {
		const events = calendarEvents(
			[
				{ date: '2026-11-24', count: 1 },
				{ date: '2026-11-25', count: 290 },
			],
			[session('a', '2026-11-24')],
			{ theme: 'food-and-nutrition', hub: null, area: 'govan', day: 3 },
			NOW,
		);
		expect(events.map((e) => e.id)).toEqual(['a', 'day-2026-11-25']);
		expect(events[1]).toEqual({
			id: 'day-2026-11-25',
			title: '290 sessions',
			start: '2026-11-25',
			allDay: true,
			url: '/sessions?theme=food-and-nutrition&area=govan&day=wednesday&from=2026-11-25',
			extendedProps: { kind: 'day-count', count: 290 },
		});
	});
});
