/**
 * The published directory as open data sees it: our own records (hubs, services, themes,
 * organisations, drop-in patterns) in our own words. Only published, public information is in
 * here (the query that fills it reads published records only); no booking and no person ever is.
 */
import type { AccessFeature } from '../directory/access.ts';
import type { OpeningPeriod } from '../directory/opening-hours.ts';

/** An organisation that runs hubs or services. */
export interface OpenOrganisation {
	id: string;
	name: string;
	description: string;
	website: string | null;
}

/** A theme of support. */
export interface OpenTheme {
	id: string;
	slug: string;
	name: string;
	summary: string;
	description: string;
}

/** A published hub. */
export interface OpenHub {
	id: string;
	slug: string;
	name: string;
	summary: string;
	description: string;
	addressLine1: string;
	addressLine2: string | null;
	town: string;
	postcode: string;
	areaName: string;
	latitude: number | null;
	longitude: number | null;
	phone: string | null;
	email: string | null;
	website: string | null;
	howToGetThere: string;
	languages: string[];
	organisationId: string;
	accessFeatures: AccessFeature[];
	openingHours: OpeningPeriod[];
}

/** Where a published service runs: a published hub, with the id of the service at that hub. */
export interface OpenPlace {
	serviceHubId: string;
	hubId: string;
}

/** A published service that runs at one or more published hubs. */
export interface OpenService {
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
	/** When the published version last changed (ISO instant). */
	updatedAt: string;
	organisationId: string;
	themeIds: string[];
	places: OpenPlace[];
}

/** A drop-in pattern of a published service at a published hub. */
export interface OpenPattern {
	id: string;
	serviceId: string;
	hubId: string;
	serviceHubId: string;
	/** RRULE body without DTSTART; null for a one-off session. */
	rrule: string | null;
	startsOn: string;
	endsOn: string | null;
	startTime: string;
	endTime: string;
	bookingMode: 'booking' | 'walk-in';
}

/** Everything open data publishes, in display order (themes by position, the rest by name). */
export interface OpenDirectory {
	organisations: OpenOrganisation[];
	themes: OpenTheme[];
	hubs: OpenHub[];
	services: OpenService[];
	patterns: OpenPattern[];
}

/**
 * A summary and a longer description as one Open Referral `description`: the summary, then the
 * description after a blank line when there is one that says more. `splitText` reverses it.
 */
export function joinText(summary: string, description: string): string {
	const more = description.trim();
	return more === '' || more === summary.trim() ? summary.trim() : `${summary.trim()}\n\n${more}`;
}

/** An Open Referral `description` split back into a summary (its first paragraph) and the rest. */
export function splitText(text: string): { summary: string; description: string } {
	const normal = text.replace(/\r\n?/g, '\n').trim();
	const at = normal.indexOf('\n\n');
	if (at === -1) return { summary: normal, description: '' };
	return { summary: normal.slice(0, at).trim(), description: normal.slice(at + 2).trim() };
}
