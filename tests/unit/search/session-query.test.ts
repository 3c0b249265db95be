import { describe, expect, it } from 'vitest';
import {
	parseSessionQuery,
	sessionQueryToParams,
	sessionSearchHref,
} from '../../../src/lib/domain/search/session-query.ts';

const parse = (s: string) => parseSessionQuery(new URLSearchParams(s));

describe('parseSessionQuery', () => {
	it('reads every filter', () => {
		expect(
			parse('theme=housing&hub=govan-riverside-hub&area=govan&day=saturday&from=2026-12-01'),
		).toEqual({
			theme: 'housing',
			hub: 'govan-riverside-hub',
			area: 'govan',
			day: 6,
			from: '2026-12-01',
		});
	});

	it('reads nothing as no filters', () => {
		expect(parse('')).toEqual({ theme: null, hub: null, area: null, day: null, from: null });
	});

	it.each([
		['theme=Housing', 'theme', null],
		[`hub=${'a'.repeat(82)}`, 'hub', null],
		['area=%3Cscript%3E', 'area', null],
		['day=funday', 'day', null],
		['day=SA', 'day', null],
		['from=2026-02-30', 'from', null],
		['from=2026-12-01T00:00', 'from', null],
		['from=yesterday', 'from', null],
		[`from=${'2'.repeat(20_000)}`, 'from', null],
	])('drops the malformed value in %s', (qs, key, expected) => {
		expect(parse(qs)[key as keyof ReturnType<typeof parse>]).toEqual(expected);
	});

	it('reads the first of a repeated parameter', () => {
		expect(parse('hub=a-hub&hub=b-hub&from=2026-12-01&from=2027-01-01')).toMatchObject({
			hub: 'a-hub',
			from: '2026-12-01',
		});
		expect(parse('from=nonsense&from=2026-12-01').from).toBeNull();
	});

	it('round-trips through the URL', () => {
		const query = parse('theme=housing&area=govan&day=monday&from=2026-12-01');
		expect(parse(sessionQueryToParams(query).toString())).toEqual(query);
		expect(sessionSearchHref(parse('day=funday'))).toBe('/sessions');
	});
});
