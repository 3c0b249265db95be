/**
 * Importing and exporting the directory as Open Referral UK data. Policy: only signed-in staff
 * import (the pages check it); a file is never fetched from a URL, only uploaded or pasted. An
 * import is first a dry run that says what would be created, updated or rejected, with the file
 * and line of each rejection; applying it runs the same plan again on fresh data in one
 * transaction and writes nothing at all if anything is rejected. Imported hubs and services
 * arrive unpublished (new) or as working drafts (existing), each change in its record's audit
 * trail, and the import itself in the site's trail. The export is the published directory only.
 */
import { randomUUID } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { diffRecords, type FieldChange } from '../../domain/audit.ts';
import { ORGANISATION_FIELDS, THEME_FIELDS } from '../../domain/forms/theme-form.ts';
import {
	planImport,
	type Coordinates,
	type ExistingDirectory,
	type ImportPlan,
} from '../../domain/open-data/import-plan.ts';
import {
	exportPackage,
	indexDirectory,
	locationObject,
	taxonomyObject,
} from '../../domain/open-data/map.ts';
import {
	dataPackage,
	exportTables,
	jsonLineFinder,
	tablesFromCsv,
	tablesFromJson,
	tablesToCsv,
	type Tables,
} from '../../domain/open-data/tabular.ts';
import type { HubValues } from '../../domain/forms/hub-form.ts';
import type { ServiceValues } from '../../domain/forms/service-form.ts';
import type { Db } from '../db/open-database.ts';
import { recordAudit } from '../queries/audit-trail.ts';
import { bumpContentVersion } from '../queries/meta.ts';
import { readOpenDirectory } from '../queries/open-data.ts';
import { uniqueSlug } from '../queries/slugs.ts';
import type { Actor } from './drafts.ts';
import { HUB } from './publish-hub.ts';
import { SERVICE } from './publish-service.ts';

/** A file as uploaded. */
export interface UploadedFile {
	name: string;
	bytes: Uint8Array;
}

/** What was read from the upload: the tables, problems with the files, and a name for the trail. */
export interface ImportSource {
	label: string;
	tables: Tables;
	problems: string[];
}

/** The largest upload read (the server refuses bodies over 1 MB anyway). */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Reads an upload: pasted JSON, a .json file, a .zip data package, or .csv files of one. Returns
 * a message when there is nothing to read or it cannot be read at all.
 */
export function readImport(
	files: readonly UploadedFile[],
	pasted: string,
): { ok: true; source: ImportSource } | { ok: false; message: string } {
	const given = files.filter((f) => f.bytes.byteLength > 0);
	if (pasted.trim() !== '' && given.length > 0)
		return { ok: false, message: 'Choose a file or paste JSON, not both' };
	if (pasted.trim() !== '') return readJson(pasted, 'pasted JSON');
	if (given.length === 0)
		return { ok: false, message: 'Choose a file to import, or paste Open Referral JSON' };
	if (given.some((f) => f.bytes.byteLength > MAX_BYTES))
		return { ok: false, message: 'The file must be smaller than 5 MB' };
	if (given.length === 1 && /\.json$/i.test(given[0]!.name))
		return readJson(strFromU8(given[0]!.bytes), given[0]!.name);
	const csv: Record<string, string> = {};
	for (const f of given) {
		if (/\.zip$/i.test(f.name)) {
			let entries: Record<string, Uint8Array>;
			try {
				entries = unzipSync(f.bytes);
			} catch {
				return { ok: false, message: `${f.name} is not a zip file that can be opened` };
			}
			const jsonFiles = Object.keys(entries).filter(
				(n) => /\.json$/i.test(n) && !n.endsWith('datapackage.json'),
			);
			if (jsonFiles.length === 1 && !Object.keys(entries).some((n) => /\.csv$/i.test(n)))
				return readJson(strFromU8(entries[jsonFiles[0]!]!), `${f.name}: ${jsonFiles[0]}`);
			for (const [n, bytes] of Object.entries(entries))
				if (!n.endsWith('/')) csv[n] = strFromU8(bytes);
		} else if (/\.csv$/i.test(f.name)) csv[f.name] = strFromU8(f.bytes);
		else
			return {
				ok: false,
				message: `${f.name} is not a file this site imports: choose a .json file, a .zip data package or .csv files`,
			};
	}
	const { tables, problems } = tablesFromCsv(csv);
	return {
		ok: true,
		source: { label: given.map((f) => f.name).join(', '), tables, problems },
	};
}

function readJson(
	text: string,
	label: string,
): { ok: true; source: ImportSource } | { ok: false; message: string } {
	let json: unknown;
	try {
		json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	} catch (error) {
		return {
			ok: false,
			message: `${label} is not valid JSON (${(error as Error).message}). Check it and try again`,
		};
	}
	const { tables, problems } = tablesFromJson(json, jsonLineFinder(text));
	return { ok: true, source: { label, tables, problems } };
}

/** What the database holds, for matching an import against. */
export function readExisting(db: Db): ExistingDirectory {
	const rows = <T>(sql: string) => db.$client.prepare(sql).all() as T[];
	const hubs = new Map<string, HubValues & Coordinates>();
	for (const h of rows<{
		id: string;
		draft: string | null;
		latitude: number | null;
		longitude: number | null;
	}>('select id, draft, latitude, longitude from hub')) {
		const published = HUB.read(db, h.id)!;
		const draft = h.draft ? (JSON.parse(h.draft) as Partial<HubValues & Coordinates>) : {};
		hubs.set(h.id, { latitude: h.latitude, longitude: h.longitude, ...published, ...draft });
	}
	const services = new Map<string, ServiceValues>();
	for (const s of rows<{ id: string; draft: string | null }>('select id, draft from service')) {
		const published = SERVICE.read(db, s.id)!;
		services.set(s.id, {
			...published,
			...(s.draft ? (JSON.parse(s.draft) as Partial<ServiceValues>) : {}),
		});
	}
	return {
		organisations: rows('select id, name from organisation'),
		themes: rows('select id, name from theme'),
		areas: rows('select id, name from area'),
		hubs,
		services,
		serviceHubs: new Map(
			rows<{ id: string; serviceId: string; hubId: string }>(
				'select id, service_id as serviceId, hub_id as hubId from service_hub',
			).map((r) => [r.id, { serviceId: r.serviceId, hubId: r.hubId }]),
		),
		themeCount: (db.$client.prepare('select count(*) from theme').pluck().get() as number) ?? 0,
	};
}

/** One line of the dry run's report. */
export interface ReportEntry {
	kind: 'hub' | 'service' | 'theme' | 'organisation' | 'area';
	name: string;
	source: string;
	/** For an update: the fields that would change. */
	changes?: FieldChange[];
}

/** What an import would do (or did), for people to read. */
export interface ImportReport {
	label: string;
	creates: ReportEntry[];
	updates: ReportEntry[];
	unchanged: ReportEntry[];
	rejections: { source: string; message: string }[];
	notes: string[];
}

function coordinateChanges(before: Coordinates | undefined, after: Coordinates): FieldChange[] {
	const show = (c: Coordinates | undefined) =>
		c && c.latitude !== null && c.longitude !== null ? `${c.latitude}, ${c.longitude}` : '';
	return show(before) === show(after)
		? []
		: [{ field: 'Coordinates', from: show(before), to: show(after) }];
}

function hubChanges(
	db: Db,
	before: (HubValues & Coordinates) | undefined,
	after: HubValues & Coordinates,
) {
	return [
		...diffRecords(before ? HUB.describe(db, before) : {}, HUB.describe(db, after), HUB.labels),
		...coordinateChanges(before, after),
	];
}

function serviceChanges(db: Db, before: ServiceValues | undefined, after: ServiceValues) {
	return diffRecords(
		before ? SERVICE.describe(db, before) : {},
		SERVICE.describe(db, after),
		SERVICE.labels,
	);
}

/** The report of a plan against the database as it is. */
function reportOf(
	db: Db,
	source: ImportSource,
	plan: ImportPlan,
	existing: ExistingDirectory,
): ImportReport {
	const report: ImportReport = {
		label: source.label,
		creates: [],
		updates: [],
		unchanged: [],
		rejections: [
			...source.problems.map((p) => ({ source: p.split(':')[0]!, message: p })),
			...plan.rejections,
		],
		notes: plan.notes,
	};
	for (const a of plan.areas)
		report.creates.push({ kind: 'area', name: a.name, source: 'addresses' });
	for (const o of plan.organisations)
		report.creates.push({ kind: 'organisation', name: o.name, source: o.source });
	for (const t of plan.themes)
		report.creates.push({ kind: 'theme', name: t.name, source: t.source });
	for (const k of plan.kept)
		report.unchanged.push({ kind: k.kind, name: k.name, source: k.source });
	for (const h of plan.hubs) {
		if (h.action === 'create') report.creates.push({ kind: 'hub', name: h.name, source: h.source });
		else {
			const changes = hubChanges(db, existing.hubs.get(h.id), h.values);
			(changes.length ? report.updates : report.unchanged).push({
				kind: 'hub',
				name: h.name,
				source: h.source,
				changes,
			});
		}
	}
	for (const s of plan.services) {
		if (s.action === 'create')
			report.creates.push({ kind: 'service', name: s.name, source: s.source });
		else {
			const { serviceHubIds: _ids, ...values } = s.values;
			const changes = serviceChanges(db, existing.services.get(s.id), values);
			(changes.length ? report.updates : report.unchanged).push({
				kind: 'service',
				name: s.name,
				source: s.source,
				changes,
			});
		}
	}
	return report;
}

/** The dry run: what importing the source would do, changing nothing. */
export function dryRunImport(db: Db, source: ImportSource): ImportReport {
	const existing = readExisting(db);
	return reportOf(db, source, planImport(source.tables, existing), existing);
}

/**
 * Applies an import: all of it, or (when anything is rejected) none of it. Returns the report of
 * what was done, or of why nothing was.
 */
export function applyImport(
	db: Db,
	source: ImportSource,
	user: Actor,
	today: string,
	now: Date,
): { ok: boolean; report: ImportReport } {
	return db.$client
		.transaction(() => {
			const existing = readExisting(db);
			const plan = planImport(source.tables, existing);
			const report = reportOf(db, source, plan, existing);
			if (report.rejections.length > 0) return { ok: false, report };
			const stamp = now.toISOString();
			for (const a of plan.areas) {
				let slug = a.slug;
				for (let n = 2; db.$client.prepare('select 1 from area where slug = ?').get(slug); n++)
					slug = `${a.slug}-${n}`;
				db.$client
					.prepare('insert into area (id, slug, name) values (?, ?, ?)')
					.run(a.id, slug, a.name);
			}
			for (const o of plan.organisations) {
				const v = o.values;
				db.$client
					.prepare(
						'insert into organisation (id, name, description, website, email, phone) values (?, ?, ?, ?, ?, ?)',
					)
					.run(o.id, v.name, v.description, v.website || null, v.email || null, v.phone || null);
				recordAudit(
					db,
					user,
					'organisation',
					o.id,
					'Created by import',
					diffRecords({}, v, ORGANISATION_FIELDS),
					now,
				);
			}
			for (const t of plan.themes) {
				const v = t.values;
				db.$client
					.prepare(
						'insert into theme (id, slug, name, summary, description, sensitive, sort_order) values (?, ?, ?, ?, ?, ?, ?)',
					)
					.run(
						t.id,
						uniqueSlug(db, 'theme', v.name),
						v.name,
						v.summary,
						v.description,
						v.sensitive ? 1 : 0,
						v.sortOrder,
					);
				recordAudit(
					db,
					user,
					'theme',
					t.id,
					'Created by import',
					diffRecords({}, { ...v, sensitive: v.sensitive ? 'Yes' : 'No' }, THEME_FIELDS),
					now,
				);
			}
			for (const h of plan.hubs) {
				const before = existing.hubs.get(h.id);
				const changes = hubChanges(db, before, h.values);
				if (h.action === 'create') {
					HUB.insert(db, h.id, uniqueSlug(db, 'hub', h.values.name), h.values, today, now);
					db.$client
						.prepare('update hub set latitude = ?, longitude = ? where id = ?')
						.run(h.values.latitude, h.values.longitude, h.id);
					recordAudit(db, user, 'hub', h.id, 'Created by import', changes, now);
				} else if (changes.length > 0) {
					db.$client
						.prepare('update hub set draft = ?, updated_at = ? where id = ?')
						.run(JSON.stringify(h.values), stamp, h.id);
					recordAudit(db, user, 'hub', h.id, 'Draft saved by import', changes, now);
				}
			}
			for (const s of plan.services) {
				const { serviceHubIds, ...values } = s.values;
				const changes = serviceChanges(db, existing.services.get(s.id), values);
				if (s.action === 'create') {
					SERVICE.insert(db, s.id, uniqueSlug(db, 'service', values.name), values, today, now);
					// Services at hubs keep the ids they had in the file.
					for (const [hubId, id] of Object.entries(serviceHubIds))
						db.$client
							.prepare('update service_hub set id = ? where service_id = ? and hub_id = ?')
							.run(id, s.id, hubId);
					recordAudit(db, user, 'service', s.id, 'Created by import', changes, now);
				} else if (changes.length > 0) {
					db.$client
						.prepare('update service set draft = ?, updated_at = ? where id = ?')
						.run(JSON.stringify(values), stamp, s.id);
					recordAudit(db, user, 'service', s.id, 'Draft saved by import', changes, now);
				}
			}
			const count = (kind: ReportEntry['kind'], list: ReportEntry[]) =>
				list.filter((e) => e.kind === kind).length;
			const summary = (list: ReportEntry[]) =>
				(['hub', 'service', 'theme', 'organisation', 'area'] as const)
					.map((k) => `${count(k, list)} ${k === 'hub' ? 'hubs' : `${k}s`}`)
					.join(', ');
			recordAudit(
				db,
				user,
				'import',
				randomUUID(),
				`Imported ${source.label}`.slice(0, 200),
				[
					{ field: 'Created (unpublished)', from: '', to: summary(report.creates) },
					{ field: 'Updated (as drafts)', from: '', to: summary(report.updates) },
					{ field: 'Unchanged', from: '', to: summary(report.unchanged) },
				],
				now,
			);
			bumpContentVersion(db);
			return { ok: true, report };
		})
		.immediate();
}

/** The whole published directory as Open Referral JSON (an organisation package). */
export function exportJson(db: Db, origin: string): string {
	const index = indexDirectory(readOpenDirectory(db));
	return JSON.stringify(exportPackage(index, origin), null, 2) + '\n';
}

/** The whole published directory as an HSDS tabular data package (CSV files in a zip). */
export function exportZip(db: Db, origin: string, siteName: string): Uint8Array {
	const dir = readOpenDirectory(db);
	const index = indexDirectory(dir);
	const served = new Set(dir.services.flatMap((s) => s.places.map((p) => p.hubId)));
	const tables = exportTables(
		exportPackage(index, origin),
		taxonomyObject(origin, dir.themes),
		dir.hubs.filter((h) => !served.has(h.id)).map((h) => locationObject(h, true)),
	);
	const files = tablesToCsv(tables);
	const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
	// A fixed date inside the zip, so the same directory always gives the same bytes.
	const mtime = new Date('2000-01-01T00:00:00Z');
	entries['datapackage.json'] = [
		strToU8(
			JSON.stringify(
				dataPackage(Object.keys(files), `${siteName}: directory of community hubs`),
				null,
				2,
			),
		),
		{ mtime },
	];
	for (const [name, text] of Object.entries(files)) entries[name] = [strToU8(text), { mtime }];
	return zipSync(entries, { level: 6 });
}

/** Tables of an export, for tests and the command line (the CSV files by name). */
export function exportCsvFiles(db: Db, origin: string): Record<string, string> {
	const files = unzipSync(exportZip(db, origin, 'export'));
	return Object.fromEntries(Object.entries(files).map(([n, b]) => [n, strFromU8(b)]));
}
