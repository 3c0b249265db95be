import { describe, expect, it } from 'vitest';
import {
	addDays,
	formatLongDate,
	formatTime,
	londonDate,
	londonTime,
	nextLondonMidnight,
	weekdayOf,
} from '../../src/lib/domain/time.ts';

describe('Europe/London dates', () => {
	it.each([
		['2026-06-30T23:30:00Z', '2026-07-01', '00:30'], // summer time: an hour ahead of UTC
		['2026-12-31T23:30:00Z', '2026-12-31', '23:30'], // winter: same as UTC
		['2026-03-29T00:59:00Z', '2026-03-29', '00:59'], // just before the clocks go forward
		['2026-03-29T01:00:00Z', '2026-03-29', '02:00'], // just after
		['2026-10-25T00:30:00Z', '2026-10-25', '01:30'], // first 01:30 on the day clocks go back
		['2026-10-25T01:30:00Z', '2026-10-25', '01:30'], // second 01:30
	])('%s is %s %s in London', (instant, date, time) => {
		expect(londonDate(new Date(instant))).toBe(date);
		expect(londonTime(new Date(instant))).toBe(time);
	});

	it('finds the next local midnight in summer and winter', () => {
		expect(nextLondonMidnight(new Date('2026-07-01T12:00:00Z')).toISOString()).toBe(
			'2026-07-01T23:00:00.000Z',
		);
		expect(nextLondonMidnight(new Date('2026-11-23T12:00:00Z')).toISOString()).toBe(
			'2026-11-24T00:00:00.000Z',
		);
		// 00:30 on the 25th in London; that day has 25 hours, and midnight after it is 00:00 GMT.
		expect(nextLondonMidnight(new Date('2026-10-24T23:30:00Z')).toISOString()).toBe(
			'2026-10-26T00:00:00.000Z',
		);
	});

	it('does calendar arithmetic across month and year ends', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(weekdayOf('2026-11-30')).toBe(1);
		expect(weekdayOf('2026-11-29')).toBe(7);
	});
});

describe('formatting for people', () => {
	it.each([
		['09:00', '9am'],
		['12:00', 'midday'],
		['13:30', '1:30pm'],
		['00:00', 'midnight'],
		['17:05', '5:05pm'],
	])('%s is %s', (time, text) => {
		expect(formatTime(time)).toBe(text);
	});

	it('writes long dates with the weekday', () => {
		expect(formatLongDate('2026-11-30')).toBe('Monday 30 November 2026');
	});
});
