import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../src/lib/domain/time.ts';
import { calendarRange } from '../../src/lib/domain/search/calendar-range.ts';
import { parsePatternForm } from '../../src/lib/domain/forms/pattern-form.ts';

describe('calendar dates people and programs send', () => {
	it('accepts real dates only (Date.parse takes 30 February; the fuzz test found it)', () => {
		expect(isCalendarDate('2026-02-28')).toBe(true);
		expect(isCalendarDate('2028-02-29')).toBe(true);
		for (const bad of [
			'2026-02-30',
			'2026-02-29',
			'2026-13-01',
			'2026-1-01',
			'2026-02-28T00:00',
			'',
		])
			expect(isCalendarDate(bad), bad).toBe(false);
	});

	it('refuses an impossible range in the calendar feed instead of failing', () => {
		expect(calendarRange('2026-02-30', '2026-03-10', '2026-02-01')).toEqual({
			ok: false,
			message: 'start and end must be dates in the form YYYY-MM-DD',
		});
		expect(calendarRange('2026-02-01', '2026-02-31T00:00:00Z', '2026-02-01').ok).toBe(false);
	});

	it('refuses an impossible start date for a pattern', () => {
		const form = new FormData();
		form.set('startsOn', '2027-02-30');
		const result = parsePatternForm(form, ['s1'], '2026-11-23');
		expect(result.ok).toBe(false);
	});
});
