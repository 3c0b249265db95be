import { describe, expect, it } from 'vitest';
import {
	distanceMetres,
	paginate,
	parsePaging,
	parseServiceFilters,
} from '../../../src/lib/domain/open-data/api.ts';
import { isUuid, nestedId, uuidV5 } from '../../../src/lib/domain/open-data/ids.ts';
import { patternWeekdays, ruleParts } from '../../../src/lib/domain/open-data/map.ts';
import { joinText, splitText } from '../../../src/lib/domain/open-data/model.ts';

describe('open-data identifiers', () => {
	it('makes RFC 4122 version 5 UUIDs (the RFC’s DNS example)', () => {
		expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
			'2ed6657d-e927-568b-95e1-2665a8aea6a2',
		);
	});

	it('derives the same nested id every time, a different one per parent and kind', () => {
		const hub = '0b8f6c1e-8f0e-4d7e-9a57-2f1f0c7b8a11';
		expect(nestedId(hub, 'address')).toBe(nestedId(hub.toUpperCase(), 'address'));
		expect(nestedId(hub, 'address')).not.toBe(nestedId(hub, 'phone'));
		expect(isUuid(nestedId(hub, 'address'))).toBe(true);
	});
});

describe('paging', () => {
	it.each([
		[0, 1, 10],
		[25, 1, 10],
		[25, 3, 10],
		[25, 4, 10],
		[10, 1, 10],
	])('keeps the Page invariants for %i items, page %i of %i per page', (n, page, perPage) => {
		const p = paginate(
			Array.from({ length: n }, (_, i) => i),
			{ page, perPage },
		);
		expect(p.size).toBe(p.contents.length);
		expect(p.total_items).toBe(n);
		expect(p.total_pages).toBe(Math.ceil(n / perPage));
		expect(p.first_page).toBe(page === 1);
		expect(p.last_page).toBe(page >= p.total_pages);
		expect(p.empty).toBe(p.contents.length === 0);
		expect(p.contents.length).toBeLessThanOrEqual(perPage);
	});
});

describe('filters', () => {
	const parse = (q: string, location = true) =>
		parseServiceFilters(new URLSearchParams(q), location);

	it('reads days, times, ages and postcodes in their usual forms', () => {
		expect(parse('day=Tuesday&start_time=09:30&end_time=12:00:00&minimum_age=16')).toMatchObject({
			day: 2,
			startTime: '09:30',
			endTime: '12:00',
			minimumAge: 16,
		});
		expect(parse('day=SU')).toMatchObject({ day: 7 });
		expect(parse('postcode=g513qx&proximity=1500')).toMatchObject({
			postcode: 'G51 3QX',
			proximity: 1500,
		});
		expect(parse('search=Benefits, advice!')).toMatchObject({ search: ['benefits', 'advice'] });
	});

	it.each([
		'day=someday',
		'start_time=9',
		'per_page=1000',
		'page=0',
		'maximum_age=old',
		'postcode=G51 3QX',
		'postcode=XYZ&proximity=10',
	])('refuses %s with a message', (q) => {
		expect(typeof parse(q)).toBe('string');
	});

	it('allows postcode and proximity only on services at locations', () => {
		expect(parse('postcode=G51 3QX&proximity=10', false)).toMatch(/service_at_locations/);
	});

	it('reads nothing as the first page of everything', () => {
		expect(parse('')).toEqual({
			page: 1,
			perPage: 50,
			search: [],
			taxonomyTermId: null,
			taxonomyId: null,
			day: null,
			startTime: null,
			endTime: null,
			minimumAge: null,
			maximumAge: null,
			postcode: null,
			proximity: null,
		});
	});

	it.each([
		['page=999999', { page: 999_999 }],
		['per_page=500', { perPage: 500 }],
		['per_page=', { perPage: 50 }],
		['day=7', { day: 7 }],
		['day=+friday+', { day: 5 }],
		['minimum_age=0&maximum_age=150', { minimumAge: 0, maximumAge: 150 }],
		['minimum_age=16.5', { minimumAge: 16.5 }],
		['postcode=G51 3QX&proximity=0.5', { proximity: 0.5 }],
		['taxonomy_term_id=+ABC+', { taxonomyTermId: 'abc' }],
	])('reads the edge value %s', (q, expected) => {
		expect(parse(q)).toMatchObject(expected);
	});

	it.each([
		['page=1000000', 'page must be a whole number from 1 to 999999, not "1000000".'],
		['page=+2', 'page must be a whole number from 1 to 999999, not " 2".'],
		['page=1e3', 'page must be a whole number from 1 to 999999, not "1e3".'],
		['per_page=501', 'per_page must be a whole number from 1 to 500, not "501".'],
		['day=8', 'day must be a day of the week, such as Monday or MO, not "8".'],
		['day=+', 'day must be a day of the week, such as Monday or MO, not " ".'],
		[
			'start_time=24:00',
			'start_time must be a time such as 09:30 or 09:30:00 (24-hour), not "24:00".',
		],
		['minimum_age=150.5', 'minimum_age must be an age in years from 0 to 150, not "150.5".'],
		['maximum_age=1e2', 'maximum_age must be an age in years from 0 to 150, not "1e2".'],
		['postcode=XYZ&proximity=10', 'postcode must be a UK postcode, not "XYZ".'],
		[
			'postcode=G51 3QX&proximity=1e3',
			'proximity must be a distance in metres, such as 1500, not "1e3".',
		],
		['postcode=G51 3QX', 'Give postcode and proximity (a distance in metres) together.'],
		['postcode=XYZ', 'Give postcode and proximity (a distance in metres) together.'],
		['proximity=far', 'Give postcode and proximity (a distance in metres) together.'],
		[`search=${'a'.repeat(201)}`, 'search must be at most 200 characters.'],
		[`taxonomy_term_id=${'a'.repeat(101)}`, 'taxonomy_term_id must be at most 100 characters.'],
		[`taxonomy_id=${'a'.repeat(101)}`, 'taxonomy_id must be at most 100 characters.'],
	])('refuses %s with the message that says what is wrong', (q, message) => {
		expect(parse(q)).toBe(message);
	});

	it('reports the first problem, in the order the parameters are described', () => {
		expect(parse('maximum_age=old&day=someday&page=0')).toMatch(/^page /);
		expect(parse('maximum_age=old&day=someday')).toMatch(/^day /);
		expect(parse('proximity=far&end_time=noon')).toMatch(/^end_time /);
	});

	it('reads the first of a repeated parameter', () => {
		expect(parse('page=2&page=abc&day=monday&day=funday')).toMatchObject({ page: 2, day: 1 });
		expect(parse('page=abc&page=2')).toMatch(/^page /);
	});

	it('quotes at most 100 characters of a long value back', () => {
		const message = parse(`page=${'9'.repeat(5000)}`) as string;
		expect(message).toBe(
			`page must be a whole number from 1 to 999999, not "${'9'.repeat(100)}…".`,
		);
		expect((parse(`day=${'😀'.repeat(60)}`) as string).isWellFormed()).toBe(true);
	});

	it('reads page and per_page alone for the lists without filters', () => {
		expect(parsePaging(new URLSearchParams('page=3&per_page=10&day=funday'))).toEqual({
			page: 3,
			perPage: 10,
		});
		expect(parsePaging(new URLSearchParams('per_page=0'))).toMatch(/^per_page /);
	});

	it('measures distances on the Earth', () => {
		expect(distanceMetres([55.8617, -4.3116], [55.8617, -4.3116])).toBe(0);
		const d = distanceMetres([55.8617, -4.3116], [55.8642, -4.2518]);
		expect(d).toBeGreaterThan(3700);
		expect(d).toBeLessThan(3800);
	});
});

describe('mapping helpers', () => {
	it.each([
		['FREQ=WEEKLY;BYDAY=TU', { freq: 'WEEKLY', byday: 'TU' }, [2]],
		['FREQ=WEEKLY;INTERVAL=2;BYDAY=FR', { freq: 'WEEKLY', interval: 2, byday: 'FR' }, [5]],
		['FREQ=MONTHLY;BYDAY=-1FR', { freq: 'MONTHLY', byday: '-1FR' }, [5]],
		['FREQ=MONTHLY;BYDAY=2WE', { freq: 'MONTHLY', byday: '2WE' }, [3]],
	])('reads %s as schedule fields and weekdays', (rrule, parts, days) => {
		expect(ruleParts(rrule)).toEqual(parts);
		expect(patternWeekdays({ rrule, startsOn: '2026-11-23' })).toEqual(days);
	});

	it('gives a one-off session the weekday of its date', () => {
		expect(patternWeekdays({ rrule: null, startsOn: '2026-11-28' })).toEqual([6]);
	});

	it.each([
		['A summary.', '', 'A summary.'],
		['A summary.', 'A summary.', 'A summary.'],
		['A summary.', 'More words.\n\nAnd more.', 'A summary.\n\nMore words.\n\nAnd more.'],
	])('joins and splits summaries and descriptions', (summary, description, joined) => {
		expect(joinText(summary, description)).toBe(joined);
		const back = splitText(joined);
		expect(joinText(back.summary, back.description)).toBe(joined);
	});
});
