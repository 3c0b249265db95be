import { describe, expect, it } from 'vitest';
import {
	distanceMetres,
	paginate,
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
