import { describe, expect, it } from 'vitest';
import {
	blankOr,
	calendarDate,
	emailAddress,
	oneOf,
	parseForm,
	readForm,
	required,
	someOf,
	text,
	wholeNumber,
	yes,
} from '../../src/lib/domain/forms/schema.ts';

const form = (pairs: [string, string | Blob][]) => {
	const f = new FormData();
	for (const [k, v] of pairs) f.append(k, v);
	return f;
};

describe('reading a posted form', () => {
	it('trims text, makes line endings plain, reads missing and file values as empty and lists as lists', () => {
		const input = readForm(
			form([
				['note', '  one\r\ntwo\rthree  '],
				['upload', new Blob(['x'])],
				['tick', 'a'],
				['tick', new Blob(['y'])],
				['tick', ' b '],
			]),
			{
				note: text(100, 'Note'),
				upload: text(10, 'Upload'),
				missing: text(5, 'X'),
				tick: someOf(['a', 'b'], 'm'),
			},
			['tick'],
		);
		expect(input).toEqual({ note: 'one\ntwo\nthree', upload: '', missing: '', tick: ['a', 'b'] });
	});

	it('reads a query string the same way', () => {
		expect(readForm(new URLSearchParams('q=+tea+&q=cake'), { q: text(10, 'Q') })).toEqual({
			q: 'tea',
		});
	});
});

describe('checking fields', () => {
	const shape = {
		name: required(10, 'Enter a name', 'Name'),
		age: blankOr(wholeNumber(0, 120, 'Enter an age from 0 to 120'), null),
		email: blankOr(emailAddress('Enter an email address like name@example.com'), null),
		colour: oneOf(['red', 'blue'], 'Select a colour'),
		day: calendarDate('Enter a real date'),
		tags: someOf(['x', 'y'], 'Select tags from the list'),
		agree: yes,
	};

	it('gives every wrong field its own message, in form order, and no values', () => {
		const r = parseForm(
			form([
				['colour', 'green'],
				['name', 'x'.repeat(11)],
				['age', '121'],
				['email', '<script>@x'],
				['day', '2026-02-30'],
				['tags', "x' or 1=1"],
			]),
			shape,
			{ lists: ['tags'] },
		);
		expect(!r.ok && r.errors).toEqual([
			{ field: 'name', message: 'Name must be 10 characters or fewer' },
			{ field: 'age', message: 'Enter an age from 0 to 120' },
			{ field: 'email', message: 'Enter an email address like name@example.com' },
			{ field: 'colour', message: 'Select a colour' },
			{ field: 'day', message: 'Enter a real date' },
			{ field: 'tags', message: 'Select tags from the list' },
		]);
		expect(r.input['name']).toBe('x'.repeat(11));
	});

	it('gives typed values when every field passes', () => {
		const r = parseForm(
			form([
				['name', 'Ann'],
				['age', '07'],
				['colour', 'blue'],
				['day', '2028-02-29'],
				['tags', 'y'],
				['tags', 'y'],
				['agree', 'yes'],
			]),
			shape,
			{ lists: ['tags'] },
		);
		expect(r.ok && r.values).toEqual({
			name: 'Ann',
			age: 7,
			email: null,
			colour: 'blue',
			day: '2028-02-29',
			tags: ['y'],
			agree: true,
		});
	});

	it('runs rules across fields on the fields that passed, without a second message for a field that failed', () => {
		const shape = {
			from: wholeNumber(0, 10, 'Enter a start from 0 to 10'),
			to: wholeNumber(0, 10, 'Enter an end from 0 to 10'),
		};
		const rules = (v: { from?: number; to?: number }, problem: (f: string, m: string) => void) => {
			if (v.from !== undefined && v.to !== undefined && v.to < v.from)
				problem('to', 'The end must not be before the start');
			problem('from', 'Always wrong');
		};
		const both = parseForm(
			form([
				['from', '5'],
				['to', '2'],
			]),
			shape,
			{ rules, order: ['from', 'to'] },
		);
		expect(!both.ok && both.errors.map((e) => e.message)).toEqual([
			'Always wrong',
			'The end must not be before the start',
		]);
		const bad = parseForm(
			form([
				['from', 'x'],
				['to', '2'],
			]),
			shape,
			{ rules },
		);
		expect(!bad.ok && bad.errors.map((e) => e.message)).toEqual(['Enter a start from 0 to 10']);
	});
});
