/**
 * schema.org structured data (JSON-LD) for search engines and link previews, and the sitemap.
 * Hub pages describe a place people can visit, with opening hours, closures and accessibility;
 * session pages describe an event with its status and the places left. Links are absolute when
 * the site's public origin is known, and relative otherwise (JSON-LD resolves them against the
 * page), so a cached page never carries an address taken from a request's Host header.
 */
import { Temporal } from 'temporal-polyfill';
import { accessFeatureLabel, type AccessFeature } from '../directory/access.ts';
import { upcomingClosures, type Closure, type OpeningPeriod } from '../directory/opening-hours.ts';
import type { Availability } from '../booking/availability.ts';
import { TIME_ZONE, WEEKDAYS } from '../time.ts';

/** The text of a `<script type="application/ld+json">`, safe to put inside HTML. */
export function jsonLdText(data: object): string {
	return JSON.stringify(data)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026');
}

/** A postal address as schema.org has it. */
interface AddressParts {
	addressLine1: string;
	addressLine2?: string | null;
	town: string;
	postcode: string;
}

function postalAddress(a: AddressParts): object {
	return {
		'@type': 'PostalAddress',
		streetAddress: [a.addressLine1, a.addressLine2].filter(Boolean).join(', '),
		addressLocality: a.town,
		postalCode: a.postcode,
		addressCountry: 'GB',
	};
}

function geo(latitude: number | null, longitude: number | null): object {
	return latitude !== null && longitude !== null
		? { geo: { '@type': 'GeoCoordinates', latitude, longitude } }
		: {};
}

/** What the hub page knows about a hub. */
export interface HubForStructuredData extends AddressParts {
	slug: string;
	name: string;
	summary: string;
	latitude: number | null;
	longitude: number | null;
	phone: string | null;
	email: string | null;
	website: string | null;
	accessFeatures: readonly AccessFeature[];
	openingHours: readonly OpeningPeriod[];
	closures: readonly Closure[];
	organisation: { name: string };
}

/** A hub as a schema.org place people can visit (a civic structure run like a local business). */
export function hubStructuredData(
	hub: HubForStructuredData,
	origin: string,
	today: string,
): object {
	const url = `${origin}/hubs/${hub.slug}`;
	return {
		'@context': 'https://schema.org',
		'@type': ['CivicStructure', 'LocalBusiness'],
		'@id': `${url}#hub`,
		name: hub.name,
		description: hub.summary,
		url,
		address: postalAddress(hub),
		...geo(hub.latitude, hub.longitude),
		...(hub.phone ? { telephone: hub.phone } : {}),
		...(hub.email ? { email: hub.email } : {}),
		...(hub.website ? { sameAs: hub.website } : {}),
		isAccessibleForFree: true,
		publicAccess: true,
		parentOrganization: { '@type': 'Organization', name: hub.organisation.name },
		openingHoursSpecification: [...hub.openingHours]
			.sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt))
			.map((p) => ({
				'@type': 'OpeningHoursSpecification',
				dayOfWeek: `https://schema.org/${WEEKDAYS[p.weekday - 1]!.name}`,
				opens: p.opensAt,
				closes: p.closesAt,
			})),
		// schema.org's way of saying "closed on these dates": opens and closes at midnight.
		specialOpeningHoursSpecification: upcomingClosures(hub.closures, today).map((c) => ({
			'@type': 'OpeningHoursSpecification',
			validFrom: c.startsOn,
			validThrough: c.endsOn,
			opens: '00:00',
			closes: '00:00',
			description: c.reason,
		})),
		amenityFeature: hub.accessFeatures.map((f) => ({
			'@type': 'LocationFeatureSpecification',
			name: accessFeatureLabel(f),
			value: true,
		})),
	};
}

/** A local date and wall-clock time in Europe/London as an ISO date-time with its offset. */
export function londonDateTime(date: string, time: string): string {
	return Temporal.PlainDate.from(date)
		.toZonedDateTime({ timeZone: TIME_ZONE, plainTime: Temporal.PlainTime.from(time) })
		.toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/** What the session page knows about a session. */
export interface SessionForStructuredData {
	id: string;
	date: string;
	startTime: string;
	endTime: string;
	capacity: number;
	placesTaken: number;
	status: 'scheduled' | 'cancelled';
	bookingMode: 'booking' | 'walk-in';
	service: { name: string; summary: string };
	hub: { slug: string; name: string; addressLine1: string; postcode: string };
	serviceDetail: { isFree: boolean };
	hubDetail: { town: string; latitude: number | null; longitude: number | null };
}

const OFFER_AVAILABILITY: Partial<Record<Availability['kind'], string>> = {
	open: 'https://schema.org/InStock',
	full: 'https://schema.org/SoldOut',
	'not-open-yet': 'https://schema.org/PreOrder',
	closed: 'https://schema.org/SoldOut',
	past: 'https://schema.org/Discontinued',
};

/** A drop-in session as a schema.org event, with its status and (for booked sessions) places left. */
export function sessionStructuredData(
	s: SessionForStructuredData,
	state: Availability,
	origin: string,
): object {
	const url = `${origin}/sessions/${s.id}`;
	const offerAvailability = OFFER_AVAILABILITY[state.kind];
	return {
		'@context': 'https://schema.org',
		'@type': 'Event',
		'@id': `${url}#session`,
		name: `${s.service.name} at ${s.hub.name}`,
		description: s.service.summary,
		url,
		startDate: londonDateTime(s.date, s.startTime),
		endDate: londonDateTime(s.date, s.endTime),
		eventStatus:
			s.status === 'cancelled'
				? 'https://schema.org/EventCancelled'
				: 'https://schema.org/EventScheduled',
		eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
		isAccessibleForFree: s.serviceDetail.isFree,
		location: {
			'@type': 'Place',
			'@id': `${origin}/hubs/${s.hub.slug}#hub`,
			name: s.hub.name,
			url: `${origin}/hubs/${s.hub.slug}`,
			address: postalAddress({
				addressLine1: s.hub.addressLine1,
				town: s.hubDetail.town,
				postcode: s.hub.postcode,
			}),
			...geo(s.hubDetail.latitude, s.hubDetail.longitude),
		},
		...(s.bookingMode === 'booking'
			? {
					maximumAttendeeCapacity: s.capacity,
					remainingAttendeeCapacity: Math.max(0, s.capacity - s.placesTaken),
					...(offerAvailability && s.status !== 'cancelled'
						? {
								offers: {
									'@type': 'Offer',
									url,
									availability: offerAvailability,
									...(s.serviceDetail.isFree ? { price: 0, priceCurrency: 'GBP' } : {}),
								},
							}
						: {}),
				}
			: {}),
	};
}

/** One entry of the sitemap: a path and the date it last changed (if known). */
export interface SitemapEntry {
	path: string;
	lastModified?: string;
}

const xml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A sitemap (sitemaps.org protocol) of absolute URLs. */
export function sitemapXml(origin: string, entries: readonly SitemapEntry[]): string {
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
		...entries.map(
			(e) =>
				`<url><loc>${xml(origin + e.path)}</loc>${e.lastModified ? `<lastmod>${xml(e.lastModified)}</lastmod>` : ''}</url>`,
		),
		'</urlset>',
		'',
	].join('\n');
}

/** robots.txt: directory pages and open data are for everyone; the back office and bookings are not. */
export function robotsTxt(origin: string): string {
	return [
		'User-agent: *',
		'Disallow: /admin',
		'Disallow: /volunteer',
		'Disallow: /bookings',
		'Disallow: /set-password',
		'Disallow: /sign-in',
		'Disallow: /forgot-password',
		'Allow: /',
		'',
		`Sitemap: ${origin}/sitemap.xml`,
		'',
	].join('\n');
}
