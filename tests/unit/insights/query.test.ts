import { describe, expect, it } from 'vitest';
import { parseInsightsQuery } from '../../../src/lib/domain/insights/query.ts';

const today = '2026-11-23';
const parse = (params: Record<string, string> | string) =>
	parseInsightsQuery(new URLSearchParams(params), today);

describe('the insights filters at their edges', () => {
	it.each([
		[{ period: 'year' }, 'period', 'week'],
		[{ period: 'MONTH' }, 'period', 'week'],
		[{ period: ' month ' }, 'period', 'month'],
		[{ by: 'organisation' }, 'by', 'hub'],
		[{ by: 'service' }, 'by', 'service'],
	])('falls back to the default for an unknown choice: %o', (params, key, expected) => {
		const { query, problems } = parse(params);
		expect(query[key as 'period' | 'by']).toBe(expected);
		expect(problems).toEqual([]);
	});

	it.each([
		[{ theme: 'Food & drink' }, 'theme', 'Select a theme from the list'],
		[{ theme: 'a'.repeat(82) }, 'theme', 'Select a theme from the list'],
		[{ area: '<script>' }, 'area', 'Select an area from the list'],
		[{ hub: "1' or '1'='1" }, 'hub', 'Select a hub from the list'],
	])('refuses a choice that cannot be a slug: %o', (params, field, message) => {
		const { query, problems } = parse(params);
		expect(problems).toEqual([{ field, message }]);
		expect(query[field as 'hub' | 'theme' | 'area']).toBeNull();
		// The dates asked for are still used.
		expect(query.from).toBe('2026-09-01');
	});

	it('keeps a well-formed choice for the caller to look up', () => {
		expect(parse({ hub: 'no-such-hub', theme: 'food', area: 'govan' }).query).toMatchObject({
			hub: 'no-such-hub',
			theme: 'food',
			area: 'govan',
		});
	});

	it.each([
		[{ from: '2026-11-01T00:00' }, 'from'],
		[{ from: '1 November 2026' }, 'from'],
		[{ to: '2026-11-31' }, 'to'],
		[{ to: '9'.repeat(5000) }, 'to'],
	])('refuses a date that is not a real YYYY-MM-DD date: %o', (params, field) => {
		const { query, problems } = parse(params);
		expect(problems.map((p) => p.field)).toEqual([field]);
		expect(query).toMatchObject({ from: '2026-09-01', to: today });
	});

	it('measures the range from the default first date when only the last is given', () => {
		expect(parse({ to: '2026-08-31' }).problems).toEqual([
			{ field: 'to', message: 'The last date must be the same as or after the first' },
		]);
		expect(parse({ from: '2024-11-22', to: today }).problems).toEqual([]);
		expect(parse({ from: '2024-11-21', to: today }).problems).toEqual([
			{ field: 'to', message: 'Choose dates no more than 2 years apart' },
		]);
	});

	it('lists every problem in the order of the form', () => {
		expect(
			parse({ area: 'x y', theme: 'x y', to: 'x', from: 'x' }).problems.map((p) => p.field),
		).toEqual(['from', 'to', 'theme', 'area']);
	});

	it('reads the first of a repeated filter', () => {
		const { query } = parse('from=2026-10-01&from=nonsense&period=month&period=week');
		expect(query).toMatchObject({ from: '2026-10-01', period: 'month' });
	});

	it('keeps at most 100 characters of each value, trimmed, to show again', () => {
		const { values } = parse({ theme: ` ${'x'.repeat(500)} `, from: ' 2026-10-01 ' });
		expect(values['theme']).toBe('x'.repeat(100));
		expect(values['from']).toBe('2026-10-01');
		expect(parse({ area: `${'a'.repeat(99)}😀` }).values['area']).toBe('a'.repeat(99));
	});
});
