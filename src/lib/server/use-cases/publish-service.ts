/**
 * Staff editing of services: the service kind of the draft-and-publish model in `drafts.ts`. A
 * service's published version is its row with its themes and the hubs where it runs; publishing
 * re-indexes every hub it ran at before or runs at now, since a hub is found by its services.
 */
import { randomUUID } from 'node:crypto';
import { SERVICE_FIELDS, type ServiceValues } from '../../domain/forms/service-form.ts';
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
} from './drafts.ts';

function read(db: Db, id: string): ServiceValues | null {
	const row = db.$client
		.prepare(
			`select name, summary, description, who_it_is_for as whoItIsFor, minimum_age as minimumAge, maximum_age as maximumAge,
			   is_free as isFree, cost_description as costDescription, referral_needed as referralNeeded, referral_details as referralDetails,
			   coalesce(phone, '') as phone, coalesce(email, '') as email, coalesce(website, '') as website, organisation_id as organisationId
			 from service where id = ?`,
		)
		.get(id) as
		| (Omit<ServiceValues, 'isFree' | 'referralNeeded' | 'themeIds' | 'hubIds'> & {
				isFree: number;
				referralNeeded: number;
		  })
		| undefined;
	if (!row) return null;
	const list = (sql: string) => db.$client.prepare(sql).pluck().all(id) as string[];
	return {
		...row,
		isFree: row.isFree === 1,
		referralNeeded: row.referralNeeded === 1,
		themeIds: list('select theme_id from service_theme where service_id = ? order by theme_id'),
		hubIds: list('select hub_id from service_hub where service_id = ? order by hub_id'),
	};
}

const columns = (v: ServiceValues) => [
	v.name,
	v.summary,
	v.description,
	v.whoItIsFor,
	v.minimumAge,
	v.maximumAge,
	v.isFree ? 1 : 0,
	v.isFree ? '' : v.costDescription,
	v.referralNeeded ? 1 : 0,
	v.referralNeeded ? v.referralDetails : '',
	v.phone || null,
	v.email || null,
	v.website || null,
	v.organisationId,
];

function writeLists(db: Db, id: string, v: ServiceValues): void {
	db.$client.prepare('delete from service_theme where service_id = ?').run(id);
	const theme = db.$client.prepare(
		'insert into service_theme (service_id, theme_id) values (?, ?)',
	);
	for (const t of v.themeIds) theme.run(id, t);
	// A service at a hub keeps its id while it runs there (open data refers to it).
	const current = new Set(
		db.$client
			.prepare('select hub_id from service_hub where service_id = ?')
			.pluck()
			.all(id) as string[],
	);
	const remove = db.$client.prepare('delete from service_hub where service_id = ? and hub_id = ?');
	for (const h of current) if (!v.hubIds.includes(h)) remove.run(id, h);
	const add = db.$client.prepare(
		'insert into service_hub (id, service_id, hub_id) values (?, ?, ?)',
	);
	for (const h of v.hubIds) if (!current.has(h)) add.run(randomUUID(), id, h);
}

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

/** Services in the draft-and-publish model. */
export const SERVICE: DraftedKind<ServiceValues> = {
	entity: 'service',
	labels: SERVICE_FIELDS,
	read,
	insert(db, id, slug, v, today, now) {
		db.$client
			.prepare(
				`insert into service (name, summary, description, who_it_is_for, minimum_age, maximum_age, is_free, cost_description,
				   referral_needed, referral_details, phone, email, website, organisation_id, id, slug, status, last_reviewed_on, created_at, updated_at)
				 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)`,
			)
			.run(...columns(v), id, slug, today, now.toISOString(), now.toISOString());
		writeLists(db, id, v);
	},
	write(db, id, v, now) {
		db.$client
			.prepare(
				`update service set name = ?, summary = ?, description = ?, who_it_is_for = ?, minimum_age = ?, maximum_age = ?, is_free = ?,
				   cost_description = ?, referral_needed = ?, referral_details = ?, phone = ?, email = ?, website = ?, organisation_id = ?,
				   updated_at = ? where id = ?`,
			)
			.run(...columns(v), now.toISOString(), id);
		writeLists(db, id, v);
	},
	describe(db, v) {
		const themes = namesOf(db, 'theme');
		const hubs = namesOf(db, 'hub');
		return {
			...v,
			isFree: yesNo(v.isFree),
			referralNeeded: yesNo(v.referralNeeded),
			organisationId: namesOf(db, 'organisation').get(v.organisationId) ?? v.organisationId,
			themeIds: v.themeIds.map((t) => themes.get(t) ?? t).sort(),
			hubIds: v.hubIds.map((h) => hubs.get(h) ?? h).sort(),
		};
	},
	reindex(db, _id, before, after) {
		for (const hubId of new Set([...(before?.hubIds ?? []), ...(after?.hubIds ?? [])]))
			reindexHub(db, hubId);
	},
};

/** A service as staff edit it. */
export type ServiceForEditing = RecordForEditing<ServiceValues>;

/** A service with its published version and draft, or null. */
export const getServiceForEditing = (db: Db, slug: string): ServiceForEditing | null =>
	getForEditing(db, SERVICE, slug);
/** Adds a service, not yet published. */
export const createService = (db: Db, v: ServiceValues, user: Actor, today: string, now: Date) =>
	createRecord(db, SERVICE, v, user, today, now);
/** Saves staff edits as the service's working draft. */
export const saveServiceDraft = (db: Db, id: string, v: ServiceValues, user: Actor, now: Date) =>
	saveDraft(db, SERVICE, id, v, user, now);
/** Throws the service's working draft away. */
export const discardServiceDraft = (db: Db, id: string, user: Actor, now: Date) =>
	discardDraft(db, SERVICE, id, user, now);
/** Publishes the service's draft. */
export const publishService = (db: Db, id: string, user: Actor, now: Date) =>
	publishRecord(db, SERVICE, id, user, now);
/** Takes a service off the public site. */
export const unpublishService = (db: Db, id: string, user: Actor, now: Date) =>
	unpublishRecord(db, SERVICE, id, user, now);
/** Records that a service's information was checked today. */
export const markServiceReviewed = (db: Db, id: string, user: Actor, today: string, now: Date) =>
	markReviewed(db, SERVICE, id, user, today, now);
/** Every service, with drafts and reviews due. */
export const listServicesForStaff = (db: Db, reviewBefore: string) =>
	listForStaff(db, SERVICE, reviewBefore);

/** The slug of the first published hub where a service runs (the public sees services on hub pages). */
export function publicHubOf(db: Db, serviceId: string): string | null {
	return (
		(db.$client
			.prepare(
				"select h.slug from service_hub sh join hub h on h.id = sh.hub_id where sh.service_id = ? and h.status = 'published' order by h.name limit 1",
			)
			.pluck()
			.get(serviceId) as string | undefined) ?? null
	);
}
