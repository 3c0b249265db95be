/**
 * Open Referral data in tables: the HSDS tabular data package (one CSV file per object type, with
 * a `datapackage.json`), and the walk that turns nested Open Referral JSON into the same tables.
 * Both import paths meet here: a JSON file is walked into tables, CSV files are read into tables,
 * and the import plan works on tables, with the line each row came from. The export goes the
 * other way: the nested export is walked into tables and written as CSV.
 */
import { csvCell, parseCsv, unguardCell } from '../csv.ts';
import type { OrukObject } from './map.ts';

/** The tables of the data package, with their columns in file order. */
export const TABLES = {
	organizations: ['id', 'name', 'description', 'email', 'website', 'logo', 'uri'],
	services: [
		'id',
		'organization_id',
		'name',
		'description',
		'url',
		'email',
		'status',
		'fees',
		'minimum_age',
		'maximum_age',
		'assured_date',
		'last_modified',
		'eligibility_description',
		'application_process',
	],
	locations: [
		'id',
		'organization_id',
		'location_type',
		'name',
		'description',
		'latitude',
		'longitude',
		'url',
		'email',
		'transportation',
	],
	service_at_locations: ['id', 'service_id', 'location_id'],
	addresses: [
		'id',
		'location_id',
		'address_1',
		'address_2',
		'city',
		'region',
		'state_province',
		'postal_code',
		'country',
		'address_type',
	],
	accessibility: ['id', 'location_id', 'description', 'details', 'accessibility'],
	phones: ['id', 'location_id', 'service_id', 'number', 'description'],
	languages: ['id', 'location_id', 'service_id', 'name'],
	schedules: [
		'id',
		'service_id',
		'location_id',
		'service_at_location_id',
		'valid_from',
		'valid_to',
		'dtstart',
		'freq',
		'interval',
		'byday',
		'bymonthday',
		'description',
		'opens_at',
		'closes_at',
		'schedule_link',
		'attending_type',
		'notes',
	],
	taxonomies: ['id', 'name', 'description', 'uri', 'version'],
	taxonomy_terms: [
		'id',
		'name',
		'description',
		'parent_id',
		'taxonomy',
		'taxonomy_id',
		'term_uri',
		'term',
	],
	attributes: ['id', 'link_id', 'link_entity', 'link_type', 'taxonomy_term_id'],
	contacts: ['id', 'service_id', 'name', 'title'],
} as const;

/** The name of a table. */
export type TableName = keyof typeof TABLES;

/** Columns that hold numbers. */
const NUMBERS = new Set(['minimum_age', 'maximum_age', 'latitude', 'longitude', 'interval']);

/** One row of a table, with where it came from ("services.csv line 4", "line 12"). */
export interface Row {
	source: string;
	values: Record<string, unknown>;
}

/** Every table, each a list of rows (ids unique within a table). */
export type Tables = Record<TableName, Row[]>;

/** Empty tables. */
export function emptyTables(): Tables {
	return Object.fromEntries(Object.keys(TABLES).map((t) => [t, []])) as unknown as Tables;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

const list = (v: unknown): Record<string, unknown>[] =>
	Array.isArray(v) ? v.filter(isObject) : [];

/** The one-to-one values of an object (nested objects and lists left out). */
function flat(o: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(o).filter(([, v]) => v === null || typeof v !== 'object'),
	);
}

/**
 * Walks nested Open Referral JSON into tables. Accepts what the API and exports give: an
 * organisation or service (full), a service at a location (full), a taxonomy or term, a list of
 * any of these, or a Page of them. `lineOf` says on which line of the file an id first appears.
 */
export function tablesFromJson(
	json: unknown,
	lineOf: (id: string) => number | null = () => null,
): { tables: Tables; problems: string[] } {
	const tables = emptyTables();
	const problems: string[] = [];
	const seen = new Map<string, Map<string, Row>>();
	const add = (table: TableName, values: Record<string, unknown>, where: string) => {
		const id = typeof values['id'] === 'string' ? values['id'] : null;
		const line = id ? lineOf(id) : null;
		const path = where.replace(/^\./, '');
		const source = line ? `line ${line}${path ? ` (${path})` : ''}` : path || 'the file';
		if (id) {
			const byId = seen.get(table) ?? new Map<string, Row>();
			seen.set(table, byId);
			const before = byId.get(id);
			if (before) {
				for (const [k, v] of Object.entries(values))
					if (before.values[k] === undefined || before.values[k] === null) before.values[k] = v;
				return;
			}
			const row = { source, values };
			byId.set(id, row);
			tables[table].push(row);
			return;
		}
		tables[table].push({ source, values });
	};
	const term = (t: Record<string, unknown>, where: string) => add('taxonomy_terms', flat(t), where);
	const location = (l: Record<string, unknown>, where: string) => {
		const id = l['id'];
		add('locations', flat(l), where);
		list(l['addresses']).forEach((a, i) =>
			add('addresses', { location_id: id, ...flat(a) }, `${where}.addresses[${i}]`),
		);
		list(l['accessibility']).forEach((a, i) =>
			add('accessibility', { location_id: id, ...flat(a) }, `${where}.accessibility[${i}]`),
		);
		list(l['phones']).forEach((p, i) =>
			add('phones', { location_id: id, ...flat(p) }, `${where}.phones[${i}]`),
		);
		list(l['languages']).forEach((p, i) =>
			add('languages', { location_id: id, ...flat(p) }, `${where}.languages[${i}]`),
		);
		list(l['schedules']).forEach((s, i) =>
			add('schedules', { location_id: id, ...flat(s) }, `${where}.schedules[${i}]`),
		);
	};
	const organisation = (o: Record<string, unknown>, where: string) => {
		add('organizations', flat(o), where);
		list(o['services']).forEach((s, i) =>
			service({ organization_id: o['id'], ...s }, `${where}.services[${i}]`),
		);
	};
	const service = (s: Record<string, unknown>, where: string, sal?: Record<string, unknown>) => {
		const id = s['id'];
		const org = isObject(s['organization']) ? s['organization'] : null;
		add('services', { ...flat(s), organization_id: s['organization_id'] ?? org?.['id'] }, where);
		if (org) add('organizations', flat(org), `${where}.organization`);
		list(s['service_at_locations']).forEach((x, i) =>
			serviceAtLocation({ service_id: id, ...x }, `${where}.service_at_locations[${i}]`),
		);
		list(s['schedules']).forEach((x, i) =>
			add(
				'schedules',
				{ service_id: id, ...(sal ? { service_at_location_id: sal['id'] } : {}), ...flat(x) },
				`${where}.schedules[${i}]`,
			),
		);
		list(s['attributes']).forEach((a, i) => {
			const t = isObject(a['taxonomy_term']) ? a['taxonomy_term'] : null;
			add(
				'attributes',
				{
					link_id: id,
					link_entity: 'service',
					...flat(a),
					taxonomy_term_id: a['taxonomy_term_id'] ?? t?.['id'],
				},
				`${where}.attributes[${i}]`,
			);
			if (t) term(t, `${where}.attributes[${i}].taxonomy_term`);
		});
		list(s['phones']).forEach((p, i) =>
			add('phones', { service_id: id, ...flat(p) }, `${where}.phones[${i}]`),
		);
		list(s['contacts']).forEach((c, i) =>
			add('contacts', { service_id: id, ...flat(c) }, `${where}.contacts[${i}]`),
		);
	};
	const serviceAtLocation = (x: Record<string, unknown>, where: string) => {
		const l = isObject(x['location']) ? x['location'] : null;
		const s = isObject(x['service']) ? x['service'] : null;
		add(
			'service_at_locations',
			{
				...flat(x),
				location_id: x['location_id'] ?? l?.['id'],
				service_id: x['service_id'] ?? s?.['id'],
			},
			where,
		);
		if (l) location(l, `${where}.location`);
		if (s) service(s, `${where}.service`, x);
	};
	const taxonomy = (t: Record<string, unknown>, where: string) => {
		add('taxonomies', flat(t), where);
		list(t['taxonomy_terms']).forEach((x, i) =>
			term({ taxonomy_id: t['id'], ...x }, `${where}.taxonomy_terms[${i}]`),
		);
	};
	const item = (v: unknown, where: string) => {
		if (!isObject(v)) {
			problems.push(`${where} is not an Open Referral object`);
			return;
		}
		if ('status' in v) service(v, where);
		else if ('location' in v || 'service' in v || 'location_id' in v) serviceAtLocation(v, where);
		else if ('taxonomy_terms' in v || 'version' in v) taxonomy(v, where);
		else if ('taxonomy_id' in v || 'term' in v || 'term_uri' in v || 'parent_id' in v)
			term(v, where);
		else organisation(v, where);
	};
	if (Array.isArray(json)) json.forEach((v, i) => item(v, `[${i}]`));
	else if (isObject(json) && Array.isArray(json['contents']))
		json['contents'].forEach((v, i) => item(v, `contents[${i}]`));
	else item(json, '');
	return { tables, problems };
}

/** Where each id first appears in JSON text: a line number lookup for messages. */
export function jsonLineFinder(text: string): (id: string) => number | null {
	const lines = new Map<string, number>();
	const re = /"id"\s*:\s*"([^"]+)"/g;
	let line = 1;
	let last = 0;
	for (let m = re.exec(text); m; m = re.exec(text)) {
		for (let i = last; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
		last = m.index;
		if (!lines.has(m[1]!)) lines.set(m[1]!, line);
	}
	return (id) => lines.get(id) ?? null;
}

/** A value as a CSV cell: numbers as they are, text guarded against spreadsheet formulas. */
function cell(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return String(v);
	return csvCell(String(v));
}

/** The tables as CSV files (only tables with rows), keyed by file name. */
export function tablesToCsv(tables: Tables): Record<string, string> {
	const files: Record<string, string> = {};
	for (const [name, columns] of Object.entries(TABLES) as [TableName, readonly string[]][]) {
		if (tables[name].length === 0) continue;
		const lines = [
			columns.join(','),
			...tables[name].map((r) => columns.map((c) => cell(r.values[c])).join(',')),
		];
		files[`${name}.csv`] = lines.join('\r\n') + '\r\n';
	}
	return files;
}

/** The data package descriptor for CSV files written by `tablesToCsv`. */
export function dataPackage(files: readonly string[], title: string): object {
	return {
		profile: 'tabular-data-package',
		name: 'community-hubs-directory',
		title,
		licenses: [{ name: 'OGL-UK-3.0', title: 'Open Government Licence v3.0' }],
		resources: (Object.keys(TABLES) as TableName[])
			.filter((t) => files.includes(`${t}.csv`))
			.map((t) => ({
				name: t,
				path: `${t}.csv`,
				profile: 'tabular-data-resource',
				format: 'csv',
				mediatype: 'text/csv',
				encoding: 'utf-8',
				schema: {
					fields: TABLES[t].map((c) => ({ name: c, type: NUMBERS.has(c) ? 'number' : 'string' })),
					primaryKey: 'id',
				},
			})),
	};
}

/**
 * Reads CSV files of a data package into tables. Files are known by their names (services.csv,
 * locations.csv...; any folder in front is ignored); unknown files and columns are reported.
 */
export function tablesFromCsv(files: Record<string, string>): {
	tables: Tables;
	problems: string[];
} {
	const tables = emptyTables();
	const problems: string[] = [];
	for (const [path, text] of Object.entries(files)) {
		const file = path.split('/').pop()!;
		if (file === 'datapackage.json') continue;
		const name = file.replace(/\.csv$/i, '') as TableName;
		if (!file.toLowerCase().endsWith('.csv') || !(name in TABLES)) {
			problems.push(
				`${file}: not a table this site reads (it reads ${Object.keys(TABLES)
					.map((t) => `${t}.csv`)
					.join(', ')})`,
			);
			continue;
		}
		const parsed = parseCsv(text);
		if (!parsed.ok) {
			problems.push(`${file}: ${parsed.message}`);
			continue;
		}
		const [header, ...records] = parsed.records;
		if (!header) continue;
		const columns = header.cells.map((c) => c.trim());
		const known = new Set<string>(TABLES[name]);
		const unknown = columns.filter((c) => !known.has(c));
		if (unknown.length)
			problems.push(`${file} line ${header.line}: unknown columns ${unknown.join(', ')}`);
		if (!columns.includes('id')) {
			problems.push(`${file} line ${header.line}: there is no id column`);
			continue;
		}
		for (const r of records) {
			const source = `${file} line ${r.line}`;
			if (r.cells.length !== columns.length) {
				problems.push(
					`${source}: has ${r.cells.length} values but the header has ${columns.length} columns`,
				);
				continue;
			}
			const values: Record<string, unknown> = {};
			columns.forEach((c, i) => {
				if (!known.has(c)) return;
				const text = unguardCell(r.cells[i]!);
				if (text === '') return;
				values[c] = NUMBERS.has(c) && /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
			});
			tables[name].push({ source, values });
		}
	}
	return { tables, problems };
}

/** The export as tables: the nested export walked, plus every theme and every published hub. */
export function exportTables(
	pkg: readonly OrukObject[],
	taxonomy: OrukObject,
	locations: readonly OrukObject[],
): Tables {
	const { tables } = tablesFromJson([...pkg, taxonomy, ...locations.map((l) => ({ location: l }))]);
	// Locations given on their own are hubs with no published service: they are not services at locations.
	tables.service_at_locations = tables.service_at_locations.filter((r) => r.values['service_id']);
	return tables;
}
