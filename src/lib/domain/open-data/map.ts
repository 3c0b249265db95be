/**
 * Our published directory as Open Referral UK 3.0 objects. Hubs are locations, services are
 * services, a service at a hub is a service_at_location, drop-in patterns are schedules (with a
 * `schedule_link` to the page where the sessions are booked), themes are taxonomy terms of one
 * taxonomy, organisations are organizations. Fields the UK profile leaves out but HSDS 3.0 core
 * has (a location's url, email, transportation, phones, languages and opening-hours schedules,
 * an address's address_2, a service's phones, eligibility_description and application_process)
 * are added under their HSDS names, so that nothing public is lost and an export imports back.
 * Empty optional values are left out rather than sent as null, as the schemas require.
 */
import { accessFeatureLabel } from '../directory/access.ts';
import { describeRrule } from '../schedule/recurrence.ts';
import { formatTime, WEEKDAYS, weekdayOf } from '../time.ts';
import { nestedId, THEMES_TAXONOMY_ID } from './ids.ts';
import {
	joinText,
	type OpenDirectory,
	type OpenHub,
	type OpenOrganisation,
	type OpenPattern,
	type OpenService,
	type OpenTheme,
} from './model.ts';

/** An Open Referral object as JSON. */
export type OrukObject = { [key: string]: unknown };

/** Lookups over a directory, built once per directory. */
export interface DirectoryIndex {
	dir: OpenDirectory;
	hubs: Map<string, OpenHub>;
	services: Map<string, OpenService>;
	themes: Map<string, OpenTheme>;
	organisations: Map<string, OpenOrganisation>;
	patternsByService: Map<string, OpenPattern[]>;
	/** Services at hubs by their id. */
	places: Map<string, { service: OpenService; hub: OpenHub }>;
}

/** Builds the lookups for a directory. */
export function indexDirectory(dir: OpenDirectory): DirectoryIndex {
	const hubs = new Map(dir.hubs.map((h) => [h.id, h]));
	const services = new Map(dir.services.map((s) => [s.id, s]));
	const patternsByService = new Map<string, OpenPattern[]>();
	for (const p of dir.patterns)
		patternsByService.set(p.serviceId, [...(patternsByService.get(p.serviceId) ?? []), p]);
	const places = new Map<string, { service: OpenService; hub: OpenHub }>();
	for (const s of dir.services)
		for (const p of s.places) {
			const hub = hubs.get(p.hubId);
			if (hub) places.set(p.serviceHubId, { service: s, hub });
		}
	return {
		dir,
		hubs,
		services,
		themes: new Map(dir.themes.map((t) => [t.id, t])),
		organisations: new Map(dir.organisations.map((o) => [o.id, o])),
		patternsByService,
		places,
	};
}

/** Leaves out null, undefined and empty-string values. */
function present(entries: Record<string, unknown>): OrukObject {
	return Object.fromEntries(
		Object.entries(entries).filter(([, v]) => v !== null && v !== undefined && v !== ''),
	);
}

/** The name of the taxonomy of themes. */
export const THEMES_TAXONOMY_NAME = 'Themes of support';

/** The one taxonomy: our themes of support (with its terms when `terms` is given). */
export function taxonomyObject(origin: string, terms?: readonly OpenTheme[]): OrukObject {
	return {
		id: THEMES_TAXONOMY_ID,
		name: THEMES_TAXONOMY_NAME,
		description:
			'The themes of support that the services at our community hubs are listed under, such as welfare and benefits, food, or carer support.',
		uri: `${origin}/themes`,
		version: '1',
		...(terms ? { taxonomy_terms: terms.map((t) => termObject(t, origin)) } : {}),
	};
}

/** A theme as a taxonomy term. */
export function termObject(t: OpenTheme, origin: string): OrukObject {
	return {
		id: t.id,
		name: t.name,
		description: joinText(t.summary, t.description),
		taxonomy: THEMES_TAXONOMY_NAME,
		taxonomy_id: THEMES_TAXONOMY_ID,
		term_uri: `${origin}/themes/${t.slug}`,
		term: t.name,
	};
}

/** An organisation (its one-to-one fields). */
export function organisationObject(o: OpenOrganisation): OrukObject {
	return present({ id: o.id, name: o.name, description: o.description, website: o.website });
}

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** A wall-clock time as Open Referral writes it ("10:00:00"). */
const clock = (time: string) => `${time}:00`;

function openingHoursSchedules(hub: OpenHub): OrukObject[] {
	return [...hub.openingHours]
		.sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt))
		.map((p) => ({
			id: nestedId(hub.id, `opening-hours/${p.weekday}/${p.opensAt}`),
			location_id: hub.id,
			freq: 'WEEKLY',
			byday: DAY_CODES[p.weekday - 1],
			opens_at: clock(p.opensAt),
			closes_at: clock(p.closesAt),
			description: `Open ${WEEKDAYS[p.weekday - 1]!.name} ${formatTime(p.opensAt)} to ${formatTime(p.closesAt)}`,
		}));
}

/** A hub as a location: its one-to-one fields, or everything (`full`). */
export function locationObject(hub: OpenHub, full: boolean): OrukObject {
	const base = present({
		id: hub.id,
		location_type: 'physical',
		name: hub.name,
		description: joinText(hub.summary, hub.description),
		latitude: hub.latitude,
		longitude: hub.longitude,
	});
	if (!full) return base;
	return {
		...base,
		...present({
			organization_id: hub.organisationId,
			url: hub.website,
			email: hub.email,
			transportation: hub.howToGetThere,
		}),
		addresses: [
			present({
				id: nestedId(hub.id, 'address'),
				location_id: hub.id,
				address_1: hub.addressLine1,
				address_2: hub.addressLine2,
				city: hub.town,
				region: hub.areaName,
				state_province: 'Scotland',
				postal_code: hub.postcode,
				country: 'GB',
				address_type: 'physical',
			}),
		],
		accessibility: hub.accessFeatures.map((f) => ({
			id: nestedId(hub.id, `accessibility/${f}`),
			location_id: hub.id,
			description: accessFeatureLabel(f),
		})),
		phones: hub.phone
			? [{ id: nestedId(hub.id, 'phone'), location_id: hub.id, number: hub.phone }]
			: [],
		languages: hub.languages.map((name) => ({
			id: nestedId(hub.id, `language/${name.toLowerCase()}`),
			location_id: hub.id,
			name,
		})),
		schedules: openingHoursSchedules(hub),
	};
}

/** The parts of an RRULE body that Open Referral's schedule has fields for. */
export function ruleParts(rrule: string | null): {
	freq?: string;
	interval?: number;
	byday?: string;
	bymonthday?: string;
} {
	if (rrule === null) return {};
	const parts = new Map(
		rrule.split(';').map((p) => {
			const [k, v] = p.split('=');
			return [k ?? '', v ?? ''] as const;
		}),
	);
	const interval = Number(parts.get('INTERVAL') ?? '1');
	return {
		...(parts.get('FREQ') ? { freq: parts.get('FREQ')! } : {}),
		...(interval > 1 ? { interval } : {}),
		...(parts.get('BYDAY') ? { byday: parts.get('BYDAY')! } : {}),
		...(parts.get('BYMONTHDAY') ? { bymonthday: parts.get('BYMONTHDAY')! } : {}),
	};
}

/** The ISO weekdays (1 = Monday) a drop-in pattern runs on. */
export function patternWeekdays(p: Pick<OpenPattern, 'rrule' | 'startsOn'>): number[] {
	if (p.rrule === null) return [weekdayOf(p.startsOn)];
	const byday = ruleParts(p.rrule).byday;
	if (!byday) return [weekdayOf(p.startsOn)];
	return byday
		.split(',')
		.map((d) => DAY_CODES.indexOf(d.replace(/^[+-]?\d+/, '') as (typeof DAY_CODES)[number]) + 1)
		.filter((d) => d > 0);
}

/** Where people book the sessions of a drop-in pattern: the session list for its hub. */
export function bookingPage(origin: string, hub: OpenHub): string {
	return `${origin}/sessions?hub=${encodeURIComponent(hub.slug)}`;
}

/** A drop-in pattern as a schedule. */
export function scheduleObject(p: OpenPattern, hub: OpenHub, origin: string): OrukObject {
	const rule = ruleParts(p.rrule);
	return present({
		id: p.id,
		service_id: p.serviceId,
		service_at_location_id: p.serviceHubId,
		valid_from: p.startsOn,
		valid_to: p.rrule === null ? p.startsOn : p.endsOn,
		dtstart: p.startsOn,
		...rule,
		description: `${describeRrule(p.rrule)}, ${formatTime(p.startTime)} to ${formatTime(p.endTime)}, at ${hub.name}`,
		opens_at: clock(p.startTime),
		closes_at: clock(p.endTime),
		schedule_link: bookingPage(origin, hub),
		attending_type: 'in person',
		notes:
			p.bookingMode === 'booking'
				? 'Book a place online, or join the waiting list when the session is full.'
				: 'No need to book: just turn up.',
	});
}

/** A service's one-to-one fields, with its organisation's (as `/services` lists them). */
export function serviceListObject(s: OpenService, index: DirectoryIndex): OrukObject {
	const organisation = index.organisations.get(s.organisationId);
	return {
		...present({
			id: s.id,
			organization_id: s.organisationId,
			name: s.name,
			description: joinText(s.summary, s.description),
			url: s.website,
			email: s.email,
			status: 'active',
			fees: s.isFree ? 'Free' : s.costDescription,
			minimum_age: s.minimumAge,
			maximum_age: s.maximumAge,
			assured_date: s.lastReviewedOn,
			last_modified: s.updatedAt,
		}),
		...(organisation ? { organization: organisationObject(organisation) } : {}),
	};
}

function serviceAttributes(s: OpenService, index: DirectoryIndex, origin: string): OrukObject[] {
	return s.themeIds.flatMap((id) => {
		const theme = index.themes.get(id);
		return theme
			? [
					{
						id: nestedId(s.id, `theme/${id}`),
						link_id: s.id,
						link_entity: 'service',
						link_type: 'theme',
						taxonomy_term_id: id,
						taxonomy_term: termObject(theme, origin),
					},
				]
			: [];
	});
}

/**
 * A service with everything about it. `only` limits its places (and their schedules) to one
 * service at a hub; `nested` leaves out the organisation (for an organisation's own list).
 */
export function serviceFullObject(
	s: OpenService,
	index: DirectoryIndex,
	origin: string,
	options: { only?: string; nested?: boolean; withPlaces?: boolean } = {},
): OrukObject {
	const places = s.places.filter((p) => !options.only || p.serviceHubId === options.only);
	const patterns = (index.patternsByService.get(s.id) ?? []).filter((p) =>
		places.some((pl) => pl.serviceHubId === p.serviceHubId),
	);
	const list = serviceListObject(s, index);
	if (options.nested) delete list['organization'];
	return {
		...list,
		...present({
			eligibility_description: s.whoItIsFor,
			application_process: s.referralNeeded ? s.referralDetails : null,
		}),
		schedules: patterns.map((p) => scheduleObject(p, index.hubs.get(p.hubId)!, origin)),
		service_areas: [],
		...(options.withPlaces === false
			? {}
			: {
					service_at_locations: places.map((p) => ({
						id: p.serviceHubId,
						service_id: s.id,
						location_id: p.hubId,
						location: locationObject(index.hubs.get(p.hubId)!, true),
					})),
				}),
		languages: [],
		funding: [],
		cost_options: [],
		contacts: [],
		phones: s.phone ? [{ id: nestedId(s.id, 'phone'), service_id: s.id, number: s.phone }] : [],
		attributes: serviceAttributes(s, index, origin),
	};
}

/** A service at a hub with its one-to-one fields and those of its location and service. */
export function serviceAtLocationListObject(
	serviceHubId: string,
	index: DirectoryIndex,
): OrukObject | null {
	const place = index.places.get(serviceHubId);
	if (!place) return null;
	return {
		id: serviceHubId,
		service_id: place.service.id,
		location_id: place.hub.id,
		location: locationObject(place.hub, false),
		service: serviceListObject(place.service, index),
	};
}

/** A service at a hub with everything about the hub and the service there. */
export function serviceAtLocationFullObject(
	serviceHubId: string,
	index: DirectoryIndex,
	origin: string,
): OrukObject | null {
	const place = index.places.get(serviceHubId);
	if (!place) return null;
	return {
		id: serviceHubId,
		service_id: place.service.id,
		location_id: place.hub.id,
		location: locationObject(place.hub, true),
		service: serviceFullObject(place.service, index, origin, {
			only: serviceHubId,
			withPlaces: false,
		}),
	};
}

/**
 * The whole published directory as an Open Referral organisation package: every organisation
 * that runs a published hub or service, each with its services in full.
 */
export function exportPackage(index: DirectoryIndex, origin: string): OrukObject[] {
	const used = new Set([
		...index.dir.hubs.map((h) => h.organisationId),
		...index.dir.services.map((s) => s.organisationId),
	]);
	return index.dir.organisations
		.filter((o) => used.has(o.id))
		.map((o) => ({
			...organisationObject(o),
			services: index.dir.services
				.filter((s) => s.organisationId === o.id)
				.map((s) => serviceFullObject(s, index, origin, { nested: true })),
		}));
}
