/**
 * Staff editing of hubs: the hub kind of the draft-and-publish model in `drafts.ts`. A hub's
 * published version is its row with its accessibility features and opening hours.
 */
import { HUB_FIELDS, type HubValues } from '../../domain/forms/hub-form.ts';
import type { AccessFeature } from '../../domain/directory/access.ts';
import { dayHoursText, type OpeningPeriod } from '../../domain/directory/opening-hours.ts';
import { WEEKDAYS } from '../../domain/time.ts';
import type { Db } from '../db/open-database.ts';
import { namesOf } from '../queries/choices.ts';
import { reindexHub } from '../queries/search-index.ts';
import {
	createRecord,
	discardDraft,
	getForEditing,
	listForStaff,
	markReviewed,
	publishRecord,
	saveDraft,
	unpublishRecord,
	type Actor,
	type DraftedKind,
	type RecordForEditing,
	type RecordListEntry,
} from './drafts.ts';

function read(db: Db, hubId: string): HubValues | null {
	const row = db.$client
		.prepare(
			`select name, summary, description, address_line1 as addressLine1, coalesce(address_line2, '') as addressLine2, town, postcode,
			   area_id as areaId, coalesce(phone, '') as phone, coalesce(email, '') as email, coalesce(website, '') as website,
			   how_to_get_there as howToGetThere, languages, organisation_id as organisationId from hub where id = ?`,
		)
		.get(hubId) as Omit<HubValues, 'accessFeatures' | 'openingHours'> | undefined;
	if (!row) return null;
	const accessFeatures = db.$client
		.prepare('select feature from hub_access_feature where hub_id = ? order by feature')
		.pluck()
		.all(hubId) as AccessFeature[];
	const openingHours = db.$client
		.prepare(
			'select weekday, opens_at as opensAt, closes_at as closesAt from hub_opening_hours where hub_id = ? order by weekday, opens_at',
		)
		.all(hubId) as OpeningPeriod[];
	return { ...row, accessFeatures, openingHours };
}

function writeLists(db: Db, hubId: string, v: HubValues): void {
	db.$client.prepare('delete from hub_access_feature where hub_id = ?').run(hubId);
	const feature = db.$client.prepare(
		'insert into hub_access_feature (hub_id, feature) values (?, ?)',
	);
	for (const f of v.accessFeatures) feature.run(hubId, f);
	db.$client.prepare('delete from hub_opening_hours where hub_id = ?').run(hubId);
	const hours = db.$client.prepare(
		'insert into hub_opening_hours (hub_id, weekday, opens_at, closes_at) values (?, ?, ?, ?)',
	);
	for (const p of v.openingHours) hours.run(hubId, p.weekday, p.opensAt, p.closesAt);
}

const columns = (v: HubValues) => [
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
	v.organisationId,
];

/** Hubs in the draft-and-publish model. */
export const HUB: DraftedKind<HubValues> = {
	entity: 'hub',
	labels: HUB_FIELDS,
	read,
	insert(db, id, slug, v, today, now) {
		db.$client
			.prepare(
				`insert into hub (name, summary, description, address_line1, address_line2, town, postcode, area_id, phone, email, website,
				   how_to_get_there, languages, organisation_id, id, slug, status, last_reviewed_on, created_at, updated_at)
				 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)`,
			)
			.run(...columns(v), id, slug, today, now.toISOString(), now.toISOString());
		writeLists(db, id, v);
	},
	write(db, id, v, now) {
		db.$client
			.prepare(
				`update hub set name = ?, summary = ?, description = ?, address_line1 = ?, address_line2 = ?, town = ?, postcode = ?, area_id = ?,
				   phone = ?, email = ?, website = ?, how_to_get_there = ?, languages = ?, organisation_id = ?, updated_at = ? where id = ?`,
			)
			.run(...columns(v), now.toISOString(), id);
		writeLists(db, id, v);
		// Coordinates are not on the staff form; a draft from an import may carry them.
		const c = v as HubValues & { latitude?: number | null; longitude?: number | null };
		if (c.latitude !== undefined && c.longitude !== undefined)
			db.$client
				.prepare('update hub set latitude = ?, longitude = ? where id = ?')
				.run(c.latitude, c.longitude, id);
	},
	describe(db, v) {
		return {
			...v,
			areaId: namesOf(db, 'area').get(v.areaId) ?? v.areaId,
			organisationId: namesOf(db, 'organisation').get(v.organisationId) ?? v.organisationId,
			accessFeatures: [...v.accessFeatures].sort(),
			openingHours: WEEKDAYS.map((d) => {
				const text = dayHoursText(v.openingHours, d.number);
				return text ? `${d.name} ${text}` : '';
			})
				.filter(Boolean)
				.join('; '),
		};
	},
	reindex(db, id) {
		reindexHub(db, id);
	},
};

/** A hub as staff edit it. */
export type HubForEditing = RecordForEditing<HubValues>;
/** A hub in the staff list. */
export type HubListEntry = RecordListEntry;

/** A hub with its published version and draft, or null. */
export const getHubForEditing = (db: Db, slug: string): HubForEditing | null =>
	getForEditing(db, HUB, slug);
/** Adds a hub, not yet published. */
export const createHub = (db: Db, v: HubValues, user: Actor, today: string, now: Date) =>
	createRecord(db, HUB, v, user, today, now);
/** Saves staff edits as the hub's working draft; the public keeps seeing the published version. */
export const saveHubDraft = (db: Db, id: string, v: HubValues, user: Actor, now: Date) =>
	saveDraft(db, HUB, id, v, user, now);
/** Throws the hub's working draft away. */
export const discardHubDraft = (db: Db, id: string, user: Actor, now: Date) =>
	discardDraft(db, HUB, id, user, now);
/** Publishes the hub: its draft (if any) replaces the published version, and the public sees it. */
export const publishHub = (db: Db, id: string, user: Actor, now: Date) =>
	publishRecord(db, HUB, id, user, now);
/** Takes a hub off the public site. */
export const unpublishHub = (db: Db, id: string, user: Actor, now: Date) =>
	unpublishRecord(db, HUB, id, user, now);
/** Records that a hub's information was checked today. */
export const markHubReviewed = (db: Db, id: string, user: Actor, today: string, now: Date) =>
	markReviewed(db, HUB, id, user, today, now);
/** Every hub, with drafts and reviews due. */
export const listHubsForStaff = (db: Db, reviewBefore: string): HubListEntry[] =>
	listForStaff(db, HUB, reviewBefore);
