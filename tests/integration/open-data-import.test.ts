/**
 * Import and export of Open Referral UK data on real databases: the shared examples rejected
 * value by value; corrected examples imported as drafts, in the audit trail; the round trip
 * (import, publish, export, import into an empty database, publish, export again) gives the same
 * export in both forms; the demo directory's own export reads back as updates, not creates; a CSV
 * with bad rows is rejected line by line and changes nothing; and the command-line import.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open-database.ts';
import { parseCsv, toCsv } from '../../src/lib/domain/csv.ts';
import {
	applyImport,
	dryRunImport,
	exportJson,
	exportZip,
	readImport,
	type ImportSource,
} from '../../src/lib/server/use-cases/directory-import.ts';
import { publishHub } from '../../src/lib/server/use-cases/publish-hub.ts';
import { publishService } from '../../src/lib/server/use-cases/publish-service.ts';
import { expectValid } from '../helpers/oruk.ts';
import { FIXED_NOW, ROOT, tempDatabase, tempDir } from '../helpers/temp-db.ts';

const ORIGIN = 'https://hubs.example.org';
const TODAY = '2026-11-23';
const STAFF = { id: 'import-test', name: 'Import Tester' };
const FIXTURES = path.join(ROOT, 'tests/fixtures/oruk-3.0');

const open: (() => void)[] = [];
afterEach(() => {
	while (open.length) open.pop()!();
});
function database(seed: 'demo' | 'none'): Db {
	const { db, cleanup } = tempDatabase(seed);
	open.push(cleanup);
	return db;
}

function source(files: { name: string; bytes: Uint8Array }[], pasted = ''): ImportSource {
	const read = readImport(files, pasted);
	if (!read.ok) throw new Error(read.message);
	return read.source;
}
const fixture = (file: string) => ({
	name: path.basename(file),
	bytes: fs.readFileSync(path.join(FIXTURES, file)),
});

/** Everything an import could change, to check that a refused one changed nothing. */
function snapshot(db: Db): string {
	return ['hub', 'service', 'theme', 'organisation', 'area', 'service_hub', 'audit_entry']
		.map((t) => JSON.stringify(db.$client.prepare(`select * from ${t} order by rowid`).all()))
		.join('\n');
}

function publishEverything(db: Db): void {
	for (const id of db.$client
		.prepare("select id from hub where status = 'draft' or draft is not null")
		.pluck()
		.all() as string[])
		publishHub(db, id, STAFF, FIXED_NOW);
	for (const id of db.$client
		.prepare("select id from service where status = 'draft' or draft is not null")
		.pluck()
		.all() as string[])
		publishService(db, id, STAFF, FIXED_NOW);
}

describe('importing the shared Open Referral examples', () => {
	it.each(['organization_full.json', 'service_full.json', 'service_at_location_full.json'])(
		'rejects the unmodified %s with a message per invalid value, and applies nothing',
		(file) => {
			const db = database('none');
			const src = source([fixture(`examples/${file}`)]);
			const report = dryRunImport(db, src);
			const messages = report.rejections.map((r) => `${r.source}: ${r.message}`);
			expect(messages).toEqual(
				expect.arrayContaining([
					expect.stringMatching(/^line \d+ .*latitude “100”: enter a latitude from -90 to 90$/),
					expect.stringMatching(/^line \d+ .*postal_code “ABC 1234”: Enter a real UK postcode/),
					expect.stringMatching(
						/^line \d+ .*country “US”: the hubs here are in the United Kingdom/,
					),
				]),
			);
			const before = snapshot(db);
			const applied = applyImport(db, src, STAFF, TODAY, FIXED_NOW);
			expect(applied.ok).toBe(false);
			expect(snapshot(db)).toBe(before);
		},
	);

	it('imports the corrected examples as unpublished records, each in the audit trail', () => {
		const db = database('demo');
		const src = source([fixture('corrected/organization_full.json')]);
		const report = dryRunImport(db, src);
		expect(report.rejections).toEqual([]);
		expect(report.creates.map((c) => `${c.kind}: ${c.name}`)).toEqual([
			'area: MyRegion',
			'organisation: Example Organization Inc.',
			'theme: name',
			'hub: MyCity Civic Center',
			'service: Community Counselling',
		]);
		expect(report.notes.join('\n')).toMatch(/contact not imported/);
		const result = applyImport(db, src, STAFF, TODAY, FIXED_NOW);
		expect(result.ok).toBe(true);
		const hub = db.$client
			.prepare('select status, postcode, latitude, longitude from hub where id = ?')
			.get('3a19ff88-4620-4d17-9830-ac1d859eb5d5');
		expect(hub).toEqual({
			status: 'draft',
			postcode: 'G51 3QX',
			latitude: 55.8617,
			longitude: -4.3116,
		});
		const service = db.$client
			.prepare(
				'select status, name, minimum_age as min, is_free as free, cost_description as cost from service where id = ?',
			)
			.get('ac148810-d857-441c-9679-408f346de14b');
		expect(service).toEqual({
			status: 'draft',
			name: 'Community Counselling',
			min: 12,
			free: 0,
			cost: 'fees_description',
		});
		expect(
			db.$client
				.prepare('select id from service_hub where service_id = ?')
				.pluck()
				.get('ac148810-d857-441c-9679-408f346de14b'),
		).toBe('e94c9f38-1e8f-4564-91d4-d53501ab1765');
		const trail = db.$client
			.prepare(
				"select entity, action from audit_entry where user_name = 'Import Tester' order by entity",
			)
			.all();
		expect(trail).toEqual(
			expect.arrayContaining([
				{ entity: 'hub', action: 'Created by import' },
				{ entity: 'service', action: 'Created by import' },
				{ entity: 'theme', action: 'Created by import' },
				{ entity: 'organisation', action: 'Created by import' },
				{ entity: 'import', action: 'Imported organization_full.json' },
			]),
		);
		// Nothing the public sees changed: the new hub and service are not published.
		expect(
			db.$client
				.prepare("select count(*) from hub where status = 'published' and id = ?")
				.pluck()
				.get('3a19ff88-4620-4d17-9830-ac1d859eb5d5'),
		).toBe(0);
	});
});

describe('the round trip', () => {
	it('import, publish, export; import that into an empty database, publish, export: the same export, in both forms', () => {
		const a = database('none');
		expect(
			applyImport(a, source([fixture('corrected/organization_full.json')]), STAFF, TODAY, FIXED_NOW)
				.ok,
		).toBe(true);
		publishEverything(a);
		const firstJson = exportJson(a, ORIGIN);
		const firstZip = exportZip(a, ORIGIN, 'Test');
		expectValid('compiled/organization_package', JSON.parse(firstJson));

		const b = database('none');
		const fromJson = source([{ name: 'export.json', bytes: strToU8(firstJson) }]);
		expect(dryRunImport(b, fromJson).rejections).toEqual([]);
		expect(applyImport(b, fromJson, STAFF, TODAY, FIXED_NOW).ok).toBe(true);
		publishEverything(b);
		expect(exportJson(b, ORIGIN)).toBe(firstJson);

		const c = database('none');
		const fromZip = source([{ name: 'export.zip', bytes: firstZip }]);
		expect(dryRunImport(c, fromZip).rejections).toEqual([]);
		expect(applyImport(c, fromZip, STAFF, TODAY, FIXED_NOW).ok).toBe(true);
		publishEverything(c);
		expect(exportJson(c, ORIGIN)).toBe(firstJson);
		expect(Buffer.from(exportZip(c, ORIGIN, 'Test')).equals(Buffer.from(firstZip))).toBe(true);
	});

	it.each(['json', 'zip'] as const)(
		'reads the demo directory’s own %s export back as updates and unchanged records, never creates',
		(form) => {
			const db = database('demo');
			const bytes =
				form === 'json' ? strToU8(exportJson(db, ORIGIN)) : exportZip(db, ORIGIN, 'Test');
			if (form === 'json')
				expectValid('compiled/organization_package', JSON.parse(strFromU8(bytes)));
			const report = dryRunImport(db, source([{ name: `export.${form}`, bytes }]));
			expect(report.rejections).toEqual([]);
			expect(report.creates).toEqual([]);
			const hubs = db.$client
				.prepare("select count(*) from hub where status = 'published'")
				.pluck()
				.get() as number;
			const seen = [...report.updates, ...report.unchanged];
			expect(seen.filter((e) => e.kind === 'hub').length).toBe(hubs);
			expect(seen.filter((e) => e.kind === 'service').length).toBeGreaterThan(20);
		},
	);

	it('saves a changed hub from an import as a working draft, leaving the published version', () => {
		const db = database('demo');
		const json = exportJson(db, ORIGIN).replace(
			'"name": "Govan Riverside Hub"',
			'"name": "Govan Riverside Community Hub"',
		);
		const report = applyImport(
			db,
			source([{ name: 'changed.json', bytes: strToU8(json) }]),
			STAFF,
			TODAY,
			FIXED_NOW,
		);
		expect(report.ok).toBe(true);
		const updated = report.report.updates.find((u) => u.kind === 'hub')!;
		expect(updated.changes).toEqual([
			{ field: 'Name', from: 'Govan Riverside Hub', to: 'Govan Riverside Community Hub' },
		]);
		const row = db.$client
			.prepare("select name, draft from hub where slug = 'govan-riverside-hub'")
			.get() as {
			name: string;
			draft: string;
		};
		expect(row.name).toBe('Govan Riverside Hub');
		expect(JSON.parse(row.draft).name).toBe('Govan Riverside Community Hub');
		expect(
			db.$client
				.prepare(
					"select action from audit_entry where entity = 'hub' and user_name = 'Import Tester'",
				)
				.pluck()
				.all(),
		).toEqual(['Draft saved by import']);
	});
});

describe('CSV', () => {
	it('rejects a CSV with bad rows with a message per bad line, and changes nothing', () => {
		const db = database('demo');
		const files = unzipSync(exportZip(db, ORIGIN, 'Test'));
		/** Changes one value of the n-th record and returns the line that record starts on. */
		const edit = (name: string, n: number, column: string, value: string): string => {
			const parsed = parseCsv(strFromU8(files[name]!));
			if (!parsed.ok) throw new Error(parsed.message);
			const [header, ...records] = parsed.records;
			records[n]!.cells[header!.cells.indexOf(column)] = value;
			files[name] = strToU8(toCsv([header!.cells, ...records.map((r) => r.cells)]));
			const again = parseCsv(strFromU8(files[name]!));
			return `${name} line ${again.ok ? again.records[n + 1]!.line : 0}`;
		};
		const postcodeLine = edit('addresses.csv', 1, 'postal_code', 'NOT A POSTCODE');
		const ageLine = edit('services.csv', 4, 'maximum_age', '200');
		const latitudeLine = edit('locations.csv', 3, 'latitude', '155.2');
		const phoneLine = edit('phones.csv', 0, 'number', '12345');
		const src = source([{ name: 'bad.zip', bytes: zipSync(files) }]);
		const report = dryRunImport(db, src);
		const said = (line: string, pattern: RegExp) =>
			report.rejections.some((r) => r.source === line && pattern.test(r.message));
		expect(said(postcodeLine, /postal_code “NOT A POSTCODE”: Enter a real UK postcode/)).toBe(true);
		expect(said(ageLine, /maximum_age “200”: Enter the oldest age as a whole number/)).toBe(true);
		expect(said(latitudeLine, /latitude “155.2”: enter a latitude from -90 to 90/)).toBe(true);
		expect(said(phoneLine, /phones “12345”: Enter a UK phone number/)).toBe(true);
		const before = snapshot(db);
		expect(applyImport(db, src, STAFF, TODAY, FIXED_NOW).ok).toBe(false);
		expect(snapshot(db)).toBe(before);
	});

	it('reads loose CSV files as well as a zip', () => {
		const db = database('demo');
		const files = unzipSync(exportZip(db, ORIGIN, 'Test'));
		const loose = Object.entries(files)
			.filter(([n]) => n.endsWith('.csv'))
			.map(([name, bytes]) => ({ name, bytes }));
		const report = dryRunImport(db, source(loose));
		expect(report.rejections).toEqual([]);
		expect(report.creates).toEqual([]);
	});
});

describe('npm run import', () => {
	it('checks and applies a file from the command line, all or nothing', () => {
		const { dir, cleanup } = tempDir();
		open.push(cleanup);
		const env = { ...process.env, DATABASE_PATH: path.join(dir, 'cli.db'), SEED: 'none' };
		const run = (...args: string[]) =>
			spawnSync(process.execPath, [path.join(ROOT, 'src/cli/import.ts'), ...args], {
				cwd: ROOT,
				env,
				encoding: 'utf8',
			});
		const refused = run(path.join(FIXTURES, 'examples/service_full.json'));
		expect(refused.status).toBe(1);
		expect(refused.stdout + refused.stderr).toMatch(/latitude “100”/);
		const dry = run('--dry-run', path.join(FIXTURES, 'corrected/service_full.json'));
		expect(dry.status).toBe(0);
		expect(dry.stdout).toMatch(/Would create: 1 hub, 1 service/);
		const applied = run(path.join(FIXTURES, 'corrected/service_full.json'));
		expect(applied.status, applied.stderr).toBe(0);
		expect(applied.stdout).toMatch(/Imported: created 1 hub, 1 service/);
		const again = run('--dry-run', path.join(FIXTURES, 'corrected/service_full.json'));
		expect(again.stdout).toMatch(/Would create: nothing/);
	});
});
