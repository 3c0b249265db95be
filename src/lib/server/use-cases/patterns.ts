/**
 * Creating and editing drop-in patterns. A save stores the pattern and brings its dates in line at
 * once (lib/domain/schedule/plan.ts: only dates with no bookings change), in one transaction, and
 * raises the content version so hub pages show the change on the next request.
 */
import { randomUUID } from 'node:crypto';
import type { PatternValues } from '../../domain/forms/pattern-form.ts';
import type { Db } from '../db/open-database.ts';
import { bumpContentVersion } from '../queries/meta.ts';
import { syncPattern, type SyncResult } from './schedule-sessions.ts';

/** A stored pattern with its id and hub. */
export interface StoredPattern extends PatternValues {
	id: string;
	hubId: string;
	serviceName: string;
}

/** The patterns of a hub, by service name. */
export function listPatterns(db: Db, hubId: string): StoredPattern[] {
	return db.$client
		.prepare(
			`select p.id, p.hub_id as hubId, p.service_id as serviceId, sv.name as serviceName, p.rrule, p.starts_on as startsOn, p.ends_on as endsOn,
			   p.start_time as startTime, p.end_time as endTime, p.capacity, p.booking_mode as bookingMode, p.booking_opens_days as bookingOpensDays,
			   p.booking_closes_hours as bookingClosesHours, p.max_places_per_booking as maxPlacesPerBooking, p.waiting_list as waitingList
			 from session_pattern p join service sv on sv.id = p.service_id where p.hub_id = ? order by sv.name, p.start_time`,
		)
		.all(hubId) as StoredPattern[];
}

/** A pattern by id, or null. */
export function getPattern(db: Db, id: string): StoredPattern | null {
	const hubId = db.$client
		.prepare('select hub_id from session_pattern where id = ?')
		.pluck()
		.get(id) as string | undefined;
	return hubId ? (listPatterns(db, hubId).find((p) => p.id === id) ?? null) : null;
}

/** The services a hub runs (the choices for a pattern). */
export function listHubServices(db: Db, hubId: string): { id: string; name: string }[] {
	return db.$client
		.prepare(
			'select s.id, s.name from service_hub sh join service s on s.id = sh.service_id where sh.hub_id = ? order by s.name',
		)
		.all(hubId) as { id: string; name: string }[];
}

/** Stores a new pattern (or edits one) and its dates; returns its id and what changed. */
export function savePattern(
	db: Db,
	hubId: string,
	patternId: string | null,
	v: PatternValues,
	today: string,
	now: Date,
): { id: string; sync: SyncResult } {
	return db.$client
		.transaction(() => {
			const stamp = now.toISOString();
			const id = patternId ?? randomUUID();
			if (patternId === null) {
				db.$client
					.prepare(
						`insert into session_pattern (id, service_id, hub_id, rrule, starts_on, ends_on, start_time, end_time, capacity, booking_mode,
						   booking_opens_days, booking_closes_hours, max_places_per_booking, waiting_list, created_at, updated_at)
						 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
					)
					.run(
						id,
						v.serviceId,
						hubId,
						v.rrule,
						v.startsOn,
						v.endsOn,
						v.startTime,
						v.endTime,
						v.capacity,
						v.bookingMode,
						v.bookingOpensDays,
						v.bookingClosesHours,
						v.maxPlacesPerBooking,
						v.waitingList,
						stamp,
						stamp,
					);
			} else {
				db.$client
					.prepare(
						`update session_pattern set service_id = ?, rrule = ?, starts_on = ?, ends_on = ?, start_time = ?, end_time = ?, capacity = ?,
						   booking_mode = ?, booking_opens_days = ?, booking_closes_hours = ?, max_places_per_booking = ?, waiting_list = ?, updated_at = ?
						 where id = ? and hub_id = ?`,
					)
					.run(
						v.serviceId,
						v.rrule,
						v.startsOn,
						v.endsOn,
						v.startTime,
						v.endTime,
						v.capacity,
						v.bookingMode,
						v.bookingOpensDays,
						v.bookingClosesHours,
						v.maxPlacesPerBooking,
						v.waitingList,
						stamp,
						id,
						hubId,
					);
			}
			const sync = syncPattern(db, id, today, now);
			bumpContentVersion(db);
			return { id, sync };
		})
		.immediate();
}
