import { describe, expect, it } from 'vitest';
import { calendarRange, MAX_RANGE_DAYS } from '../../../src/lib/domain/search/calendar-range.ts';

const today = '2026-11-23';
const NOT_DATES = { ok: false, message: 'start and end must be dates in the form YYYY-MM-DD' };

describe('calendarRange', () => {
	it('reads dates and date-times, the end exclusive', () => {
		expect(calendarRange('2026-11-01', '2026-12-01', today)).toEqual({
			ok: true,
			from: '2026-11-01',
			to: '2026-11-30',
		});
		for (const [start, end] of [
			['2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'],
			['2026-11-01T00:00:00+00:00', '2026-12-01T00:00:00+01:00'],
			['2026-11-01T00:00:00.000Z', '2026-12-01T00:00'],
		])
			expect(calendarRange(start!, end!, today)).toMatchObject({
				from: '2026-11-01',
				to: '2026-11-30',
			});
	});

	it('starts today and runs four weeks when not told', () => {
		expect(calendarRange(null, null, today)).toEqual({ ok: true, from: today, to: '2026-12-20' });
		expect(calendarRange('2026-12-01', null, today)).toMatchObject({ to: '2026-12-28' });
	});

	it.each([
		['2026-02-30', null],
		['2026-02-30', '2026-03-10'],
		['2026-11-01', '2026-11-31'],
		['', '2026-12-01'],
		['2026-11-01', ''],
		['2026-11-01garbage', '2026-12-01'],
		['2026-11-01 and more', '2026-12-01'],
		['2026-11-01T', '2026-12-01'],
		[`2026-11-01T00:00:00${'0'.repeat(40)}Z`, '2026-12-01'],
		['tomorrow', null],
	])('refuses %s to %s as not dates (never failing)', (start, end) => {
		expect(calendarRange(start, end, today)).toEqual(NOT_DATES);
	});

	it('refuses an end before the start, and more than the longest range', () => {
		expect(calendarRange('2026-11-10', '2026-11-10', today)).toEqual({
			ok: false,
			message: 'end must be after start',
		});
		expect(calendarRange('2026-11-01', '2027-01-03', today)).toMatchObject({ ok: true });
		expect(calendarRange('2026-11-01', '2027-01-04', today)).toEqual({
			ok: false,
			message: `ask for at most ${MAX_RANGE_DAYS} days at a time`,
		});
	});
});
