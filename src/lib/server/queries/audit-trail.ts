/**
 * The audit trail: who did what to which record, and when, with a readable diff. Changes to hubs,
 * services, themes, organisations and accounts are recorded here, and so is every view and export
 * of personal data by staff and volunteers.
 */
import { randomUUID } from 'node:crypto';
import type { FieldChange } from '../../domain/audit.ts';
import type { Db } from '../db/open-database.ts';

/** The kinds of record the trail speaks about. */
export type AuditedEntity =
	| 'hub'
	| 'service'
	| 'theme'
	| 'organisation'
	| 'user'
	| 'session'
	| 'messages'
	/** A member of the public, known in the trail only by a hash of their email or phone. */
	| 'person'
	| 'import';

/** One entry of the trail. */
export interface AuditEntry {
	at: string;
	userName: string;
	entity: AuditedEntity;
	entityId: string;
	action: string;
	changes: FieldChange[];
}

/** Records one entry (call inside the transaction that makes the change). */
export function recordAudit(
	db: Db,
	who: { id: string; name: string },
	entity: AuditedEntity,
	entityId: string,
	action: string,
	changes: readonly FieldChange[],
	now: Date,
): void {
	db.$client
		.prepare(
			'insert into audit_entry (id, at, user_id, user_name, entity, entity_id, action, changes) values (?, ?, ?, ?, ?, ?, ?, ?)',
		)
		.run(
			randomUUID(),
			now.toISOString(),
			who.id,
			who.name,
			entity,
			entityId,
			action,
			JSON.stringify(changes),
		);
}

/**
 * Records that someone saw (`Viewed …`) or took away (`Exported …`) personal data. Views of the
 * same record by the same person within 15 minutes count once, so a register reloaded after each
 * check-in does not flood the trail; every export is recorded.
 */
export function recordPersonalDataAccess(
	db: Db,
	who: { id: string; name: string },
	entity: AuditedEntity,
	entityId: string,
	action: `Viewed ${string}` | `Exported ${string}`,
	now: Date,
): void {
	if (action.startsWith('Viewed ')) {
		const since = new Date(now.getTime() - 15 * 60_000).toISOString();
		const recent = db.$client
			.prepare(
				'select 1 from audit_entry where entity = ? and entity_id = ? and user_id = ? and action = ? and at > ?',
			)
			.get(entity, entityId, who.id, action, since);
		if (recent) return;
	}
	recordAudit(db, who, entity, entityId, action, [], now);
}

type Row = Omit<AuditEntry, 'changes'> & { changes: string };
const parse = (rows: Row[]): AuditEntry[] =>
	rows.map((e) => ({ ...e, changes: JSON.parse(e.changes) as FieldChange[] }));

/** One record's trail, newest first. */
export function listAudit(db: Db, entity: AuditedEntity, entityId: string): AuditEntry[] {
	return parse(
		db.$client
			.prepare(
				'select at, user_name as userName, entity, entity_id as entityId, action, changes from audit_entry where entity = ? and entity_id = ? order by at desc, rowid desc',
			)
			.all(entity, entityId) as Row[],
	);
}

/** An entry of the whole site's trail, with what it is about in words and where that is edited. */
export interface SiteAuditEntry extends AuditEntry {
	subject: string;
	href: string | null;
}

const SUBJECT = `case a.entity
	when 'hub' then (select name from hub where id = a.entity_id)
	when 'service' then (select name from service where id = a.entity_id)
	when 'theme' then (select name from theme where id = a.entity_id)
	when 'organisation' then (select name from organisation where id = a.entity_id)
	when 'user' then (select name from user where id = a.entity_id)
	when 'session' then (select sv.name || ', ' || h.name || ', ' || s.date from session s
		join session_pattern p on p.id = s.pattern_id join service sv on sv.id = p.service_id
		join hub h on h.id = p.hub_id where s.id = a.entity_id)
	when 'messages' then 'Messages'
	when 'person' then 'A person’s data (' || substr(a.entity_id, 1, 8) || ')'
	when 'import' then 'Directory import'
end`;

const HREF = `case a.entity
	when 'hub' then (select '/admin/hubs/' || slug from hub where id = a.entity_id)
	when 'service' then (select '/admin/services/' || slug from service where id = a.entity_id)
	when 'theme' then (select '/admin/themes/' || slug from theme where id = a.entity_id)
	when 'organisation' then '/admin/organisations/' || a.entity_id
	when 'session' then '/volunteer/sessions/' || a.entity_id
	when 'messages' then '/admin/mail'
	when 'person' then '/admin/people'
	when 'import' then '/admin/open-data'
end`;

/**
 * The latest entries of every kind, newest first; with `personalData`, only the views and exports
 * of personal data.
 */
export function listRecentAudit(db: Db, limit: number, personalData = false): SiteAuditEntry[] {
	return (
		db.$client
			.prepare(
				`select a.at, a.user_name as userName, a.entity, a.entity_id as entityId, a.action, a.changes,
				   coalesce(${SUBJECT}, 'Something since deleted') as subject, ${HREF} as href
				 from audit_entry a
				 ${personalData ? "where a.action like 'Viewed %' or a.action like 'Exported %' or a.action like 'Erased %'" : ''}
				 order by a.at desc, a.rowid desc limit ?`,
			)
			.all(limit) as (Row & { subject: string; href: string | null })[]
	).map((e) => ({ ...e, changes: JSON.parse(e.changes) as FieldChange[] }));
}
