import { describe, expect, it } from 'vitest';
import {
	describeRrule,
	occurrenceDates,
	sessionInstant,
	toRrule,
} from '../../../src/lib/domain/schedule/recurrence.ts';

const dates = (
	rrule: string | null,
	startsOn: string,
	from: string,
	to: string,
	endsOn: string | null = null,
) => occurrenceDates({ rrule, startsOn, endsOn }, from, to);

describe('occurrenceDates', () => {
	it('lists a weekly pattern across the spring clock change (29 March 2026)', () => {
		expect(dates('FREQ=WEEKLY;BYDAY=TU', '2026-03-03', '2026-03-17', '2026-04-07')).toEqual([
			'2026-03-17',
			'2026-03-24',
			'2026-03-31',
			'2026-04-07',
		]);
	});

	it('lists a weekly pattern across the autumn clock change (25 October 2026)', () => {
		expect(dates('FREQ=WEEKLY;BYDAY=SU', '2026-10-04', '2026-10-18', '2026-11-01')).toEqual([
			'2026-10-18',
			'2026-10-25',
			'2026-11-01',
		]);
	});

	it('keeps a date whose wall-clock time the clocks skip (01:30 on 28 March 2027)', () => {
		expect(
			dates('FREQ=WEEKLY;INTERVAL=2;BYDAY=SU', '2027-03-14', '2027-03-01', '2027-04-11'),
		).toEqual(['2027-03-14', '2027-03-28', '2027-04-11']);
	});

	it('lists fortnightly dates from the start date', () => {
		expect(
			dates('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '2026-11-02', '2026-11-01', '2026-12-31'),
		).toEqual(['2026-11-02', '2026-11-16', '2026-11-30', '2026-12-14', '2026-12-28']);
	});

	it.each([
		['FREQ=MONTHLY;BYDAY=2TU', ['2026-11-10', '2026-12-08', '2027-01-12', '2027-02-09']],
		['FREQ=MONTHLY;BYDAY=-1FR', ['2026-11-27', '2026-12-25', '2027-01-29', '2027-02-26']],
		['FREQ=MONTHLY;BYDAY=1MO', ['2026-11-02', '2026-12-07', '2027-01-04', '2027-02-01']],
	])('handles month ends and nth weekdays: %s', (rrule, expected) => {
		expect(dates(rrule, '2026-11-01', '2026-11-01', '2027-02-28')).toEqual(expected);
	});

	it('lists the last Friday of February in a leap year', () => {
		expect(dates('FREQ=MONTHLY;BYDAY=-1FR', '2028-01-01', '2028-02-01', '2028-02-29')).toEqual([
			'2028-02-25',
		]);
	});

	it('stops at the end date and does not start before the start date', () => {
		expect(
			dates('FREQ=WEEKLY;BYDAY=WE', '2026-12-02', '2026-11-01', '2027-01-31', '2026-12-16'),
		).toEqual(['2026-12-02', '2026-12-09', '2026-12-16']);
	});

	it('lists a one-off session once, only inside the range', () => {
		expect(dates(null, '2026-12-05', '2026-12-01', '2026-12-31')).toEqual(['2026-12-05']);
		expect(dates(null, '2026-12-05', '2026-12-06', '2026-12-31')).toEqual([]);
	});
});

describe('wall-clock times', () => {
	it('keeps "10:00 every Tuesday" at 10:00 in London in March and in November', () => {
		expect(sessionInstant('2026-03-24', '10:00').toISOString()).toBe('2026-03-24T10:00:00.000Z');
		expect(sessionInstant('2026-03-31', '10:00').toISOString()).toBe('2026-03-31T09:00:00.000Z');
		expect(sessionInstant('2026-10-20', '10:00').toISOString()).toBe('2026-10-20T09:00:00.000Z');
		expect(sessionInstant('2026-10-27', '10:00').toISOString()).toBe('2026-10-27T10:00:00.000Z');
	});
});

describe('rules in words', () => {
	it.each([
		[{ kind: 'weekly', weekday: 2 } as const, 'FREQ=WEEKLY;BYDAY=TU', 'Every Tuesday'],
		[
			{ kind: 'fortnightly', weekday: 5 } as const,
			'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR',
			'Every other Friday',
		],
		[
			{ kind: 'monthly', weekday: 2, week: 2 } as const,
			'FREQ=MONTHLY;BYDAY=2TU',
			'Second Tuesday of the month',
		],
		[
			{ kind: 'monthly', weekday: 5, week: -1 } as const,
			'FREQ=MONTHLY;BYDAY=-1FR',
			'Last Friday of the month',
		],
	])('%j is %s, "%s"', (choice, rrule, words) => {
		expect(toRrule(choice)).toBe(rrule);
		expect(describeRrule(rrule)).toBe(words);
	});

	it('describes a one-off session', () => {
		expect(describeRrule(null)).toBe('One-off session');
	});
});
