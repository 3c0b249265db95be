/**
 * Reading the figures for insights: each session date in a range with its anonymous counts (table
 * session_count), never booking rows. Every function takes the hubs the caller may see (null: all,
 * for staff), so a volunteer's figures can only ever cover their own hubs.
 */
import type { SessionFigures } from '../../domain/insights/figures.ts';
import type { Db } from '../db/open-database.ts';

/** What to read: a date range, the hubs (already limited to what the caller may see), a theme and an area. */
export interface SessionFilter {
	from: string;
	to: string;
	hubIds: string[] | null;
	themeId: string | null;
	areaId: string | null;
}

/** Session dates in the filter, with their counts (zero where nothing has happened yet). */
export function listSessionFigures(db: Db, filter: SessionFilter): SessionFigures[] {
	if (filter.hubIds !== null && filter.hubIds.length === 0) return [];
	const where = ['s.date >= ?', 's.date <= ?'];
	const args: string[] = [filter.from, filter.to];
	if (filter.hubIds !== null) {
		where.push(`h.id in (${filter.hubIds.map(() => '?').join(', ')})`);
		args.push(...filter.hubIds);
	}
	if (filter.areaId !== null) {
		where.push('h.area_id = ?');
		args.push(filter.areaId);
	}
	if (filter.themeId !== null) {
		where.push(
			'exists (select 1 from service_theme st where st.service_id = sv.id and st.theme_id = ?)',
		);
		args.push(filter.themeId);
	}
	const rows = db.$client
		.prepare(
			`select s.id, s.date, s.status, s.capacity, h.slug as hubSlug, h.name as hubName, sv.id as serviceId, sv.slug as serviceSlug,
			   sv.name as serviceName, a.slug as areaSlug, a.name as areaName,
			   coalesce(c.booked, 0) as booked, coalesce(c.assisted, 0) as assisted,
			   coalesce(c.cancelled_by_person, 0) as cancelledByPerson, coalesce(c.cancelled_by_hub, 0) as cancelledByHub,
			   coalesce(c.attended, 0) as attended, coalesce(c.no_show, 0) as noShow, coalesce(c.walk_ins, 0) as walkIns,
			   coalesce(c.waiting_joined, 0) as waitingJoined, coalesce(c.waiting_promoted, 0) as waitingPromoted,
			   coalesce(c.waiting_left, 0) as waitingLeft
			 from session s
			 join session_pattern p on p.id = s.pattern_id
			 join hub h on h.id = p.hub_id
			 join area a on a.id = h.area_id
			 join service sv on sv.id = p.service_id
			 left join session_count c on c.session_id = s.id
			 where ${where.join(' and ')}
			 order by s.date, s.start_time`,
		)
		.all(...args) as (Omit<SessionFigures, 'themes'> & { serviceId: string })[];
	const themes = db.$client
		.prepare(
			'select st.service_id as serviceId, t.slug, t.name from service_theme st join theme t on t.id = st.theme_id order by t.sort_order, t.name',
		)
		.all() as { serviceId: string; slug: string; name: string }[];
	const byService = new Map<string, { slug: string; name: string }[]>();
	for (const t of themes) {
		const list = byService.get(t.serviceId) ?? [];
		list.push({ slug: t.slug, name: t.name });
		byService.set(t.serviceId, list);
	}
	return rows.map(({ serviceId, ...row }) => ({ ...row, themes: byService.get(serviceId) ?? [] }));
}

/** A hub, theme or area to choose in the filters. */
export interface Choice {
	id: string;
	slug: string;
	name: string;
}

/** The hubs the caller may see, every theme, and the areas of those hubs: the filters' choices. */
export function listInsightsChoices(
	db: Db,
	hubIds: string[] | null,
): { hubs: Choice[]; themes: Choice[]; areas: Choice[] } {
	const allHubs = db.$client
		.prepare('select id, slug, name, area_id as areaId from hub order by name')
		.all() as (Choice & { areaId: string })[];
	const hubs = hubIds === null ? allHubs : allHubs.filter((h) => hubIds.includes(h.id));
	const areaIds = new Set(hubs.map((h) => h.areaId));
	const areas = (
		db.$client.prepare('select id, slug, name from area order by name').all() as Choice[]
	).filter((a) => areaIds.has(a.id));
	const themes = db.$client
		.prepare('select id, slug, name from theme order by sort_order, name')
		.all() as Choice[];
	return {
		hubs: hubs.map(({ id, slug, name }) => ({ id, slug, name })),
		themes,
		areas,
	};
}
