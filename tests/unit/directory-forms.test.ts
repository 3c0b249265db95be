import { describe, expect, it } from 'vitest';
import { dayHoursText, parseDayHours } from '../../src/lib/domain/directory/opening-hours.ts';
import { slugify } from '../../src/lib/domain/forms/fields.ts';
import { parseHubForm } from '../../src/lib/domain/forms/hub-form.ts';
import { parseServiceForm } from '../../src/lib/domain/forms/service-form.ts';
import { parseOrganisationForm, parseThemeForm } from '../../src/lib/domain/forms/theme-form.ts';

const form = (entries: [string, string][]) => {
	const f = new FormData();
	for (const [k, v] of entries) f.append(k, v);
	return f;
};

describe('opening hours as staff type them', () => {
	it('reads 24-hour and am/pm times, dashes and "to", and several periods', () => {
		expect(parseDayHours('9:30 to 12:30, 1:30pm to 4pm')).toEqual({
			ok: true,
			periods: [
				{ opensAt: '09:30', closesAt: '12:30' },
				{ opensAt: '13:30', closesAt: '16:00' },
			],
		});
		expect(parseDayHours('10–14')).toEqual({
			ok: true,
			periods: [{ opensAt: '10:00', closesAt: '14:00' }],
		});
		expect(parseDayHours('12pm - 12:30pm')).toEqual({
			ok: true,
			periods: [{ opensAt: '12:00', closesAt: '12:30' }],
		});
		expect(parseDayHours('')).toEqual({ ok: true, periods: [] });
		expect(parseDayHours('Closed')).toEqual({ ok: true, periods: [] });
	});

	it('says what is wrong with hours it cannot use', () => {
		const message = (text: string) => {
			const r = parseDayHours(text);
			return r.ok ? null : r.message;
		};
		expect(message('mornings')).toMatch(/two times/);
		expect(message('17:00 to 9:00')).toMatch(/after the opening time/);
		expect(message('9 to 13, 12 to 15')).toMatch(/overlap/);
		expect(message('25:00 to 26:00')).toMatch(/two times/);
		expect(message('13pm to 2pm')).toMatch(/two times/);
	});

	it('writes hours back in the form they are read', () => {
		const periods = [
			{ weekday: 2, opensAt: '13:30', closesAt: '16:00' },
			{ weekday: 2, opensAt: '09:30', closesAt: '12:30' },
		];
		expect(dayHoursText(periods, 2)).toBe('09:30 to 12:30, 13:30 to 16:00');
		expect(dayHoursText(periods, 3)).toBe('');
		expect(parseDayHours(dayHoursText(periods, 2))).toEqual({
			ok: true,
			periods: [
				{ opensAt: '09:30', closesAt: '12:30' },
				{ opensAt: '13:30', closesAt: '16:00' },
			],
		});
	});

	it('names the day in the hub form’s message', () => {
		const r = parseHubForm(form([['hours-5', 'after lunch']]), [], []);
		expect(!r.ok && r.errors.find((e) => e.field === 'hours-5')?.message).toMatch(/^Friday: /);
	});
});

describe('the service form', () => {
	const choices = { organisationIds: ['o1'], themeIds: ['t1', 't2'], hubIds: ['h1', 'h2'] };
	const good: [string, string][] = [
		['name', 'Money advice'],
		['summary', 'Help with benefits.'],
		['minimumAge', '16'],
		['isFree', 'yes'],
		['referralNeeded', 'no'],
		['organisationId', 'o1'],
		['themeIds', 't2'],
		['hubIds', 'h1'],
		['hubIds', 'h1'],
	];

	it('refuses a theme or hub that is not on the list, keeping the known ones ticked', () => {
		const r = parseServiceForm(
			form([...good, ['themeIds', 'not-a-theme'], ['hubIds', "h1' or 1=1"]]),
			choices,
		);
		expect(!r.ok && r.errors).toEqual([
			{ field: 'themeIds', message: 'Select themes from the list' },
			{ field: 'hubIds', message: 'Select hubs from the list' },
		]);
		expect(r.values.themeIds).toEqual(['t2']);
		expect(r.values.hubIds).toEqual(['h1']);
	});

	it('reads a good form, keeping each hub once', () => {
		const r = parseServiceForm(form(good), choices);
		expect(r.ok).toBe(true);
		expect(r.values).toMatchObject({
			minimumAge: 16,
			maximumAge: null,
			isFree: true,
			referralNeeded: false,
			themeIds: ['t2'],
			hubIds: ['h1'],
		});
	});

	it('asks for what is missing or wrong, in form order', () => {
		const r = parseServiceForm(
			form([
				['minimumAge', '65'],
				['maximumAge', '18'],
				['isFree', 'no'],
				['referralNeeded', 'yes'],
				['email', 'not an email'],
			]),
			choices,
		);
		expect(!r.ok && r.errors.map((e) => e.field)).toEqual([
			'name',
			'summary',
			'maximumAge',
			'costDescription',
			'referralDetails',
			'email',
			'organisationId',
			'themeIds',
			'hubIds',
		]);
		const typed = parseServiceForm(form([['minimumAge', 'sixty']]), choices);
		expect(!typed.ok && typed.typed['minimumAge']).toBe('sixty');
		expect(!typed.ok && typed.errors.find((e) => e.field === 'minimumAge')?.message).toMatch(
			/whole number/,
		);
	});
});

describe('theme and organisation forms', () => {
	it('reads a theme and checks its position', () => {
		const ok = parseThemeForm(
			form([
				['name', 'Housing'],
				['summary', 'A safe home.'],
				['description', 'Help to keep a home.'],
				['sensitive', 'yes'],
				['sortOrder', '7'],
			]),
		);
		expect(ok).toEqual({
			ok: true,
			values: {
				name: 'Housing',
				summary: 'A safe home.',
				description: 'Help to keep a home.',
				sensitive: true,
				sortOrder: 7,
			},
		});
		const bad = parseThemeForm(form([['sortOrder', '-1']]));
		expect(!bad.ok && bad.errors.map((e) => e.field)).toEqual([
			'name',
			'summary',
			'description',
			'sortOrder',
		]);
	});

	it('checks an organisation’s contact details', () => {
		const r = parseOrganisationForm(
			form([
				['name', 'Govan Together'],
				['phone', '+44 141 496 0555'],
				['website', 'ftp://example.org'],
			]),
		);
		expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['website']);
		expect(r.values.phone).toBe('0141 496 0555');
	});
});

describe('slugs', () => {
	it('makes a readable address from a name', () => {
		expect(slugify('Elder Park Community Rooms')).toBe('elder-park-community-rooms');
		expect(slugify('  Café & Chat!  ')).toBe('cafe-and-chat');
		expect(slugify('***')).toBe('untitled');
	});
});
