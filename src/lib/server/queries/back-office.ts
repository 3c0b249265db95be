/**
 * Queries for the back office. Every function takes the hubs the caller may see (null: all, for
 * staff), so a volunteer's pages can never list another hub's sessions or people.
 */
import type { Db } from '../db/open-database.ts';

/** A session in a volunteer's list. */
export interface RunSession {
	id: string;
	date: string;
	startTime: string;
	endTime: string;
	status: 'scheduled' | 'cancelled';
	capacity: number;
	placesTaken: number;
	waiting: number;
	serviceName: string;
	hubId: string;
	hubName: string;
}

/** Hubs the caller may act on, by name. */
export function listManagedHubs(
	db: Db,
	hubIds: string[] | null,
): { id: string; slug: string; name: string }[] {
	const all = db.$client.prepare('select id, slug, name from hub order by name').all() as {
		id: string;
		slug: string;
		name: string;
	}[];
	return hubIds === null ? all : all.filter((h) => hubIds.includes(h.id));
}

/** Sessions at the given hubs between two dates, in order. */
export function listRunSessions(
	db: Db,
	hubIds: string[] | null,
	from: string,
	to: string,
): RunSession[] {
	if (hubIds !== null && hubIds.length === 0) return [];
	const hubFilter = hubIds === null ? '' : `and p.hub_id in (${hubIds.map(() => '?').join(',')})`;
	return db.$client
		.prepare(
			`select s.id, s.date, s.start_time as startTime, s.end_time as endTime, s.status, s.capacity, s.places_taken as placesTaken,
			   (select count(*) from booking b where b.session_id = s.id and b.status = 'waiting') as waiting,
			   sv.name as serviceName, h.id as hubId, h.name as hubName
			 from session s join session_pattern p on p.id = s.pattern_id join service sv on sv.id = p.service_id join hub h on h.id = p.hub_id
			 where s.date >= ? and s.date <= ? ${hubFilter} order by s.date, s.start_time, h.name`,
		)
		.all(from, to, ...(hubIds ?? [])) as RunSession[];
}

/** The hub a session belongs to, or null. */
export function hubOfSession(db: Db, sessionId: string): string | null {
	return (
		(db.$client
			.prepare(
				'select p.hub_id from session s join session_pattern p on p.id = s.pattern_id where s.id = ?',
			)
			.pluck()
			.get(sessionId) as string | undefined) ?? null
	);
}

/** One person on a register. */
export interface RegisterEntry {
	id: string;
	reference: string;
	status: 'confirmed' | 'offered' | 'waiting';
	places: number;
	name: string;
	attendeeName: string | null;
	email: string | null;
	phone: string | null;
	needs: string;
	assisted: boolean;
	attendance: 'attended' | 'no-show' | null;
}

/** A session's register: who is booked, offered a place or waiting, with their contact and needs. */
export function getRegister(
	db: Db,
	sessionId: string,
): { entries: RegisterEntry[]; walkIns: number } {
	const entries = (
		db.$client
			.prepare(
				`select id, reference, status, places, name, attendee_name as attendeeName, email, phone, needs, assisted, attendance
				 from booking where session_id = ? and status in ('confirmed', 'offered', 'waiting')
				 order by case status when 'confirmed' then 0 when 'offered' then 1 else 2 end, created_at, rowid`,
			)
			.all(sessionId) as (Omit<RegisterEntry, 'assisted'> & { assisted: number })[]
	).map((e) => ({ ...e, assisted: e.assisted === 1 }));
	const walkIns =
		(db.$client.prepare('select walk_ins from session where id = ?').pluck().get(sessionId) as
			number | undefined) ?? 0;
	return { entries, walkIns };
}

/** A signed-in account, for the staff list. */
export interface AccountSummary {
	id: string;
	email: string;
	name: string;
	role: 'staff' | 'volunteer';
	active: boolean;
	hasPassword: boolean;
	hubs: string[];
}

/** Every account, by name. */
export function listAccounts(db: Db): AccountSummary[] {
	const rows = db.$client
		.prepare(
			'select id, email, name, role, active, password_hash is not null as hasPassword from user order by name',
		)
		.all() as (Omit<AccountSummary, 'active' | 'hasPassword' | 'hubs'> & {
		active: number;
		hasPassword: number;
	})[];
	const hubs = db.$client
		.prepare(
			'select uh.user_id as userId, h.name from user_hub uh join hub h on h.id = uh.hub_id order by h.name',
		)
		.all() as { userId: string; name: string }[];
	return rows.map((r) => ({
		...r,
		active: r.active === 1,
		hasPassword: r.hasPassword === 1,
		hubs: hubs.filter((h) => h.userId === r.id).map((h) => h.name),
	}));
}
