import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/domain/markdown.ts';
import { diffRecords } from '../../src/lib/domain/audit.ts';
import { normalisePostcode, parseHubForm } from '../../src/lib/domain/forms/hub-form.ts';
import { monthsBefore } from '../../src/lib/domain/time.ts';

describe('safe Markdown', () => {
	it('renders paragraphs, lists, links and bold', () => {
		expect(
			renderMarkdown('Hello **there**\nsecond line\n\n- one\n- [two](https://example.org/a)'),
		).toBe(
			'<p>Hello <strong>there</strong><br>second line</p><ul><li>one</li><li><a href="https://example.org/a">two</a></li></ul>',
		);
	});

	it.each([
		'<script>alert(1)</script>',
		'<img src=x onerror=alert(1)>',
		'[click](javascript:alert(1))',
		'[x](https://example.org" onmouseover="alert(1))',
		'<a href="https://example.org" onclick="alert(1)">x</a>',
		'**<svg onload=alert(1)>**',
	])('lets no markup through from %s', (payload) => {
		const html = renderMarkdown(payload);
		expect(html).not.toMatch(/<(script|img|svg)/i);
		expect(html).not.toMatch(/<[^>]+\son\w+=/i);
		expect(html).not.toContain('href="javascript:');
	});
});

describe('audit diffs', () => {
	it('lists changed fields with their labels, before and after', () => {
		expect(
			diffRecords(
				{ name: 'A', features: ['x'], phone: null },
				{ name: 'B', features: ['x'], phone: '0141' },
				{ name: 'Name', features: 'Features', phone: 'Phone' },
			),
		).toEqual([
			{ field: 'Name', from: 'A', to: 'B' },
			{ field: 'Phone', from: '', to: '0141' },
		]);
	});
});

describe('hub form', () => {
	it.each([
		['g51 3qx', 'G51 3QX'],
		['G513QX', 'G51 3QX'],
		['EH1 1YZ', 'EH1 1YZ'],
		['SW1A 1AA', 'SW1A 1AA'],
		['G51 3Q', null],
		['12345', null],
	])('reads the postcode %s as %s', (input, expected) => {
		expect(normalisePostcode(input)).toBe(expected);
	});

	it('checks every field, refuses features not on the list, and keeps phone numbers in national format', () => {
		const f = new FormData();
		for (const [k, v] of Object.entries({
			name: 'Hub',
			summary: 'S',
			addressLine1: '1 Road',
			town: 'Glasgow',
			postcode: 'g1 1aa',
			areaId: 'a1',
			phone: '01414960123',
			website: 'javascript:alert(1)',
			organisationId: 'o1',
			'hours-1': '9am to 5pm',
			'hours-3': '09:30-12:30, 13.30 to 16:00',
		}))
			f.set(k, v);
		f.append('accessFeatures', 'step-free');
		f.append('accessFeatures', 'rocket-launcher');
		const r = parseHubForm(f, ['a1'], ['o1']);
		expect(!r.ok && r.errors).toEqual([
			{ field: 'website', message: 'Enter a web address starting with https://' },
			{ field: 'accessFeatures', message: 'Select accessibility features from the list' },
		]);
		expect(r.values.openingHours).toEqual([
			{ weekday: 1, opensAt: '09:00', closesAt: '17:00' },
			{ weekday: 3, opensAt: '09:30', closesAt: '12:30' },
			{ weekday: 3, opensAt: '13:30', closesAt: '16:00' },
		]);
		expect(r.values.phone).toBe('0141 496 0123');
		expect(r.values.postcode).toBe('G1 1AA');
		expect(r.values.accessFeatures).toEqual(['step-free']);
	});

	it('works out the review date', () => {
		expect(monthsBefore('2026-11-23', 6)).toBe('2026-05-23');
		expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
	});
});
