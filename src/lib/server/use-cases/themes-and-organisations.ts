/**
 * Staff editing of themes and organisations. They have no drafts: a change is public at the next
 * request. Each change is in the audit trail, and a theme's change re-indexes the hubs found
 * through it (hubs are searched by their services' themes).
 */
import { randomUUID } from 'node:crypto';
import { diffRecords } from '../../domain/audit.ts';
import {
	ORGANISATION_FIELDS,
	THEME_FIELDS,
	type OrganisationValues,
	type ThemeValues,
} from '../../domain/forms/theme-form.ts';
import type { Db } from '../db/open-database.ts';
import { recordAudit } from '../queries/audit-trail.ts';
import { bumpContentVersion } from '../queries/meta.ts';
import { reindexHub } from '../queries/search-index.ts';
import { uniqueSlug } from '../queries/slugs.ts';
import type { Actor } from './drafts.ts';

/** A theme as staff edit it. */
export interface ThemeForEditing extends ThemeValues {
	id: string;
	slug: string;
}

/** Every theme, in the order the public sees them. */
export function listThemesForStaff(db: Db): (ThemeForEditing & { services: number })[] {
	return (
		db.$client
			.prepare(
				`select id, slug, name, summary, description, sensitive, sort_order as sortOrder,
				   (select count(*) from service_theme st where st.theme_id = theme.id) as services
				 from theme order by sort_order, name`,
			)
			.all() as (Omit<ThemeForEditing, 'sensitive'> & { services: number; sensitive: number })[]
	).map((t) => ({ ...t, sensitive: t.sensitive === 1 }));
}

/** One theme, or null. */
export function getThemeForEditing(db: Db, slug: string): ThemeForEditing | null {
	return listThemesForStaff(db).find((t) => t.slug === slug) ?? null;
}

const describeTheme = (v: ThemeValues) => ({ ...v, sensitive: v.sensitive ? 'Yes' : 'No' });

/** Adds a theme (`id` null) or changes one; returns its slug. */
export function saveTheme(
	db: Db,
	id: string | null,
	v: ThemeValues,
	user: Actor,
	now: Date,
): string {
	return db.$client
		.transaction(() => {
			const before = id ? listThemesForStaff(db).find((t) => t.id === id) : undefined;
			const themeId = before?.id ?? randomUUID();
			const slug = before?.slug ?? uniqueSlug(db, 'theme', v.name);
			if (before)
				db.$client
					.prepare(
						'update theme set name = ?, summary = ?, description = ?, sensitive = ?, sort_order = ? where id = ?',
					)
					.run(v.name, v.summary, v.description, v.sensitive ? 1 : 0, v.sortOrder, themeId);
			else
				db.$client
					.prepare(
						'insert into theme (id, slug, name, summary, description, sensitive, sort_order) values (?, ?, ?, ?, ?, ?, ?)',
					)
					.run(themeId, slug, v.name, v.summary, v.description, v.sensitive ? 1 : 0, v.sortOrder);
			recordAudit(
				db,
				user,
				'theme',
				themeId,
				before ? 'Changed' : 'Created',
				diffRecords(before ? describeTheme(before) : {}, describeTheme(v), THEME_FIELDS),
				now,
			);
			const hubs = db.$client
				.prepare(
					'select distinct sh.hub_id from service_theme st join service_hub sh on sh.service_id = st.service_id where st.theme_id = ?',
				)
				.pluck()
				.all(themeId) as string[];
			for (const hubId of hubs) reindexHub(db, hubId);
			bumpContentVersion(db);
			return slug;
		})
		.immediate();
}

/** An organisation as staff edit it. */
export interface OrganisationForEditing extends OrganisationValues {
	id: string;
	hubs: number;
	services: number;
}

/** Every organisation, by name. */
export function listOrganisationsForStaff(db: Db): OrganisationForEditing[] {
	return db.$client
		.prepare(
			`select id, name, description, coalesce(website, '') as website, coalesce(email, '') as email, coalesce(phone, '') as phone,
			   (select count(*) from hub where organisation_id = organisation.id) as hubs,
			   (select count(*) from service where organisation_id = organisation.id) as services
			 from organisation order by name`,
		)
		.all() as OrganisationForEditing[];
}

/** One organisation, or null. */
export function getOrganisationForEditing(db: Db, id: string): OrganisationForEditing | null {
	return listOrganisationsForStaff(db).find((o) => o.id === id) ?? null;
}

/** Adds an organisation (`id` null) or changes one; returns its id. */
export function saveOrganisation(
	db: Db,
	id: string | null,
	v: OrganisationValues,
	user: Actor,
	now: Date,
): string {
	return db.$client
		.transaction(() => {
			const before = id ? getOrganisationForEditing(db, id) : null;
			const organisationId = before?.id ?? randomUUID();
			const row = [v.name, v.description, v.website || null, v.email || null, v.phone || null];
			if (before)
				db.$client
					.prepare(
						'update organisation set name = ?, description = ?, website = ?, email = ?, phone = ? where id = ?',
					)
					.run(...row, organisationId);
			else
				db.$client
					.prepare(
						'insert into organisation (name, description, website, email, phone, id) values (?, ?, ?, ?, ?, ?)',
					)
					.run(...row, organisationId);
			recordAudit(
				db,
				user,
				'organisation',
				organisationId,
				before ? 'Changed' : 'Created',
				diffRecords(before ?? {}, v, ORGANISATION_FIELDS),
				now,
			);
			bumpContentVersion(db);
			return organisationId;
		})
		.immediate();
}
