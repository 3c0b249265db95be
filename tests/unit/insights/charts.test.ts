import { describe, expect, it } from 'vitest';
import {
	BAR_STYLES,
	LINE_STYLES,
	TEXT_COLOUR,
	barChart,
	contrastRatio,
	escapeXml,
	lineChart,
	niceStep,
} from '../../../src/lib/domain/insights/charts.ts';
import { buildReport, type SessionFigures } from '../../../src/lib/domain/insights/figures.ts';
import { parseInsightsQuery } from '../../../src/lib/domain/insights/query.ts';
import { demandChart, overTimeChart } from '../../../src/lib/domain/insights/report-charts.ts';

describe('charts', () => {
	it('names each chart by its title and description, as an image', () => {
		const svg = lineChart({
			id: 'c1',
			title: 'Use <over> time',
			description: 'Booked & attended',
			labels: ['2 Nov', '9 Nov'],
			series: [{ name: 'Booked', values: [3, 7] }],
		});
		expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="c1-title c1-desc"/);
		expect(svg).toContain('<title id="c1-title">Use &lt;over&gt; time</title>');
		expect(svg).toContain('<desc id="c1-desc">Booked &amp; attended</desc>');
		expect(svg).toContain('9 Nov');
		expect(svg.match(/<polyline /g)).toHaveLength(1);
	});

	it('escapes every label', () => {
		expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
		);
		const svg = barChart({
			id: 'b',
			title: 't',
			description: 'd',
			rows: [{ label: '<script>', values: [1, 2] }],
		});
		expect(svg).not.toContain('<script>');
		expect(svg).toContain('&lt;script&gt;');
	});

	it.each([
		[0, 1],
		[3, 1],
		[9, 5],
		[40, 10],
		[386, 100],
		[2072, 1000],
	])('picks whole-number axis steps (max %i: step %i)', (max, step) => {
		expect(niceStep(max)).toBe(step);
	});

	it('draws in colours with 3:1 contrast for lines and bars and 4.5:1 for text, on white', () => {
		for (const s of LINE_STYLES)
			expect(contrastRatio(s.colour, '#ffffff')).toBeGreaterThanOrEqual(3);
		for (const s of BAR_STYLES) {
			expect(contrastRatio(s.colour, '#ffffff')).toBeGreaterThanOrEqual(3);
			expect(contrastRatio(s.outline, '#ffffff')).toBeGreaterThanOrEqual(3);
		}
		expect(contrastRatio(TEXT_COLOUR, '#ffffff')).toBeGreaterThanOrEqual(4.5);
	});

	it('never tells series apart by colour alone', () => {
		const looks = LINE_STYLES.map((s) => `${s.dash}/${s.marker}`);
		expect(new Set(looks).size).toBe(LINE_STYLES.length);
		expect(new Set(BAR_STYLES.map((s) => s.fill)).size).toBe(BAR_STYLES.length);
	});

	it('sums up each report chart in words and points to its table', () => {
		const query = parseInsightsQuery(
			new URLSearchParams({ from: '2026-11-02', to: '2026-11-15' }),
			'2026-11-23',
		).query;
		const base = {
			status: 'scheduled' as const,
			capacity: 2,
			hubSlug: 'h',
			hubName: 'H',
			serviceSlug: 's',
			serviceName: 'S',
			areaSlug: 'a',
			areaName: 'A',
			themes: [{ slug: 'food', name: 'Food' }],
			assisted: 0,
			cancelledByPerson: 0,
			cancelledByHub: 0,
			attended: 0,
			noShow: 0,
			walkIns: 0,
			waitingPromoted: 0,
			waitingLeft: 0,
		};
		const sessions: SessionFigures[] = [
			{ ...base, id: '1', date: '2026-11-03', booked: 2, waitingJoined: 3 },
			{ ...base, id: '2', date: '2026-11-10', booked: 1, waitingJoined: 0 },
		];
		const report = buildReport(sessions, query);
		const overTime = overTimeChart(report, query);
		expect(overTime.svg).toContain(
			'Most places were booked in the week of 2 November 2026: 2. The same figures are in the table “Figures for each week”.',
		);
		expect(overTime.legend.map((l) => l.label)).toEqual([
			'Places offered (dashed line)',
			'Places booked (solid line with circles)',
			'Attended (solid line with squares)',
			'Walk-ins (dotted line with triangles)',
		]);
		expect(overTime.legend.every((l) => l.swatch.includes('aria-hidden="true"'))).toBe(true);
		const demand = demandChart(report);
		expect(demand.svg).toContain('More places were wanted than offered for: Food.');
	});
});
