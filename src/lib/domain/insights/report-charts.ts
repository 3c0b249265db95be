/**
 * The two insights charts, from a report: use over time, and demand against capacity by theme.
 * Each comes with its legend and a description that sums it up in words and says where the same
 * figures are as a table.
 */
import { formatDate } from '../time.ts';
import { LINE_STYLES, barChart, barSwatch, lineChart, lineSwatch } from './charts.ts';
import { placesWanted, type InsightsReport } from './figures.ts';
import type { InsightsQuery } from './query.ts';

/** A chart ready to show: the SVG and its legend (each entry a hidden picture and its words). */
export interface Chart {
	svg: string;
	legend: { swatch: string; label: string }[];
}

const OVER_TIME = [
	{ key: 'placesOffered', label: 'Places offered' },
	{ key: 'booked', label: 'Places booked' },
	{ key: 'attended', label: 'Attended' },
	{ key: 'walkIns', label: 'Walk-ins' },
] as const;

/** Places offered, booked, attended and walk-ins for each week or month. */
export function overTimeChart(report: InsightsReport, query: InsightsQuery): Chart {
	const series = OVER_TIME.map((s) => ({
		name: s.label,
		values: report.overTime.map((p) => p.figures[s.key]),
	}));
	const busiest = report.overTime.reduce<(typeof report.overTime)[number] | null>(
		(best, p) => (best === null || p.figures.booked > best.figures.booked ? p : best),
		null,
	);
	const description = [
		`Line chart of places offered, places booked, attended and walk-ins for each ${query.period} from ${formatDate(query.from)} to ${formatDate(query.to)}.`,
		busiest && busiest.figures.booked > 0
			? `Most places were booked in the ${query.period === 'week' ? busiest.period.label.replace(/^Week/, 'week') : `month of ${busiest.period.label}`}: ${busiest.figures.booked}.`
			: 'No places were booked.',
		`The same figures are in the table “Figures for each ${query.period}”.`,
	].join(' ');
	return {
		svg: lineChart({
			id: 'chart-over-time',
			title: `Use over time, by ${query.period}`,
			description,
			labels: report.overTime.map((p) => p.period.shortLabel),
			series,
		}),
		legend: series.map((s, i) => ({
			swatch: lineSwatch(i),
			label: `${s.name} (${LINE_STYLES[i % LINE_STYLES.length]!.markerName})`,
		})),
	};
}

/** Places offered against places wanted for each theme. */
export function demandChart(report: InsightsReport): Chart {
	const over = report.byTheme.filter((g) => placesWanted(g.figures) > g.figures.placesOffered);
	const description = [
		'Bar chart comparing places offered with places wanted for each theme.',
		over.length === 0
			? 'No theme had more places wanted than offered.'
			: `More places were wanted than offered for: ${over.map((g) => g.name).join(', ')}.`,
		'The same figures are in the table “Places offered and places wanted, by theme”.',
	].join(' ');
	return {
		svg: barChart({
			id: 'chart-demand',
			title: 'Demand against capacity by theme',
			description,
			rows: report.byTheme.map((g) => ({
				label: g.name,
				values: [g.figures.placesOffered, placesWanted(g.figures)],
			})),
		}),
		legend: [
			{ swatch: barSwatch(0, 'legend-hatch'), label: 'Places offered (striped bar, first)' },
			{ swatch: barSwatch(1, 'legend-solid'), label: 'Places wanted (solid bar, second)' },
		],
	};
}
