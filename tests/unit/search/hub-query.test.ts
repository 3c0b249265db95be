import { describe, expect, it } from 'vitest';
import {
	activeFilters,
	describeFilter,
	EMPTY_QUERY,
	hubQueryToParams,
	hubSearchHref,
	pageCount,
	parseHubQuery,
	suggestLoosening,
	type HubQuery,
} from '../../../src/lib/domain/search/hub-query.ts';

const parse = (s: string) => parseHubQuery(new URLSearchParams(s));

describe('parseHubQuery', () => {
	it('reads every filter', () => {
		expect(
			parse(
				'q=+lunch++club+&theme=food-and-nutrition&area=govan&day=friday&access=parking&access=step-free&referral=none&page=2',
			),
		).toEqual({
			text: 'lunch club',
			theme: 'food-and-nutrition',
			area: 'govan',
			day: 5,
			access: ['parking', 'step-free'],
			noReferral: true,
			page: 2,
		});
	});

	it.each([
		['theme=<script>', 'theme', null],
		['area=Govan%20Road', 'area', null],
		['day=funday', 'day', null],
		['page=0', 'page', 1],
		['page=abc', 'page', 1],
		['page=1.5', 'page', 1],
		['referral=yes', 'noReferral', false],
	])('drops the malformed value in %s', (qs, key, expected) => {
		expect(parse(qs)[key as keyof HubQuery]).toEqual(expected);
	});

	it('ignores unknown accessibility features and repeats', () => {
		expect(parse('access=lift&access=parking&access=parking').access).toEqual(['parking']);
	});

	it('limits the text to 200 characters', () => {
		expect(parse(`q=${'a'.repeat(500)}`).text).toHaveLength(200);
	});

	it('never cuts the text in the middle of a character', () => {
		const text = parse(`q=${'a'.repeat(199)}${encodeURIComponent('😀😀')}`).text;
		expect(text).toBe('a'.repeat(199));
		expect(text.isWellFormed()).toBe(true);
		expect(parse(`q=${'a'.repeat(198)}${encodeURIComponent('😀😀')}`).text).toHaveLength(200);
	});

	it.each([
		[`theme=${'a'.repeat(82)}`, 'theme', null],
		[`theme=${'a'.repeat(81)}`, 'theme', 'a'.repeat(81)],
		['area=-govan', 'area', null],
		['day=Monday', 'day', null],
		['day=mon', 'day', null],
		['day=1', 'day', null],
		['access=PARKING', 'access', []],
		['page=10000', 'page', 10000],
		['page=10001', 'page', 1],
		['page=-1', 'page', 1],
		['page=1e3', 'page', 1],
		['page=99999999999999999999', 'page', 1],
		['referral=', 'noReferral', false],
		['referral=none%20please', 'noReferral', false],
	])('falls back for %s', (qs, key, expected) => {
		expect(parse(qs)[key as keyof HubQuery]).toEqual(expected);
	});

	it('reads the first of a repeated parameter, and every accessibility feature', () => {
		expect(parse('theme=housing&theme=food&day=friday&day=monday&page=3&page=4')).toMatchObject({
			theme: 'housing',
			day: 5,
			page: 3,
		});
		expect(parse('access=step-free&access=bsl&access=lift&access=bsl').access).toEqual([
			'bsl',
			'step-free',
		]);
		expect(parse('theme=%3Cscript%3E&theme=housing').theme).toBeNull();
	});

	it('reads values with spaces around them', () => {
		expect(parse('theme=+housing+&day=monday%20&page=%202')).toMatchObject({
			theme: 'housing',
			day: 1,
			page: 2,
		});
	});

	it('answers every malformed search with a search, never an error', () => {
		for (const value of ['', '\u0000', '𝕳𝖚𝖇', '2026-02-30', 'x'.repeat(20_000), "1' or '1'='1"]) {
			const params = new URLSearchParams();
			for (const key of ['q', 'theme', 'area', 'day', 'access', 'referral', 'page'])
				params.append(key, value);
			const query = parse(params.toString());
			expect(query.text.length).toBeLessThanOrEqual(200);
			expect(query.page).toBe(1);
		}
	});
});

describe('hubQueryToParams', () => {
	it('round-trips through the URL', () => {
		const query = parse(
			'q=tablet&theme=housing&area=govan&day=monday&access=hearing-loop&referral=none&page=3',
		);
		expect(parseHubQuery(hubQueryToParams(query))).toEqual(query);
	});

	it('leaves out empty filters and page 1', () => {
		expect(hubSearchHref(EMPTY_QUERY)).toBe('/hubs');
		expect(hubSearchHref({ ...EMPTY_QUERY, area: 'govan' })).toBe('/hubs?area=govan');
	});
});

describe('activeFilters and suggestions', () => {
	const query: HubQuery = { ...EMPTY_QUERY, text: 'tablet', area: 'govan', day: 7, page: 2 };

	it('lists each filter with the search that drops it, back on page 1', () => {
		const filters = activeFilters(query);
		expect(filters.map((f) => f.key)).toEqual(['text', 'area', 'day']);
		expect(filters[1]!.without).toEqual({ ...query, area: null, page: 1 });
	});

	it('suggests dropping the filters that would find something, most results first', () => {
		const counts: Record<string, number> = { text: 0, area: 3, day: 1 };
		const suggestions = suggestLoosening(query, (q) => {
			const dropped = activeFilters(query).find(
				(f) => JSON.stringify(f.without) === JSON.stringify(q),
			)!;
			return counts[dropped.key]!;
		});
		expect(suggestions.map((s) => [s.key, s.count])).toEqual([
			['area', 3],
			['day', 1],
		]);
	});

	it('describes filters in words', () => {
		const names = {
			themes: new Map([['housing', 'Housing']]),
			areas: new Map([['govan', 'Govan']]),
		};
		const q = { ...query, theme: 'housing', access: ['parking' as const] };
		expect(describeFilter('area', q, names)).toBe('in Govan');
		expect(describeFilter('day', q, names)).toBe('open on Sunday');
		expect(describeFilter('theme', q, names)).toBe('offering help with housing');
		expect(describeFilter('text', q, names)).toBe('matching “tablet”');
	});
});

describe('pageCount', () => {
	it.each([
		[0, 1],
		[25, 1],
		[26, 2],
		[1000, 40],
	])('%i hubs make %i pages', (total, pages) => {
		expect(pageCount(total)).toBe(pages);
	});
});
