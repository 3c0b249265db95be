/**
 * The HTTP side of staff editing of the directory (hubs, services, themes, organisations), kept
 * out of the route files: read the posted form, check it, make one call.
 */
import type { FieldError } from '../../domain/forms/fields.ts';
import { parseHubForm, type HubValues } from '../../domain/forms/hub-form.ts';
import { parseServiceForm, type ServiceValues } from '../../domain/forms/service-form.ts';
import {
	parseOrganisationForm,
	parseThemeForm,
	type OrganisationValues,
	type ThemeValues,
} from '../../domain/forms/theme-form.ts';
import type { Db } from '../db/open-database.ts';
import {
	createRecord,
	discardDraft,
	markReviewed,
	publishRecord,
	saveDraft,
	unpublishRecord,
	type Actor,
	type DraftedKind,
} from '../use-cases/drafts.ts';
import { HUB } from '../use-cases/publish-hub.ts';
import { SERVICE } from '../use-cases/publish-service.ts';
import { saveOrganisation, saveTheme } from '../use-cases/themes-and-organisations.ts';
import { checkAction, readPosted } from './posted.ts';
import { EDIT_UNREADABLE, draftedEditActions } from './request-forms.ts';

/** What an editing page does after a POST: go to `slug`'s page with a `done` message, or show errors. */
export type EditOutcome<V> =
	| { ok: true; done: string; slug: string }
	| { ok: false; errors: FieldError[]; values: V | null; typed?: Record<string, string> };

type Parsed<V> =
	| { ok: true; values: V }
	| { ok: false; errors: FieldError[]; values: V; typed?: Record<string, string> };

const unreadable = {
	ok: false as const,
	errors: [{ field: 'name', message: EDIT_UNREADABLE }],
	values: null,
};

export { choicesOf } from '../queries/choices.ts';

const ids = (db: Db, table: 'area' | 'organisation' | 'theme' | 'hub') =>
	db.$client.prepare(`select id from ${table}`).pluck().all() as string[];

const parseHub = (db: Db, form: FormData) =>
	parseHubForm(form, ids(db, 'area'), ids(db, 'organisation'));
const parseService = (db: Db, form: FormData) =>
	parseServiceForm(form, {
		organisationIds: ids(db, 'organisation'),
		themeIds: ids(db, 'theme'),
		hubIds: ids(db, 'hub'),
	});

async function postDraftedEdit<V extends { name: string }>(
	db: Db,
	kind: DraftedKind<V>,
	parse: (db: Db, form: FormData) => Parsed<V>,
	request: Request,
	record: { id: string; slug: string },
	user: Actor,
	today: string,
	now: Date,
): Promise<EditOutcome<V>> {
	const form = await readPosted(request);
	if (!form) return unreadable;
	const done = (what: string) => ({ ok: true as const, done: what, slug: record.slug });
	const checked = checkAction(form, draftedEditActions);
	if (!checked.ok) return unreadable;
	switch (checked.request.action) {
		case 'publish':
			publishRecord(db, kind, record.id, user, now);
			return done('published');
		case 'unpublish':
			unpublishRecord(db, kind, record.id, user, now);
			return done('unpublished');
		case 'reviewed':
			markReviewed(db, kind, record.id, user, today, now);
			return done('reviewed');
		case 'discard':
			discardDraft(db, kind, record.id, user, now);
			return done('discarded');
		case 'save':
			break;
	}
	const parsed = parse(db, form);
	if (!parsed.ok) return parsed;
	saveDraft(db, kind, record.id, parsed.values, user, now);
	return done('saved');
}

async function postNewRecord<V extends { name: string }>(
	db: Db,
	kind: DraftedKind<V>,
	parse: (db: Db, form: FormData) => Parsed<V>,
	request: Request,
	user: Actor,
	today: string,
	now: Date,
): Promise<EditOutcome<V>> {
	const form = await readPosted(request);
	if (!form) return unreadable;
	const parsed = parse(db, form);
	if (!parsed.ok) return parsed;
	const { slug } = createRecord(db, kind, parsed.values, user, today, now);
	return { ok: true, done: 'created', slug };
}

/** Saves a hub's draft, publishes, unpublishes, throws the draft away or marks it reviewed. */
export const postHubEdit = (
	db: Db,
	request: Request,
	hub: { id: string; slug: string },
	user: Actor,
	today: string,
	now: Date,
): Promise<EditOutcome<HubValues>> =>
	postDraftedEdit(db, HUB, parseHub, request, hub, user, today, now);

/** Adds a hub from the form. */
export const postNewHub = (
	db: Db,
	request: Request,
	user: Actor,
	today: string,
	now: Date,
): Promise<EditOutcome<HubValues>> => postNewRecord(db, HUB, parseHub, request, user, today, now);

/** The same steps as for a hub, for a service. */
export const postServiceEdit = (
	db: Db,
	request: Request,
	service: { id: string; slug: string },
	user: Actor,
	today: string,
	now: Date,
): Promise<EditOutcome<ServiceValues>> =>
	postDraftedEdit(db, SERVICE, parseService, request, service, user, today, now);

/** Adds a service from the form. */
export const postNewService = (
	db: Db,
	request: Request,
	user: Actor,
	today: string,
	now: Date,
): Promise<EditOutcome<ServiceValues>> =>
	postNewRecord(db, SERVICE, parseService, request, user, today, now);

/** Adds (`theme` null) or changes a theme. */
export async function postTheme(
	db: Db,
	request: Request,
	theme: { id: string } | null,
	user: Actor,
	now: Date,
): Promise<EditOutcome<ThemeValues>> {
	const form = await readPosted(request);
	if (!form) return unreadable;
	const parsed = parseThemeForm(form);
	if (!parsed.ok) return parsed;
	const slug = saveTheme(db, theme?.id ?? null, parsed.values, user, now);
	return { ok: true, done: theme ? 'saved' : 'created', slug };
}

/** Adds (`organisation` null) or changes an organisation; its page is found by id. */
export async function postOrganisation(
	db: Db,
	request: Request,
	organisation: { id: string } | null,
	user: Actor,
	now: Date,
): Promise<EditOutcome<OrganisationValues>> {
	const form = await readPosted(request);
	if (!form) return unreadable;
	const parsed = parseOrganisationForm(form);
	if (!parsed.ok) return parsed;
	const id = saveOrganisation(db, organisation?.id ?? null, parsed.values, user, now);
	return { ok: true, done: organisation ? 'saved' : 'created', slug: id };
}
