/** Saying in words what a view of the insights covers. */
import { formatDate } from '../time.ts';
import type { InsightsQuery } from './query.ts';

/** "Figures from 1 September 2026 to 30 November 2026 for every hub, theme Food, every area." */
export function describeView(
	query: InsightsQuery,
	names: { hub: string | null; theme: string | null; area: string | null },
	allHubs: string,
): string {
	return [
		`Figures from ${formatDate(query.from)} to ${formatDate(query.to)} for`,
		`${names.hub ?? allHubs.toLowerCase()},`,
		names.theme ? `theme: ${names.theme},` : 'every theme,',
		names.area ? `area: ${names.area}.` : 'every area.',
	].join(' ');
}
