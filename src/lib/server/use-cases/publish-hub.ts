/**
 * Staff editing of hubs with drafts: each hub has one published version (the hub row the public
 * sees) and at most one working draft (JSON of the editable fields). Saving edits the draft only;
 * Publish copies the draft over the published version, re-indexes search and raises the content
 * version, so the public pages change on the next request. Every change is in the audit trail with
 * a readable diff.
 */
import { randomUUID } from 'node:crypto';
import { diffRecords, type FieldChange } from '../../domain/audit.ts';
import { HUB_FIELDS, type HubValues } from '../../domain/forms/hub-form.ts';
import type { AccessFeature } from '../../domain/directory/access.ts';
import type { Db } from '../db/open-database.ts';
import type { SignedInUser } from '../auth/auth-session.ts';
import { bumpContentVersion } from '../queries/meta.ts';
import { reindexHub } from '../queries/search-index.ts';

/** A hub as staff edit it. */
export interface HubForEditing {
	id: string;
	slug: string;
	status: 'draft' | 'published';
	lastReviewedOn: string;
	published: HubValues;
	draft: HubValues | null;
}

function publishedValues(db: Db, hubId: string): HubValues | null {
	const row = db.$client
		.prepare(
			`select name, summary, description, address_line1 as addressLine1, coalesce(address_line2, '') as addressLine2, town, postcode,
			   area_id as areaId, coalesce(phone, '') as phone, coalesce(email, '') as email, coalesce(website, '') as website,
			   how_to_get_there as howToGetThere, languages from hub where id = ?`,
		)
		.get(hubId) as Omit<HubValues, 'accessFeatures'> | undefined;
	if (!row) return null;
	const accessFeatures = db.$client
		.prepare('select feature from hub_access_feature where hub_id = ? order by feature')
		.pluck()
		.all(hubId) as AccessFeature[];
	return { ...row, accessFeatures };
}

/** A hub with its published version and draft, or null. */
export function getHubForEditing(db: Db, slug: string): HubForEditing | null {
	const row = db.$client
		.prepare(
			'select id, slug, status, last_reviewed_on as lastReviewedOn, draft from hub where slug = ?',
		)
		.get(slug) as
		| {
				id: string;
				slug: string;
				status: 'draft' | 'published';
				lastReviewedOn: string;
				draft: string | null;
		  }
		| undefined;
	if (!row) return null;
	return {
		id: row.id,
		slug: row.slug,
		status: row.status,
		lastReviewedOn: row.lastReviewedOn,
		published: publishedValues(db, row.id)!,
		draft: row.draft ? (JSON.parse(row.draft) as HubValues) : null,
	};
}

function audit(
	db: Db,
	user: SignedInUser,
	entityId: string,
	action: string,
	changes: FieldChange[],
	now: Date,
): void {
	db.$client
		.prepare(
			'insert into audit_entry (id, at, user_id, user_name, entity, entity_id, action, changes) values (?, ?, ?, ?, ?, ?, ?, ?)',
		)
		.run(
			randomUUID(),
			now.toISOString(),
			user.id,
			user.name,
			'hub',
			entityId,
			action,
			JSON.stringify(changes),
		);
}

function labelled(values: HubValues, areas: Map<string, string>): Record<string, unknown> {
	return {
		...values,
		areaId: areas.get(values.areaId) ?? values.areaId,
		accessFeatures: [...values.accessFeatures].sort(),
	};
}

function areaNames(db: Db): Map<string, string> {
	return new Map(
		(db.$client.prepare('select id, name from area').all() as { id: string; name: string }[]).map(
			(a) => [a.id, a.name],
		),
	);
}

/** Saves staff edits as the hub's working draft; the public keeps seeing the published version. */
export function saveHubDraft(
	db: Db,
	hubId: string,
	values: HubValues,
	user: SignedInUser,
	now: Date,
): void {
	db.$client
		.transaction(() => {
			const hub = db.$client.prepare('select slug, draft from hub where id = ?').get(hubId) as {
				slug: string;
				draft: string | null;
			};
			const before = hub.draft ? (JSON.parse(hub.draft) as HubValues) : publishedValues(db, hubId)!;
			const areas = areaNames(db);
			db.$client
				.prepare('update hub set draft = ?, updated_at = ? where id = ?')
				.run(JSON.stringify(values), now.toISOString(), hubId);
			audit(
				db,
				user,
				hubId,
				'Draft saved',
				diffRecords(labelled(before, areas), labelled(values, areas), HUB_FIELDS),
				now,
			);
		})
		.immediate();
}

/** Publishes the hub: its draft (if any) replaces the published version, and it is shown to the public. */
export function publishHub(db: Db, hubId: string, user: SignedInUser, now: Date): void {
	db.$client
		.transaction(() => {
			const hub = db.$client.prepare('select draft from hub where id = ?').get(hubId) as {
				draft: string | null;
			};
			const before = publishedValues(db, hubId)!;
			const v = hub.draft ? (JSON.parse(hub.draft) as HubValues) : before;
			db.$client
				.prepare(
					`update hub set name = ?, summary = ?, description = ?, address_line1 = ?, address_line2 = ?, town = ?, postcode = ?, area_id = ?,
					   phone = ?, email = ?, website = ?, how_to_get_there = ?, languages = ?, status = 'published', draft = null, updated_at = ? where id = ?`,
				)
				.run(
					v.name,
					v.summary,
					v.description,
					v.addressLine1,
					v.addressLine2 || null,
					v.town,
					v.postcode,
					v.areaId,
					v.phone || null,
					v.email || null,
					v.website || null,
					v.howToGetThere,
					v.languages,
					now.toISOString(),
					hubId,
				);
			db.$client.prepare('delete from hub_access_feature where hub_id = ?').run(hubId);
			for (const f of v.accessFeatures)
				db.$client
					.prepare('insert into hub_access_feature (hub_id, feature) values (?, ?)')
					.run(hubId, f);
			const areas = areaNames(db);
			audit(
				db,
				user,
				hubId,
				'Published',
				diffRecords(labelled(before, areas), labelled(v, areas), HUB_FIELDS),
				now,
			);
			reindexHub(db, hubId);
			bumpContentVersion(db);
		})
		.immediate();
}

/** Takes a hub off the public site (it stays, as a draft, with everything it had). */
export function unpublishHub(db: Db, hubId: string, user: SignedInUser, now: Date): void {
	db.$client
		.transaction(() => {
			db.$client
				.prepare("update hub set status = 'draft', updated_at = ? where id = ?")
				.run(now.toISOString(), hubId);
			audit(db, user, hubId, 'Unpublished', [], now);
			reindexHub(db, hubId);
			bumpContentVersion(db);
		})
		.immediate();
}

/** Records that a hub's information was checked today (the date the public sees). */
export function markHubReviewed(
	db: Db,
	hubId: string,
	user: SignedInUser,
	today: string,
	now: Date,
): void {
	db.$client
		.transaction(() => {
			const before = db.$client
				.prepare('select last_reviewed_on from hub where id = ?')
				.pluck()
				.get(hubId) as string;
			db.$client.prepare('update hub set last_reviewed_on = ? where id = ?').run(today, hubId);
			audit(
				db,
				user,
				hubId,
				'Marked as reviewed',
				[{ field: 'Last reviewed', from: before, to: today }],
				now,
			);
			bumpContentVersion(db);
		})
		.immediate();
}

/** A hub in the staff list. */
export interface HubListEntry {
	id: string;
	slug: string;
	name: string;
	status: 'draft' | 'published';
	hasDraft: boolean;
	lastReviewedOn: string;
	dueForReview: boolean;
}

/** Every hub, with whether it has a draft and whether it is due for review (not reviewed since `reviewBefore`). */
export function listHubsForStaff(db: Db, reviewBefore: string): HubListEntry[] {
	return (
		db.$client
			.prepare(
				'select id, slug, name, status, draft is not null as hasDraft, last_reviewed_on as lastReviewedOn from hub order by name',
			)
			.all() as (Omit<HubListEntry, 'hasDraft' | 'dueForReview'> & { hasDraft: number })[]
	).map((h) => ({
		...h,
		hasDraft: h.hasDraft === 1,
		dueForReview: h.lastReviewedOn < reviewBefore,
	}));
}

/** A hub's audit trail, newest first. */
export function listAudit(
	db: Db,
	entity: string,
	entityId: string,
): { at: string; userName: string; action: string; changes: FieldChange[] }[] {
	return (
		db.$client
			.prepare(
				'select at, user_name as userName, action, changes from audit_entry where entity = ? and entity_id = ? order by at desc, rowid desc',
			)
			.all(entity, entityId) as { at: string; userName: string; action: string; changes: string }[]
	).map((e) => ({ ...e, changes: JSON.parse(e.changes) as FieldChange[] }));
}
