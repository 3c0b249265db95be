/**
 * Read queries for drop-in sessions. Public queries list sessions of published services at
 * published hubs only.
 */
import type { SessionQuery } from '../../domain/search/session-query.ts';
import type { Db } from '../db/open-database.ts';
import { hashToken, isManageTokenShape } from '../booking/tokens.ts';

/** A session as listed and as its page shows it. */
export interface SessionSummary {
	id: string;
	patternId: string;
	date: string;
	startTime: string;
	endTime: string;
	capacity: number;
	placesTaken: number;
	status: 'scheduled' | 'cancelled';
	cancelReason: string | null;
	sequence: number;
	rrule: string | null;
	bookingMode: 'booking' | 'walk-in';
	bookingOpensDays: number | null;
	bookingClosesHours: number | null;
	maxPlacesPerBooking: number;
	waitingList: 'automatic' | 'offer';
	waitingCount: number;
	service: { id: string; slug: string; name: string; summary: string };
	hub: {
		id: string;
		slug: string;
		name: string;
		areaName: string;
		addressLine1: string;
		postcode: string;
	};
	themes: { slug: string; name: string }[];
}

/** The extra detail the session page shows. */
export interface SessionDetail extends SessionSummary {
	serviceDetail: {
		description: string;
		whoItIsFor: string;
		minimumAge: number | null;
		maximumAge: number | null;
		isFree: boolean;
		costDescription: string;
		referralNeeded: boolean;
	};
	hubDetail: {
		town: string;
		phone: string | null;
		email: string | null;
		howToGetThere: string;
		accessFeatures: string[];
		latitude: number | null;
		longitude: number | null;
	};
}

const COLUMNS = `s.id, s.pattern_id as patternId, s.date, s.start_time as startTime, s.end_time as endTime,
	s.capacity, s.places_taken as placesTaken, s.status, s.cancel_reason as cancelReason, s.sequence,
	p.rrule, p.booking_mode as bookingMode, p.booking_opens_days as bookingOpensDays,
	p.booking_closes_hours as bookingClosesHours, p.max_places_per_booking as maxPlacesPerBooking,
	p.waiting_list as waitingList,
	(select coalesce(sum(b.places), 0) from booking b where b.session_id = s.id and b.status = 'waiting') as waitingCount,
	sv.id as serviceId, sv.slug as serviceSlug, sv.name as serviceName, sv.summary as serviceSummary,
	h.id as hubId, h.slug as hubSlug, h.name as hubName, a.name as areaName, h.address_line1 as addressLine1, h.postcode`;

const FROM = `session s join session_pattern p on p.id = s.pattern_id
	join service sv on sv.id = p.service_id and sv.status = 'published'
	join hub h on h.id = p.hub_id and h.status = 'published'
	join area a on a.id = h.area_id`;

type Row = Record<string, unknown>;

function toSummary(r: Row, themes: Map<string, { slug: string; name: string }[]>): SessionSummary {
	return {
		id: r['id'] as string,
		patternId: r['patternId'] as string,
		date: r['date'] as string,
		startTime: r['startTime'] as string,
		endTime: r['endTime'] as string,
		capacity: r['capacity'] as number,
		placesTaken: r['placesTaken'] as number,
		status: r['status'] as 'scheduled' | 'cancelled',
		cancelReason: r['cancelReason'] as string | null,
		sequence: r['sequence'] as number,
		rrule: r['rrule'] as string | null,
		bookingMode: r['bookingMode'] as 'booking' | 'walk-in',
		bookingOpensDays: r['bookingOpensDays'] as number | null,
		bookingClosesHours: r['bookingClosesHours'] as number | null,
		maxPlacesPerBooking: r['maxPlacesPerBooking'] as number,
		waitingList: r['waitingList'] as 'automatic' | 'offer',
		waitingCount: r['waitingCount'] as number,
		service: {
			id: r['serviceId'] as string,
			slug: r['serviceSlug'] as string,
			name: r['serviceName'] as string,
			summary: r['serviceSummary'] as string,
		},
		hub: {
			id: r['hubId'] as string,
			slug: r['hubSlug'] as string,
			name: r['hubName'] as string,
			areaName: r['areaName'] as string,
			addressLine1: r['addressLine1'] as string,
			postcode: r['postcode'] as string,
		},
		themes: themes.get(r['serviceId'] as string) ?? [],
	};
}

function themesOf(db: Db, serviceIds: string[]): Map<string, { slug: string; name: string }[]> {
	const result = new Map<string, { slug: string; name: string }[]>();
	const unique = [...new Set(serviceIds)];
	if (unique.length === 0) return result;
	const rows = db.$client
		.prepare(
			`select st.service_id as serviceId, t.slug, t.name from service_theme st join theme t on t.id = st.theme_id
			 where st.service_id in (${unique.map(() => '?').join(',')}) order by t.sort_order`,
		)
		.all(...unique) as { serviceId: string; slug: string; name: string }[];
	for (const r of rows)
		result.set(r.serviceId, [...(result.get(r.serviceId) ?? []), { slug: r.slug, name: r.name }]);
	return result;
}

/**
 * The search's conditions on a pattern's service, hub and area (aliases `sv`, `h`, `a`, as in
 * FROM), and on the session's date (alias `s`) for the weekday, with their parameters.
 */
export function sessionFilters(query: Omit<SessionQuery, 'from'>): {
	pattern: string[];
	patternParams: unknown[];
	date: string[];
	dateParams: unknown[];
} {
	const pattern: string[] = [];
	const patternParams: unknown[] = [];
	if (query.hub) {
		pattern.push('h.slug = ?');
		patternParams.push(query.hub);
	}
	if (query.area) {
		pattern.push('a.slug = ?');
		patternParams.push(query.area);
	}
	if (query.theme) {
		pattern.push(
			'exists (select 1 from service_theme st join theme t on t.id = st.theme_id where st.service_id = sv.id and t.slug = ?)',
		);
		patternParams.push(query.theme);
	}
	const date: string[] = [];
	const dateParams: unknown[] = [];
	if (query.day) {
		// SQLite's strftime('%w') counts Sunday as 0; ISO weekdays count Monday as 1 and Sunday as 7.
		date.push("((cast(strftime('%w', s.date) as integer) + 6) % 7) + 1 = ?");
		dateParams.push(query.day);
	}
	return { pattern, patternParams, date, dateParams };
}

/** Sessions from `from` to `to` (inclusive dates), in date and time order, filtered; at most `limit`. */
export function listSessions(
	db: Db,
	query: Omit<SessionQuery, 'from'>,
	from: string,
	to: string,
	limit = -1,
): SessionSummary[] {
	const filters = sessionFilters(query);
	const where = ['s.date >= ?', 's.date <= ?', ...filters.pattern, ...filters.date];
	const params: unknown[] = [from, to, ...filters.patternParams, ...filters.dateParams];
	const rows = db.$client
		.prepare(
			`select ${COLUMNS} from ${FROM} where ${where.join(' and ')} order by s.date, s.start_time, h.name limit ?`,
		)
		.all(...params, limit) as Row[];
	const themes = themesOf(
		db,
		rows.map((r) => r['serviceId'] as string),
	);
	return rows.map((r) => toSummary(r, themes));
}

/** A published session by id, with what its page shows, or null. */
export function getSession(db: Db, id: string): SessionDetail | null {
	const r = db.$client
		.prepare(
			`select ${COLUMNS}, sv.description, sv.who_it_is_for as whoItIsFor, sv.minimum_age as minimumAge,
			   sv.maximum_age as maximumAge, sv.is_free as isFree, sv.cost_description as costDescription,
			   sv.referral_needed as referralNeeded, h.town, h.phone, h.email, h.how_to_get_there as howToGetThere,
			   h.latitude, h.longitude
			 from ${FROM} where s.id = ?`,
		)
		.get(id) as Row | undefined;
	if (!r) return null;
	const summary = toSummary(r, themesOf(db, [r['serviceId'] as string]));
	const accessFeatures = db.$client
		.prepare('select feature from hub_access_feature where hub_id = ? order by feature')
		.pluck()
		.all(summary.hub.id) as string[];
	return {
		...summary,
		serviceDetail: {
			description: r['description'] as string,
			whoItIsFor: r['whoItIsFor'] as string,
			minimumAge: r['minimumAge'] as number | null,
			maximumAge: r['maximumAge'] as number | null,
			isFree: r['isFree'] === 1,
			costDescription: r['costDescription'] as string,
			referralNeeded: r['referralNeeded'] === 1,
		},
		hubDetail: {
			town: r['town'] as string,
			phone: r['phone'] as string | null,
			email: r['email'] as string | null,
			howToGetThere: r['howToGetThere'] as string,
			accessFeatures,
			latitude: r['latitude'] as number | null,
			longitude: r['longitude'] as number | null,
		},
	};
}

/** A published session's id and booking limit (what a booking needs before it redirects), or null. */
export function getSessionLimits(
	db: Db,
	id: string,
): { id: string; maxPlacesPerBooking: number } | null {
	return (
		(db.$client
			.prepare(
				`select s.id, p.max_places_per_booking as maxPlacesPerBooking from ${FROM} where s.id = ?`,
			)
			.get(id) as { id: string; maxPlacesPerBooking: number } | undefined) ?? null
	);
}

/** A booking as its owner sees it on the manage page. */
export interface BookingView {
	id: string;
	reference: string;
	status: 'confirmed' | 'waiting' | 'offered' | 'cancelled' | 'expired';
	places: number;
	name: string;
	attendeeName: string | null;
	email: string | null;
	phone: string | null;
	needs: string;
	wantsReminder: boolean;
	offerExpiresAt: string | null;
	cancelledBy: 'person' | 'hub' | null;
	/** Position on the waiting list (1 = next), for a waiting entry. */
	waitingPosition: number | null;
	sessionId: string;
}

/** The booking a manage token opens, or null (a token of the wrong shape is not looked up). */
export function getBookingByToken(db: Db, token: string): BookingView | null {
	if (!isManageTokenShape(token)) return null;
	const row = db.$client
		.prepare(
			`select b.id, b.reference, b.status, b.places, b.name, b.attendee_name as attendeeName, b.email, b.phone, b.needs,
			   b.wants_reminder as wantsReminder, b.offer_expires_at as offerExpiresAt, b.cancelled_by as cancelledBy,
			   b.session_id as sessionId,
			   case when b.status = 'waiting' then (select count(*) from booking w where w.session_id = b.session_id
			     and w.status = 'waiting' and (w.created_at < b.created_at or (w.created_at = b.created_at and w.rowid <= b.rowid))) end as waitingPosition
			 from booking b where b.manage_token_hash = ?`,
		)
		.get(hashToken(token)) as
		(Omit<BookingView, 'wantsReminder'> & { wantsReminder: number }) | undefined;
	return row ? { ...row, wantsReminder: row.wantsReminder === 1 } : null;
}
