/**
 * The insights figures: what each one means, adding up sessions' anonymous counts by period and by
 * hub, service, theme or area, and the tables the page and the CSV downloads both show (so the
 * two can never differ). Everything is counted in places (people); see counting.ts for the rules
 * that keep the counts.
 */
import { Temporal } from 'temporal-polyfill';
import { addDays, formatDate, MONTHS, weekdayOf } from '../time.ts';
import { insightsSearch, type Breakdown, type InsightsQuery, type Period } from './query.ts';

/** One session date with its counts, as the insights query returns it. */
export interface SessionFigures {
	id: string;
	date: string;
	status: 'scheduled' | 'cancelled';
	capacity: number;
	hubSlug: string;
	hubName: string;
	serviceSlug: string;
	serviceName: string;
	areaSlug: string;
	areaName: string;
	themes: { slug: string; name: string }[];
	booked: number;
	assisted: number;
	cancelledByPerson: number;
	cancelledByHub: number;
	attended: number;
	noShow: number;
	walkIns: number;
	waitingJoined: number;
	waitingPromoted: number;
	waitingLeft: number;
}

/** The figures for a set of sessions. */
export interface Figures {
	sessions: number;
	sessionsCancelled: number;
	placesOffered: number;
	booked: number;
	assisted: number;
	cancelledByPerson: number;
	cancelledByHub: number;
	attended: number;
	noShow: number;
	walkIns: number;
	waitingJoined: number;
	waitingPromoted: number;
	fullWithWaiting: number;
	stillWaiting: number;
}

/** A figure shown to people: its column name, its anchor on the definitions page and its meaning. */
export interface FigureDefinition {
	key: keyof Figures | 'assistedShare' | 'placesWanted';
	label: string;
	anchor: string;
	definition: string;
}

/** Every figure, in the order the tables show them, with what it means in plain English. */
export const DEFINITIONS: readonly FigureDefinition[] = [
	{
		key: 'sessions',
		label: 'Sessions held',
		anchor: 'sessions-held',
		definition:
			'Session dates that were not cancelled. A session counts in the week or month of its date, including dates still to come in the range you chose.',
	},
	{
		key: 'sessionsCancelled',
		label: 'Sessions cancelled',
		anchor: 'sessions-cancelled',
		definition:
			'Session dates that were cancelled: by the hub, because the hub was closed, or because the date was taken out of the pattern.',
	},
	{
		key: 'placesOffered',
		label: 'Places offered',
		anchor: 'places-offered',
		definition:
			'The number of places at the sessions held: each session’s capacity added up. Cancelled sessions offer no places.',
	},
	{
		key: 'booked',
		label: 'Places booked',
		anchor: 'places-booked',
		definition:
			'Places confirmed for a session: booked online, booked by a volunteer for someone, or given to someone from the waiting list. A booking for 2 people counts as 2. Places cancelled later still count here (see the cancellations). A booking moved to another date counts on the new date.',
	},
	{
		key: 'assistedShare',
		label: 'Booked with help',
		anchor: 'booked-with-help',
		definition:
			'The share of places booked that a volunteer booked for someone, in person or by phone, as a percentage of places booked. It shows “n/a” when no places were booked.',
	},
	{
		key: 'cancelledByPerson',
		label: 'Cancelled by the person',
		anchor: 'cancelled-by-the-person',
		definition: 'Booked places that the person cancelled themselves.',
	},
	{
		key: 'cancelledByHub',
		label: 'Cancelled by the hub',
		anchor: 'cancelled-by-the-hub',
		definition:
			'Booked places that the hub cancelled: for one person, or because the session was cancelled or the hub was closed.',
	},
	{
		key: 'attended',
		label: 'Attended',
		anchor: 'attended',
		definition: 'Booked places that a volunteer checked in at the register as attended.',
	},
	{
		key: 'noShow',
		label: 'No-shows',
		anchor: 'no-shows',
		definition:
			'Booked places that a volunteer marked at the register as not attended. Places not checked in either way are in neither figure.',
	},
	{
		key: 'walkIns',
		label: 'Walk-ins',
		anchor: 'walk-ins',
		definition:
			'People who came without booking, as counted by a volunteer at the register. Drop-in sessions without booking count everyone this way.',
	},
	{
		key: 'waitingJoined',
		label: 'Joined the waiting list',
		anchor: 'joined-the-waiting-list',
		definition: 'Places asked for on a waiting list because the session was full.',
	},
	{
		key: 'waitingPromoted',
		label: 'Got a place from the waiting list',
		anchor: 'got-a-place-from-the-waiting-list',
		definition:
			'Waiting-list places that became booked places: given automatically when a place came free, or offered and accepted. These are also in places booked.',
	},
	{
		key: 'fullWithWaiting',
		label: 'Full sessions with people waiting',
		anchor: 'full-sessions-with-people-waiting',
		definition:
			'Sessions held that still had people on the waiting list: demand the session could not meet. For dates still to come, this is so far.',
	},
	{
		key: 'stillWaiting',
		label: 'Places still wanted',
		anchor: 'places-still-wanted',
		definition:
			'Places still on waiting lists: asked for, not given a place and not withdrawn. This is the unmet demand.',
	},
	{
		key: 'placesWanted',
		label: 'Places wanted',
		anchor: 'places-wanted',
		definition:
			'Places booked and not cancelled by the person, plus walk-ins, plus places still wanted on waiting lists: how many places people wanted, to set against the places offered.',
	},
];

/** The definition of a figure. */
export function definitionOf(key: FigureDefinition['key']): FigureDefinition {
	return DEFINITIONS.find((d) => d.key === key)!;
}

/** Figures of nothing. */
export function emptyFigures(): Figures {
	return {
		sessions: 0,
		sessionsCancelled: 0,
		placesOffered: 0,
		booked: 0,
		assisted: 0,
		cancelledByPerson: 0,
		cancelledByHub: 0,
		attended: 0,
		noShow: 0,
		walkIns: 0,
		waitingJoined: 0,
		waitingPromoted: 0,
		fullWithWaiting: 0,
		stillWaiting: 0,
	};
}

/** Adds one session's counts to some figures (in place) and returns them. */
export function addSession(f: Figures, s: SessionFigures): Figures {
	const held = s.status === 'scheduled';
	const stillWaiting = Math.max(0, s.waitingJoined - s.waitingPromoted - s.waitingLeft);
	f.sessions += held ? 1 : 0;
	f.sessionsCancelled += held ? 0 : 1;
	f.placesOffered += held ? s.capacity : 0;
	f.booked += s.booked;
	f.assisted += s.assisted;
	f.cancelledByPerson += s.cancelledByPerson;
	f.cancelledByHub += s.cancelledByHub;
	f.attended += s.attended;
	f.noShow += s.noShow;
	f.walkIns += s.walkIns;
	f.waitingJoined += s.waitingJoined;
	f.waitingPromoted += s.waitingPromoted;
	f.fullWithWaiting += held && stillWaiting > 0 ? 1 : 0;
	f.stillWaiting += stillWaiting;
	return f;
}

/** Places booked by a volunteer as a whole percentage of places booked; null when none were booked. */
export function assistedShare(f: Figures): number | null {
	return f.booked === 0 ? null : Math.round((100 * f.assisted) / f.booked);
}

/** Places people wanted: booked and not cancelled by themselves, walk-ins, and places still wanted. */
export function placesWanted(f: Figures): number {
	return f.booked - f.cancelledByPerson + f.walkIns + f.stillWaiting;
}

/** One week or month. */
export interface PeriodInfo {
	key: string;
	/** First and last day. */
	from: string;
	to: string;
	label: string;
	shortLabel: string;
}

/** The week (from Monday) or month a date is in. */
export function periodOf(date: string, period: Period): PeriodInfo {
	if (period === 'week') {
		const monday = addDays(date, 1 - weekdayOf(date));
		const d = Temporal.PlainDate.from(monday);
		return {
			key: monday,
			from: monday,
			to: addDays(monday, 6),
			label: `Week of ${formatDate(monday)}`,
			shortLabel: `${d.day} ${MONTHS[d.month - 1]!.slice(0, 3)}`,
		};
	}
	const first = Temporal.PlainDate.from(date).with({ day: 1 });
	const name = MONTHS[first.month - 1]!;
	return {
		key: first.toString().slice(0, 7),
		from: first.toString(),
		to: first.with({ day: first.daysInMonth }).toString(),
		label: `${name} ${first.year}`,
		shortLabel: `${name.slice(0, 3)} ${String(first.year).slice(2)}`,
	};
}

/** Every week or month that overlaps a date range, in order. */
export function periodsBetween(from: string, to: string, period: Period): PeriodInfo[] {
	const result: PeriodInfo[] = [];
	for (let p = periodOf(from, period); p.from <= to; p = periodOf(addDays(p.to, 1), period))
		result.push(p);
	return result;
}

/** A group in a breakdown: a hub, service, theme or area. */
export interface Group {
	slug: string;
	name: string;
	figures: Figures;
}

function groupsOf(s: SessionFigures, by: Breakdown): { slug: string; name: string }[] {
	if (by === 'hub') return [{ slug: s.hubSlug, name: s.hubName }];
	if (by === 'service') return [{ slug: s.serviceSlug, name: s.serviceName }];
	if (by === 'area') return [{ slug: s.areaSlug, name: s.areaName }];
	return s.themes.length > 0 ? s.themes : [{ slug: '', name: 'No theme' }];
}

/** Adds sessions up by hub, service, theme or area, by name. A session counts in each of its themes. */
export function groupBy(sessions: readonly SessionFigures[], by: Breakdown): Group[] {
	const groups = new Map<string, Group>();
	for (const s of sessions) {
		for (const g of groupsOf(s, by)) {
			const key = g.slug || g.name;
			let group = groups.get(key);
			if (!group) groups.set(key, (group = { ...g, figures: emptyFigures() }));
			addSession(group.figures, s);
		}
	}
	return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** All the figures for one view. */
export interface InsightsReport {
	total: Figures;
	overTime: { period: PeriodInfo; figures: Figures }[];
	breakdown: Group[];
	byTheme: Group[];
}

/** Works out every figure for sessions already filtered to the query's range, hub, theme and area. */
export function buildReport(
	sessions: readonly SessionFigures[],
	query: InsightsQuery,
): InsightsReport {
	const total = emptyFigures();
	const periods = periodsBetween(query.from, query.to, query.period).map((period) => ({
		period,
		figures: emptyFigures(),
	}));
	const byKey = new Map(periods.map((p) => [p.period.key, p.figures]));
	for (const s of sessions) {
		addSession(total, s);
		const f = byKey.get(periodOf(s.date, query.period).key);
		if (f) addSession(f, s);
	}
	return {
		total,
		overTime: periods,
		breakdown: groupBy(sessions, query.by),
		byTheme: groupBy(sessions, 'theme'),
	};
}

/** A table as both the page and its CSV download show it. */
export interface FigureTable {
	/** Used in the page (ids) and the download's address. */
	id: 'summary' | 'over-time' | 'breakdown' | 'demand';
	caption: string;
	/** The heading of the first column. */
	rowHeading: string;
	columns: FigureDefinition[];
	rows: { label: string; href: string | null; cells: string[]; total: boolean }[];
	/** Something to know when reading it, or null. */
	note: string | null;
}

/** The names for "by" in headings. */
export const BREAKDOWN_NAMES: Record<Breakdown, string> = {
	hub: 'hub',
	service: 'service',
	theme: 'theme',
	area: 'area',
};

const TABLE_FIGURES: FigureDefinition['key'][] = [
	'sessions',
	'sessionsCancelled',
	'placesOffered',
	'booked',
	'assistedShare',
	'cancelledByPerson',
	'cancelledByHub',
	'attended',
	'noShow',
	'walkIns',
	'waitingJoined',
	'waitingPromoted',
	'fullWithWaiting',
	'stillWaiting',
];

/** A figure as text for a cell: whole numbers as they are, the share as a percentage. */
export function cell(f: Figures, key: FigureDefinition['key']): string {
	if (key === 'assistedShare') {
		const share = assistedShare(f);
		return share === null ? 'n/a' : `${share}%`;
	}
	if (key === 'placesWanted') return String(placesWanted(f));
	return String(f[key]);
}

/** The summary: every figure for the whole view, one a row. */
export function summaryTable(report: InsightsReport): FigureTable {
	const number: FigureDefinition = {
		key: 'sessions',
		label: 'Number',
		anchor: '',
		definition: '',
	};
	return {
		id: 'summary',
		caption: 'Summary of every figure',
		rowHeading: 'Figure',
		columns: [number],
		rows: [...TABLE_FIGURES, 'placesWanted' as const].map((key) => {
			const d = definitionOf(key);
			return {
				label: d.label,
				href: `/insights/definitions#${d.anchor}`,
				cells: [cell(report.total, key)],
				total: false,
			};
		}),
		note: null,
	};
}

/** Every figure for each week or month, with links that narrow the view to that week or month. */
export function overTimeTable(report: InsightsReport, query: InsightsQuery): FigureTable {
	const columns = TABLE_FIGURES.map(definitionOf);
	return {
		id: 'over-time',
		caption: `Figures for each ${query.period}`,
		rowHeading: query.period === 'week' ? 'Week' : 'Month',
		columns,
		rows: [
			...report.overTime.map((p) => ({
				label: p.period.label,
				href: `/insights${insightsSearch(query, { from: p.period.from, to: p.period.to })}`,
				cells: columns.map((c) => cell(p.figures, c.key)),
				total: false,
			})),
			{
				label: 'All dates',
				href: null,
				cells: columns.map((c) => cell(report.total, c.key)),
				total: true,
			},
		],
		note: null,
	};
}

/** Every figure for each hub, service, theme or area, with links that narrow the view to one. */
export function breakdownTable(report: InsightsReport, query: InsightsQuery): FigureTable {
	const columns = TABLE_FIGURES.map(definitionOf);
	const filterable = query.by !== 'service';
	return {
		id: 'breakdown',
		caption: `Figures for each ${BREAKDOWN_NAMES[query.by]}`,
		rowHeading: query.by[0]!.toUpperCase() + query.by.slice(1),
		columns,
		rows: [
			...report.breakdown.map((g) => ({
				label: g.name,
				href:
					filterable && g.slug ? `/insights${insightsSearch(query, { [query.by]: g.slug })}` : null,
				cells: columns.map((c) => cell(g.figures, c.key)),
				total: false,
			})),
			{
				label: 'All',
				href: null,
				cells: columns.map((c) => cell(report.total, c.key)),
				total: true,
			},
		],
		note:
			query.by === 'theme'
				? 'A service can cover more than one theme, and then counts in each, so the themes can add up to more than “All”.'
				: null,
	};
}

/** Demand against capacity for each theme: the chart's figures. */
export function demandTable(report: InsightsReport): FigureTable {
	const columns = (
		[
			'placesOffered',
			'placesWanted',
			'booked',
			'cancelledByPerson',
			'walkIns',
			'stillWaiting',
			'fullWithWaiting',
		] as const
	).map(definitionOf);
	return {
		id: 'demand',
		caption: 'Places offered and places wanted, by theme',
		rowHeading: 'Theme',
		columns,
		rows: report.byTheme.map((g) => ({
			label: g.name,
			href: null,
			cells: columns.map((c) => cell(g.figures, c.key)),
			total: false,
		})),
		note: 'A service can cover more than one theme, and then counts in each.',
	};
}

/** A table as rows for a CSV file: the headings, then one row a line. */
export function tableRows(table: FigureTable): string[][] {
	return [
		[table.rowHeading, ...table.columns.map((c) => c.label)],
		...table.rows.map((r) => [r.label, ...r.cells]),
	];
}
