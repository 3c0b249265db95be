import { describe, expect, it } from 'vitest';
import {
	closureOn,
	upcomingClosures,
	weekTimetable,
	type Closure,
} from '../../../src/lib/domain/directory/opening-hours.ts';

const periods = [
	{ weekday: 1, opensAt: '13:00', closesAt: '17:00' },
	{ weekday: 1, opensAt: '09:00', closesAt: '12:00' },
	{ weekday: 3, opensAt: '10:00', closesAt: '16:00' },
];
const stAndrews: Closure = {
	startsOn: '2026-11-30',
	endsOn: '2026-11-30',
	reason: 'St Andrew’s Day',
	allHubs: true,
};
const refurb: Closure = {
	startsOn: '2026-11-24',
	endsOn: '2026-11-26',
	reason: 'Redecoration',
	allHubs: false,
};

describe('weekTimetable', () => {
	const week = weekTimetable(periods, [stAndrews, refurb], '2026-11-25'); // a Wednesday

	it('lists the seven days Monday first, with periods in time order', () => {
		expect(week.map((d) => d.name)).toEqual([
			'Monday',
			'Tuesday',
			'Wednesday',
			'Thursday',
			'Friday',
			'Saturday',
			'Sunday',
		]);
		expect(week[0]!.periods).toEqual([
			{ opensAt: '09:00', closesAt: '12:00' },
			{ opensAt: '13:00', closesAt: '17:00' },
		]);
		expect(week[1]!.periods).toEqual([]);
	});

	it('marks today, and dates each weekday in the coming seven days', () => {
		expect(week.filter((d) => d.isToday).map((d) => d.name)).toEqual(['Wednesday']);
		expect(week[2]!.date).toBe('2026-11-25');
		expect(week[0]!.date).toBe('2026-11-30');
		expect(week[1]!.date).toBe('2026-12-01');
	});

	it('shows a closure against the weekday it falls on', () => {
		expect(week[0]!.closure?.reason).toBe('St Andrew’s Day');
		expect(week[2]!.closure?.reason).toBe('Redecoration');
		expect(week[4]!.closure).toBeNull();
	});
});

describe('closures', () => {
	it('covers both ends of the range', () => {
		expect(closureOn([refurb], '2026-11-24')).toBe(refurb);
		expect(closureOn([refurb], '2026-11-26')).toBe(refurb);
		expect(closureOn([refurb], '2026-11-27')).toBeNull();
	});

	it('lists closures that have not ended yet, soonest first', () => {
		const past: Closure = {
			startsOn: '2026-01-01',
			endsOn: '2026-01-02',
			reason: 'New Year',
			allHubs: true,
		};
		expect(upcomingClosures([stAndrews, past, refurb], '2026-11-26')).toEqual([refurb, stAndrews]);
	});
});
