/**
 * Publishing with drafts, for hubs and services alike. Each record has one published version (its
 * row, which the public sees when its status is `published`) and at most one working draft (JSON
 * of the editable fields). Saving edits only the draft; Publish copies the draft over the published
 * version, brings the search index up to date and raises the content version, so the public pages
 * change on the next request. Every step is in the audit trail, with a readable diff.
 *
 * A kind of record says how its values are read, written and described; the rules live here once.
 */
import { randomUUID } from 'node:crypto';
import { diffRecords } from '../../domain/audit.ts';
import type { Db } from '../db/open-database.ts';
import { recordAudit } from '../queries/audit-trail.ts';
import { bumpContentVersion } from '../queries/meta.ts';
import { uniqueSlug } from '../queries/slugs.ts';

/** Who is acting (recorded in the audit trail). */
export interface Actor {
	id: string;
	name: string;
}

/** How one kind of published record is stored. */
export interface DraftedKind<V extends { name: string }> {
	entity: 'hub' | 'service';
	/** Labels of the fields in form order: the audit trail's diff. */
	labels: Record<string, string>;
	/** The published values, or null when there is no such record. */
	read(db: Db, id: string): V | null;
	/** Inserts a new, unpublished record. */
	insert(db: Db, id: string, slug: string, values: V, today: string, now: Date): void;
	/** Writes values over the published version. */
	write(db: Db, id: string, values: V, now: Date): void;
	/** Values as people read them in the audit trail (names rather than ids). */
	describe(db: Db, values: V): Record<string, unknown>;
	/** Brings the search index up to date after the published version or status changed. */
	reindex(db: Db, id: string, before: V | null, after: V | null): void;
}

/** A record as staff edit it. */
export interface RecordForEditing<V> {
	id: string;
	slug: string;
	status: 'draft' | 'published';
	lastReviewedOn: string;
	published: V;
	draft: V | null;
}

/** A record in a staff list. */
export interface RecordListEntry {
	id: string;
	slug: string;
	name: string;
	status: 'draft' | 'published';
	hasDraft: boolean;
	lastReviewedOn: string;
	dueForReview: boolean;
}

/** A record with its published version and draft, or null. */
export function getForEditing<V extends { name: string }>(
	db: Db,
	kind: DraftedKind<V>,
	slug: string,
): RecordForEditing<V> | null {
	const row = db.$client
		.prepare(
			`select id, slug, status, last_reviewed_on as lastReviewedOn, draft from ${kind.entity} where slug = ?`,
		)
		.get(slug) as
		(Omit<RecordForEditing<V>, 'published' | 'draft'> & { draft: string | null }) | undefined;
	if (!row) return null;
	const published = kind.read(db, row.id)!;
	return { ...row, published, draft: parseDraft(row.draft, published) };
}

/** A stored draft; fields added to the form since it was saved take their published values. */
function parseDraft<V>(draft: string | null, published: V): V | null {
	return draft ? { ...published, ...(JSON.parse(draft) as Partial<V>) } : null;
}

function draftOf<V extends { name: string }>(db: Db, kind: DraftedKind<V>, id: string): V | null {
	const draft = db.$client
		.prepare(`select draft from ${kind.entity} where id = ?`)
		.pluck()
		.get(id) as string | null;
	return draft ? parseDraft(draft, kind.read(db, id)!) : null;
}

function diff<V extends { name: string }>(
	db: Db,
	kind: DraftedKind<V>,
	before: V | null,
	after: V,
) {
	return diffRecords(
		before ? kind.describe(db, before) : {},
		kind.describe(db, after),
		kind.labels,
	);
}

/** Creates an unpublished record from staff's values; returns its id and the slug of its address. */
export function createRecord<V extends { name: string }>(
	db: Db,
	kind: DraftedKind<V>,
	values: V,
	user: Actor,
	today: string,
	now: Date,
): { id: string; slug: string } {
	return db.$client
		.transaction(() => {
			const slug = uniqueSlug(db, kind.entity, values.name);
			const id = randomUUID();
			kind.insert(db, id, slug, values, today, now);
			recordAudit(db, user, kind.entity, id, 'Created', diff(db, kind, null, values), now);
			return { id, slug };
		})
		.immediate();
}

/** Saves staff edits as the working draft; the public keeps seeing the published version. */
export function saveDraft<V extends { name: string }>(
	db: Db,
	kind: DraftedKind<V>,
	id: string,
	values: V,
	user: Actor,
	now: Date,
): void {
	db.$client
		.transaction(() => {
			const before = draftOf(db, kind, id) ?? kind.read(db, id)!;
			db.$client
				.prepare(`update ${kind.entity} set draft = ?, updated_at = ? where id = ?`)
				.run(JSON.stringify(values), now.toISOString(), id);
			recordAudit(db, user, kind.entity, id, 'Draft saved', diff(db, kind, before, values), now);
		})
		.immediate();
}

/** Throws the working draft away; the published version stays as it is. */
export function discardDraft<V extends { name: string }>(
	db: Db,
	kind: DraftedKind<V>,
	id: string,
	user: Actor,
	now: Date,
): void {
	db.$client
		.transaction(() => {
			const draft = draftOf(db, kind, id);
			if (!draft) return;
			db.$client.prepare(`update ${kind.entity} set draft = null where id = ?`).run(id);
			recordAudit(
				db,
				user,
				kind.entity,
				id,
				'Draft discarded',
				diff(db, kind, draft, kind.read(db, id)!),
				now,
			);
		})
		.immediate();
}

/** Publishes the record: its draft (if any) replaces the published version, shown to the public. */
export function publishRecord<V extends { name: string }>(
	db: Db,
	kind: DraftedKind<V>,
	id: string,
	user: Actor,
	now: Date,
): void {
	db.$client
		.transaction(() => {
			const before = kind.read(db, id)!;
			const after = draftOf(db, kind, id) ?? before;
			kind.write(db, id, after, now);
			db.$client
				.prepare(
					`update ${kind.entity} set status = 'published', draft = null, updated_at = ? where id = ?`,
				)
				.run(now.toISOString(), id);
			recordAudit(db, user, kind.entity, id, 'Published', diff(db, kind, before, after), now);
			kind.reindex(db, id, before, after);
			bumpContentVersion(db);
		})
		.immediate();
}

/** Takes a record off the public site (it stays, unpublished, with everything it had). */
export function unpublishRecord<V extends { name: string }>(
	db: Db,
	kind: DraftedKind<V>,
	id: string,
	user: Actor,
	now: Date,
): void {
	db.$client
		.transaction(() => {
			db.$client
				.prepare(`update ${kind.entity} set status = 'draft', updated_at = ? where id = ?`)
				.run(now.toISOString(), id);
			recordAudit(db, user, kind.entity, id, 'Unpublished', [], now);
			const current = kind.read(db, id);
			kind.reindex(db, id, current, current);
			bumpContentVersion(db);
		})
		.immediate();
}

/** Records that a record's information was checked today (the date the public sees). */
export function markReviewed<V extends { name: string }>(
	db: Db,
	kind: DraftedKind<V>,
	id: string,
	user: Actor,
	today: string,
	now: Date,
): void {
	db.$client
		.transaction(() => {
			const before = db.$client
				.prepare(`select last_reviewed_on from ${kind.entity} where id = ?`)
				.pluck()
				.get(id) as string;
			db.$client
				.prepare(`update ${kind.entity} set last_reviewed_on = ? where id = ?`)
				.run(today, id);
			recordAudit(
				db,
				user,
				kind.entity,
				id,
				'Marked as reviewed',
				[{ field: 'Last reviewed', from: before, to: today }],
				now,
			);
			bumpContentVersion(db);
		})
		.immediate();
}

/** Every record of a kind, with whether it has a draft and whether it is due for review (not reviewed since `reviewBefore`). */
export function listForStaff<V extends { name: string }>(
	db: Db,
	kind: DraftedKind<V>,
	reviewBefore: string,
): RecordListEntry[] {
	return (
		db.$client
			.prepare(
				`select id, slug, name, status, draft is not null as hasDraft, last_reviewed_on as lastReviewedOn from ${kind.entity} order by name`,
			)
			.all() as (Omit<RecordListEntry, 'hasDraft' | 'dueForReview'> & { hasDraft: number })[]
	).map((r) => ({
		...r,
		hasDraft: r.hasDraft === 1,
		dueForReview: r.lastReviewedOn < reviewBefore,
	}));
}
