/**
 * Read queries for the public directory. Every query here returns published records only.
 */
import type { AccessFeature } from '../../domain/directory/access.ts';
import type { Closure, OpeningPeriod } from '../../domain/directory/opening-hours.ts';
import { buildMatchExpression } from '../../domain/search/fuzzy.ts';
import {
	HUBS_PER_PAGE,
	pageCount,
	suggestLoosening,
	type FilterNames,
	type HubQuery,
	type Loosening,
} from '../../domain/search/hub-query.ts';
import type { Db } from '../db/open-database.ts';
import { getVocabulary } from './search-index.ts';

/** A theme as listed. */
export interface ThemeSummary {
	id: string;
	slug: string;
	name: string;
	summary: string;
	sensitive: boolean;
}

/** An area as listed, with its number of published hubs. */
export interface AreaSummary {
	id: string;
	slug: string;
	name: string;
	hubCount: number;
}

/** A hub as shown in a list of results. */
export interface HubSummary {
	id: string;
	slug: string;
	name: string;
	summary: string;
	addressLine1: string;
	postcode: string;
	areaName: string;
	themes: { slug: string; name: string }[];
}

/** A page of hub search results. */
export interface HubSearchResult {
	total: number;
	hubs: HubSummary[];
}

/** A service as shown on a hub or theme page. */
export interface ServiceDetail {
	id: string;
	slug: string;
	name: string;
	summary: string;
	description: string;
	whoItIsFor: string;
	minimumAge: number | null;
	maximumAge: number | null;
	isFree: boolean;
	costDescription: string;
	referralNeeded: boolean;
	referralDetails: string;
	phone: string | null;
	email: string | null;
	website: string | null;
	lastReviewedOn: string;
	themes: { slug: string; name: string }[];
}

/** Everything the hub page shows. */
export interface HubDetail {
	id: string;
	slug: string;
	name: string;
	summary: string;
	description: string;
	addressLine1: string;
	addressLine2: string | null;
	town: string;
	postcode: string;
	latitude: number | null;
	longitude: number | null;
	phone: string | null;
	email: string | null;
	website: string | null;
	howToGetThere: string;
	languages: string[];
	lastReviewedOn: string;
	area: { slug: string; name: string };
	organisation: { name: string };
	accessFeatures: AccessFeature[];
	openingHours: OpeningPeriod[];
	closures: Closure[];
	services: ServiceDetail[];
}

/** A theme page: the theme and the published services and hubs that cover it. */
export interface ThemeDetail extends ThemeSummary {
	description: string;
	services: (ServiceDetail & { hubs: { slug: string; name: string; areaName: string }[] })[];
}

/** All themes, in their display order. */
export function listThemes(db: Db): ThemeSummary[] {
	return (
		db.$client
			.prepare('select id, slug, name, summary, sensitive from theme order by sort_order, name')
			.all() as (Omit<ThemeSummary, 'sensitive'> & { sensitive: number })[]
	).map((t) => ({ ...t, sensitive: t.sensitive === 1 }));
}

/** Areas that have at least one published hub, by name. */
export function listAreas(db: Db): AreaSummary[] {
	return db.$client
		.prepare(
			`select a.id, a.slug, a.name, count(h.id) as hubCount from area a
			 join hub h on h.area_id = a.id and h.status = 'published'
			 group by a.id order by a.name`,
		)
		.all() as AreaSummary[];
}

function searchSql(
	db: Db,
	query: HubQuery,
): { from: string; where: string[]; params: unknown[]; ranked: boolean } {
	const params: unknown[] = [];
	const where = ["h.status = 'published'"];
	let from = 'hub h join area a on a.id = h.area_id';
	let ranked = false;
	const match = query.text ? buildMatchExpression(query.text, getVocabulary(db)) : null;
	if (query.text && match === null) where.push('0');
	if (match) {
		from +=
			' join (select hub_id, rank from hub_search where hub_search match ?) m on m.hub_id = h.id';
		params.push(match);
		ranked = true;
	}
	if (query.area) {
		where.push('a.slug = ?');
		params.push(query.area);
	}
	if (query.day) {
		where.push(
			'exists (select 1 from hub_opening_hours o where o.hub_id = h.id and o.weekday = ?)',
		);
		params.push(query.day);
	}
	for (const feature of query.access) {
		where.push(
			'exists (select 1 from hub_access_feature f where f.hub_id = h.id and f.feature = ?)',
		);
		params.push(feature);
	}
	if (query.theme || query.noReferral) {
		// Theme and "no referral needed" apply to the same service: a hub qualifies when one of its
		// published services both covers the theme and needs no referral.
		let service =
			"select 1 from service_hub sh join service s on s.id = sh.service_id and s.status = 'published'";
		if (query.theme) {
			service +=
				' join service_theme st on st.service_id = s.id join theme t on t.id = st.theme_id and t.slug = ?';
			params.push(query.theme);
		}
		service += ' where sh.hub_id = h.id';
		if (query.noReferral) service += ' and s.referral_needed = 0';
		where.push(`exists (${service})`);
	}
	return { from, where, params, ranked };
}

/** How many published hubs a search finds. */
export function countHubs(db: Db, query: HubQuery): number {
	const q = searchSql(db, query);
	return (
		db.$client
			.prepare(`select count(*) as n from ${q.from} where ${q.where.join(' and ')}`)
			.get(...q.params) as {
			n: number;
		}
	).n;
}

/** One page of a search of published hubs: best matches first for text, else by name. */
export function searchHubs(db: Db, query: HubQuery): HubSearchResult {
	const q = searchSql(db, query);
	const where = q.where.join(' and ');
	const total = (
		db.$client.prepare(`select count(*) as n from ${q.from} where ${where}`).get(...q.params) as {
			n: number;
		}
	).n;
	const rows = db.$client
		.prepare(
			`select h.id, h.slug, h.name, h.summary, h.address_line1 as addressLine1, h.postcode, a.name as areaName
			 from ${q.from} where ${where}
			 order by ${q.ranked ? 'm.rank, ' : ''}h.name limit ? offset ?`,
		)
		.all(...q.params, HUBS_PER_PAGE, (query.page - 1) * HUBS_PER_PAGE) as Omit<
		HubSummary,
		'themes'
	>[];
	const themes = themesOfHubs(
		db,
		rows.map((r) => r.id),
	);
	return { total, hubs: rows.map((r) => ({ ...r, themes: themes.get(r.id) ?? [] })) };
}

function themesOfHubs(db: Db, hubIds: string[]): Map<string, { slug: string; name: string }[]> {
	const result = new Map<string, { slug: string; name: string }[]>();
	if (hubIds.length === 0) return result;
	const rows = db.$client
		.prepare(
			`select distinct sh.hub_id as hubId, t.slug, t.name, t.sort_order from service_hub sh
			 join service s on s.id = sh.service_id and s.status = 'published'
			 join service_theme st on st.service_id = s.id join theme t on t.id = st.theme_id
			 where sh.hub_id in (${hubIds.map(() => '?').join(',')})
			 order by t.sort_order, t.name`,
		)
		.all(...hubIds) as { hubId: string; slug: string; name: string }[];
	for (const r of rows) {
		const list = result.get(r.hubId) ?? [];
		list.push({ slug: r.slug, name: r.name });
		result.set(r.hubId, list);
	}
	return result;
}

type ServiceRow = Omit<ServiceDetail, 'themes' | 'isFree' | 'referralNeeded'> & {
	isFree: number;
	referralNeeded: number;
};

const SERVICE_COLUMNS = `s.id, s.slug, s.name, s.summary, s.description, s.who_it_is_for as whoItIsFor,
	s.minimum_age as minimumAge, s.maximum_age as maximumAge, s.is_free as isFree,
	s.cost_description as costDescription, s.referral_needed as referralNeeded,
	s.referral_details as referralDetails, s.phone, s.email, s.website, s.last_reviewed_on as lastReviewedOn`;

function withThemes(db: Db, rows: ServiceRow[]): ServiceDetail[] {
	if (rows.length === 0) return [];
	const themeRows = db.$client
		.prepare(
			`select st.service_id as serviceId, t.slug, t.name from service_theme st join theme t on t.id = st.theme_id
			 where st.service_id in (${rows.map(() => '?').join(',')}) order by t.sort_order, t.name`,
		)
		.all(...rows.map((r) => r.id)) as { serviceId: string; slug: string; name: string }[];
	return rows.map((r) => ({
		...r,
		isFree: r.isFree === 1,
		referralNeeded: r.referralNeeded === 1,
		themes: themeRows.filter((t) => t.serviceId === r.id).map(({ slug, name }) => ({ slug, name })),
	}));
}

/** A published hub by its slug, with everything its page shows, or null. */
export function getHubBySlug(db: Db, slug: string): HubDetail | null {
	const hub = db.$client
		.prepare(
			`select h.id, h.slug, h.name, h.summary, h.description, h.address_line1 as addressLine1,
			   h.address_line2 as addressLine2, h.town, h.postcode, h.latitude, h.longitude, h.phone, h.email,
			   h.website, h.how_to_get_there as howToGetThere, h.languages, h.last_reviewed_on as lastReviewedOn,
			   a.slug as areaSlug, a.name as areaName, o.name as organisationName
			 from hub h join area a on a.id = h.area_id join organisation o on o.id = h.organisation_id
			 where h.slug = ? and h.status = 'published'`,
		)
		.get(slug) as (Record<string, unknown> & { id: string; languages: string }) | undefined;
	if (!hub) return null;
	const { areaSlug, areaName, organisationName, languages, ...rest } = hub;
	const openingHours = db.$client
		.prepare(
			'select weekday, opens_at as opensAt, closes_at as closesAt from hub_opening_hours where hub_id = ?',
		)
		.all(hub.id) as OpeningPeriod[];
	const accessFeatures = db.$client
		.prepare('select feature from hub_access_feature where hub_id = ? order by feature')
		.pluck()
		.all(hub.id) as AccessFeature[];
	const closures = (
		db.$client
			.prepare(
				`select starts_on as startsOn, ends_on as endsOn, reason, hub_id is null as allHubs from closure
				 where hub_id = ? or hub_id is null order by starts_on`,
			)
			.all(hub.id) as (Omit<Closure, 'allHubs'> & { allHubs: number })[]
	).map((c) => ({ ...c, allHubs: c.allHubs === 1 }));
	const services = withThemes(
		db,
		db.$client
			.prepare(
				`select ${SERVICE_COLUMNS} from service_hub sh join service s on s.id = sh.service_id
				 where sh.hub_id = ? and s.status = 'published' order by s.name`,
			)
			.all(hub.id) as ServiceRow[],
	);
	return {
		...(rest as unknown as Omit<
			HubDetail,
			| 'area'
			| 'organisation'
			| 'languages'
			| 'accessFeatures'
			| 'openingHours'
			| 'closures'
			| 'services'
		>),
		languages: languages
			.split(',')
			.map((l) => l.trim())
			.filter(Boolean),
		area: { slug: areaSlug as string, name: areaName as string },
		organisation: { name: organisationName as string },
		accessFeatures,
		openingHours,
		closures,
		services,
	};
}

/** A theme by its slug, with the published services that cover it and where they run, or null. */
export function getThemeBySlug(db: Db, slug: string): ThemeDetail | null {
	const theme = db.$client
		.prepare('select id, slug, name, summary, description, sensitive from theme where slug = ?')
		.get(slug) as (Omit<ThemeDetail, 'services' | 'sensitive'> & { sensitive: number }) | undefined;
	if (!theme) return null;
	const services = withThemes(
		db,
		db.$client
			.prepare(
				`select ${SERVICE_COLUMNS} from service_theme st join service s on s.id = st.service_id
				 where st.theme_id = ? and s.status = 'published'
				   and exists (select 1 from service_hub sh join hub h on h.id = sh.hub_id
				               where sh.service_id = s.id and h.status = 'published')
				 order by s.name`,
			)
			.all(theme.id) as ServiceRow[],
	);
	const hubRows = services.length
		? (db.$client
				.prepare(
					`select sh.service_id as serviceId, h.slug, h.name, a.name as areaName from service_hub sh
					 join hub h on h.id = sh.hub_id and h.status = 'published' join area a on a.id = h.area_id
					 where sh.service_id in (${services.map(() => '?').join(',')}) order by h.name`,
				)
				.all(...services.map((s) => s.id)) as {
				serviceId: string;
				slug: string;
				name: string;
				areaName: string;
			}[])
		: [];
	return {
		...theme,
		sensitive: theme.sensitive === 1,
		services: services.map((s) => ({
			...s,
			hubs: hubRows
				.filter((h) => h.serviceId === s.id)
				.map(({ slug, name, areaName }) => ({ slug, name, areaName })),
		})),
	};
}

/** Everything the hub list page shows for a search. */
export interface HubListPage extends HubSearchResult {
	query: HubQuery;
	pages: number;
	themes: ThemeSummary[];
	areas: AreaSummary[];
	names: FilterNames;
	/** For a search that found nothing: filters whose removal would find hubs. */
	suggestions: Loosening[];
}

/** Runs a hub search for the list page, with what is needed to explain an empty result. */
export function getHubListPage(db: Db, query: HubQuery): HubListPage {
	const themes = listThemes(db);
	const areas = listAreas(db);
	const names: FilterNames = {
		themes: new Map(themes.map((t) => [t.slug, t.name])),
		areas: new Map(areas.map((a) => [a.slug, a.name])),
	};
	let result = searchHubs(db, query);
	const pages = pageCount(result.total);
	if (query.page > pages) {
		query = { ...query, page: pages };
		result = searchHubs(db, query);
	}
	const suggestions = result.total === 0 ? suggestLoosening(query, (q) => countHubs(db, q)) : [];
	return { ...result, query, pages, themes, areas, names, suggestions };
}
