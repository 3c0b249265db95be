import { describe, expect, it } from 'vitest';
import {
	DEFINITIONS,
	addSession,
	assistedShare,
	buildReport,
	breakdownTable,
	emptyFigures,
	overTimeTable,
	periodOf,
	periodsBetween,
	placesWanted,
	summaryTable,
	tableRows,
	type SessionFigures,
} from '../../../src/lib/domain/insights/figures.ts';
import {
	defaultRange,
	insightsSearch,
	parseInsightsQuery,
} from '../../../src/lib/domain/insights/query.ts';
import { describeView } from '../../../src/lib/domain/insights/describe.ts';

const session = (changes: Partial<SessionFigures>): SessionFigures => ({
	id: 's',
	date: '2026-11-26',
	status: 'scheduled',
	capacity: 10,
	hubSlug: 'hub-a',
	hubName: 'Hub A',
	serviceSlug: 'advice',
	serviceName: 'Advice',
	areaSlug: 'north',
	areaName: 'North',
	themes: [{ slug: 'money', name: 'Money' }],
	booked: 0,
	assisted: 0,
	cancelledByPerson: 0,
	cancelledByHub: 0,
	attended: 0,
	noShow: 0,
	walkIns: 0,
	waitingJoined: 0,
	waitingPromoted: 0,
	waitingLeft: 0,
	...changes,
});

describe('the filters', () => {
	it('defaults to the two months before this one and this month so far, by week and hub', () => {
		expect(defaultRange('2026-01-15')).toEqual({ from: '2025-11-01', to: '2026-01-15' });
		expect(parseInsightsQuery(new URLSearchParams(), '2026-11-23')).toEqual({
			query: {
				from: '2026-09-01',
				to: '2026-11-23',
				hub: null,
				theme: null,
				area: null,
				period: 'week',
				by: 'hub',
			},
			problems: [],
			values: { from: '', to: '', hub: '', theme: '', area: '', period: '', by: '' },
		});
	});

	it.each([
		[{ from: '2026-02-30' }, 'from', 'Enter the first date as a real date, like 2026-09-01'],
		[{ to: 'yesterday' }, 'to', 'Enter the last date as a real date, like 2026-11-30'],
		[
			{ from: '2026-11-02', to: '2026-11-01' },
			'to',
			'The last date must be the same as or after the first',
		],
		[{ from: '2020-01-01', to: '2026-01-01' }, 'to', 'Choose dates no more than 2 years apart'],
	])('explains a date range it cannot use: %o', (params, field, message) => {
		expect(parseInsightsQuery(new URLSearchParams(params), '2026-11-23').problems).toEqual([
			{ field, message },
		]);
	});

	it('makes a shareable address and reads it back', () => {
		const { query } = parseInsightsQuery(
			new URLSearchParams({
				from: '2026-10-01',
				to: '2026-10-31',
				theme: 'food',
				period: 'month',
				by: 'area',
			}),
			'2026-11-23',
		);
		const search = insightsSearch(query);
		expect(search).toBe('?from=2026-10-01&to=2026-10-31&theme=food&period=month&by=area');
		expect(parseInsightsQuery(new URLSearchParams(search), '2026-11-23').query).toEqual(query);
		expect(describeView(query, { hub: null, theme: 'Food', area: null }, 'Every hub')).toBe(
			'Figures from 1 October 2026 to 31 October 2026 for every hub, theme: Food, every area.',
		);
	});
});

describe('weeks and months', () => {
	it('starts weeks on Monday and names them', () => {
		expect(periodOf('2026-11-29', 'week')).toEqual({
			key: '2026-11-23',
			from: '2026-11-23',
			to: '2026-11-29',
			label: 'Week of 23 November 2026',
			shortLabel: '23 Nov',
		});
		expect(periodOf('2028-02-10', 'month')).toMatchObject({
			from: '2028-02-01',
			to: '2028-02-29',
			label: 'February 2028',
		});
	});

	it('lists every period a range touches, across the year end', () => {
		expect(periodsBetween('2026-12-30', '2027-01-05', 'week').map((p) => p.key)).toEqual([
			'2026-12-28',
			'2027-01-04',
		]);
		expect(periodsBetween('2026-11-15', '2027-01-01', 'month').map((p) => p.label)).toEqual([
			'November 2026',
			'December 2026',
			'January 2027',
		]);
	});
});

describe('adding up', () => {
	it('counts places offered only for sessions held, and unmet demand from who is still waiting', () => {
		const f = emptyFigures();
		addSession(
			f,
			session({ booked: 10, assisted: 3, waitingJoined: 4, waitingPromoted: 1, waitingLeft: 1 }),
		);
		addSession(
			f,
			session({
				status: 'cancelled',
				booked: 2,
				cancelledByHub: 2,
				waitingJoined: 1,
				waitingLeft: 1,
			}),
		);
		expect(f).toMatchObject({
			sessions: 1,
			sessionsCancelled: 1,
			placesOffered: 10,
			booked: 12,
			cancelledByHub: 2,
			waitingJoined: 5,
			waitingPromoted: 1,
			fullWithWaiting: 1,
			stillWaiting: 2,
		});
		expect(assistedShare(f)).toBe(25);
		expect(assistedShare(emptyFigures())).toBeNull();
		expect(placesWanted(f)).toBe(14);
	});

	it('counts a session in each of its themes, and says so', () => {
		const query = parseInsightsQuery(
			new URLSearchParams({ by: 'theme', from: '2026-11-01', to: '2026-11-30' }),
			'2026-11-23',
		).query;
		const report = buildReport(
			[
				session({
					booked: 3,
					themes: [
						{ slug: 'food', name: 'Food' },
						{ slug: 'money', name: 'Money' },
					],
				}),
				session({ booked: 1, themes: [] }),
			],
			query,
		);
		expect(report.breakdown.map((g) => [g.name, g.figures.booked])).toEqual([
			['Food', 3],
			['Money', 3],
			['No theme', 1],
		]);
		expect(report.total.booked).toBe(4);
		const table = breakdownTable(report, query);
		expect(table.note).toMatch(/more than one theme/);
		expect(table.rows.at(-1)).toMatchObject({ label: 'All', total: true });
		expect(table.rows[0]!.href).toBe(
			'/insights?from=2026-11-01&to=2026-11-30&theme=food&period=week&by=theme',
		);
	});

	it('makes tables whose headings link to definitions and whose CSV rows match the cells', () => {
		const query = parseInsightsQuery(
			new URLSearchParams({ from: '2026-11-01', to: '2026-11-30', period: 'month' }),
			'2026-11-23',
		).query;
		const report = buildReport(
			[session({ booked: 4, assisted: 1, attended: 3, noShow: 1 })],
			query,
		);
		const overTime = overTimeTable(report, query);
		expect(overTime.columns.every((c) => DEFINITIONS.some((d) => d.anchor === c.anchor))).toBe(
			true,
		);
		expect(overTime.rows[0]).toMatchObject({
			label: 'November 2026',
			href: '/insights?from=2026-11-01&to=2026-11-30&period=month&by=hub',
		});
		const rows = tableRows(overTime);
		expect(rows[0]).toEqual(['Month', ...overTime.columns.map((c) => c.label)]);
		expect(rows[1]).toEqual([
			'November 2026',
			'1',
			'0',
			'10',
			'4',
			'25%',
			'0',
			'0',
			'3',
			'1',
			'0',
			'0',
			'0',
			'0',
			'0',
		]);
		expect(rows[2]![0]).toBe('All dates');
		const summary = summaryTable(report);
		expect(summary.rows.find((r) => r.label === 'No-shows')).toMatchObject({
			cells: ['1'],
			href: '/insights/definitions#no-shows',
		});
	});

	it('gives every definition its own anchor', () => {
		expect(new Set(DEFINITIONS.map((d) => d.anchor)).size).toBe(DEFINITIONS.length);
	});
});
