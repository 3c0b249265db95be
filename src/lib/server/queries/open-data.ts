/**
 * Reads the published directory for open data (the API, the export and the feeds). Policy: only
 * published hubs, services that are published and run at a published hub, their themes, the
 * organisations that run them and their drop-in patterns; never a booking, a user or anything
 * else about a person. The result is kept per content version, since every change to published
 * content raises it.
 */
import type { AccessFeature } from '../../domain/directory/access.ts';
import type { OpeningPeriod } from '../../domain/directory/opening-hours.ts';
import type {
	OpenDirectory,
	OpenHub,
	OpenPattern,
	OpenService,
} from '../../domain/open-data/model.ts';
import type { Db } from '../db/open-database.ts';
import { getContentVersion } from './meta.ts';

const cache = new WeakMap<Db, { version: number; dir: OpenDirectory }>();

/** The published directory, read afresh when the content version has changed. */
export function loadOpenDirectory(db: Db): OpenDirectory {
	const version = getContentVersion(db);
	const hit = cache.get(db);
	if (hit && hit.version === version) return hit.dir;
	const dir = readOpenDirectory(db);
	cache.set(db, { version, dir });
	return dir;
}

type HubRow = Omit<OpenHub, 'languages' | 'accessFeatures' | 'openingHours'> & {
	languages: string;
};

/** Reads the published directory from the database. */
export function readOpenDirectory(db: Db): OpenDirectory {
	const q = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];
	const hubRows = q<HubRow>(
		`select h.id, h.slug, h.name, h.summary, h.description, h.address_line1 as addressLine1,
		   h.address_line2 as addressLine2, h.town, h.postcode, a.name as areaName, h.latitude, h.longitude,
		   h.phone, h.email, h.website, h.how_to_get_there as howToGetThere, h.languages,
		   h.organisation_id as organisationId
		 from hub h join area a on a.id = h.area_id where h.status = 'published' order by h.name, h.id`,
	);
	const features = q<{ hubId: string; feature: AccessFeature }>(
		`select f.hub_id as hubId, f.feature from hub_access_feature f join hub h on h.id = f.hub_id
		 where h.status = 'published' order by f.feature`,
	);
	const hours = q<OpeningPeriod & { hubId: string }>(
		`select o.hub_id as hubId, o.weekday, o.opens_at as opensAt, o.closes_at as closesAt
		 from hub_opening_hours o join hub h on h.id = o.hub_id where h.status = 'published'
		 order by o.weekday, o.opens_at`,
	);
	const hubs: OpenHub[] = hubRows.map((h) => ({
		...h,
		languages: h.languages
			.split(',')
			.map((l) => l.trim())
			.filter(Boolean),
		accessFeatures: features.filter((f) => f.hubId === h.id).map((f) => f.feature),
		openingHours: hours
			.filter((o) => o.hubId === h.id)
			.map(({ weekday, opensAt, closesAt }) => ({ weekday, opensAt, closesAt })),
	}));
	const places = q<{ serviceId: string; serviceHubId: string; hubId: string }>(
		`select sh.service_id as serviceId, sh.id as serviceHubId, sh.hub_id as hubId
		 from service_hub sh join hub h on h.id = sh.hub_id and h.status = 'published'
		 join service s on s.id = sh.service_id and s.status = 'published' order by h.name, h.id`,
	);
	const themeLinks = q<{ serviceId: string; themeId: string }>(
		`select st.service_id as serviceId, st.theme_id as themeId from service_theme st
		 join theme t on t.id = st.theme_id order by t.sort_order, t.name, t.id`,
	);
	const services: OpenService[] = q<
		Omit<OpenService, 'isFree' | 'referralNeeded' | 'themeIds' | 'places'> & {
			isFree: number;
			referralNeeded: number;
		}
	>(
		`select id, slug, name, summary, description, who_it_is_for as whoItIsFor, minimum_age as minimumAge,
			   maximum_age as maximumAge, is_free as isFree, cost_description as costDescription,
			   referral_needed as referralNeeded, referral_details as referralDetails, phone, email, website,
			   last_reviewed_on as lastReviewedOn, updated_at as updatedAt, organisation_id as organisationId
			 from service where status = 'published' order by name, id`,
	)
		.map((s) => ({
			...s,
			isFree: s.isFree === 1,
			referralNeeded: s.referralNeeded === 1,
			themeIds: themeLinks.filter((t) => t.serviceId === s.id).map((t) => t.themeId),
			places: places
				.filter((p) => p.serviceId === s.id)
				.map(({ serviceHubId, hubId }) => ({ serviceHubId, hubId })),
		}))
		.filter((s) => s.places.length > 0);
	const patterns = q<OpenPattern>(
		`select p.id, p.service_id as serviceId, p.hub_id as hubId, sh.id as serviceHubId, p.rrule,
		   p.starts_on as startsOn, p.ends_on as endsOn, p.start_time as startTime, p.end_time as endTime,
		   p.booking_mode as bookingMode
		 from session_pattern p
		 join service_hub sh on sh.service_id = p.service_id and sh.hub_id = p.hub_id
		 join service s on s.id = p.service_id and s.status = 'published'
		 join hub h on h.id = p.hub_id and h.status = 'published'
		 order by p.starts_on, p.start_time, p.id`,
	);
	const usedOrganisations = new Set([
		...hubs.map((h) => h.organisationId),
		...services.map((s) => s.organisationId),
	]);
	const organisations = q<{
		id: string;
		name: string;
		description: string;
		website: string | null;
	}>('select id, name, description, website from organisation order by name, id').filter((o) =>
		usedOrganisations.has(o.id),
	);
	const themes = q<{
		id: string;
		slug: string;
		name: string;
		summary: string;
		description: string;
	}>('select id, slug, name, summary, description from theme order by sort_order, name, id');
	return { organisations, themes, hubs, services, patterns };
}

/** The public directory pages for the sitemap, with when each last changed. */
export function listSitemapEntries(db: Db): { path: string; lastModified?: string }[] {
	const hubs = db.$client
		.prepare(
			"select slug, substr(updated_at, 1, 10) as changed from hub where status = 'published' order by name",
		)
		.all() as { slug: string; changed: string }[];
	const themes = db.$client
		.prepare('select slug from theme order by sort_order, name')
		.pluck()
		.all() as string[];
	return [
		{ path: '/' },
		{ path: '/hubs' },
		...hubs.map((h) => ({ path: `/hubs/${h.slug}`, lastModified: h.changed })),
		{ path: '/themes' },
		...themes.map((slug) => ({ path: `/themes/${slug}` })),
		{ path: '/sessions' },
		{ path: '/accessibility' },
		{ path: '/privacy' },
	];
}
