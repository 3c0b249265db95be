import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
	assertSupportedNode,
	isEmpty,
	openDatabase,
} from '../../src/lib/server/db/open-database.ts';
import { getContentVersion, isDemoData } from '../../src/lib/server/queries/meta.ts';
import { FIXED_NOW, MIGRATIONS, tempDatabase, tempDir } from '../helpers/temp-db.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
	while (cleanups.length) cleanups.pop()!();
});

function demo() {
	const t = tempDatabase('demo');
	cleanups.push(t.cleanup);
	return t;
}

describe('the runtime', () => {
	it('runs the tests on Node.js 22 or newer (better-sqlite3 13 crashes on older ones)', () => {
		expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22);
	});

	it('refuses to open the database on an older Node.js, with a message saying what to do', () => {
		expect(() => assertSupportedNode('20.20.2')).toThrow(/Run the app through npm scripts/);
		expect(() => assertSupportedNode('24.1.0')).not.toThrow();
	});
});

describe('openDatabase', () => {
	it('uses WAL, foreign keys and a busy timeout', () => {
		const { db } = demo();
		expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
	});

	it('creates the folder and applies every migration, and opening again changes nothing', () => {
		const { dir, cleanup } = tempDir();
		cleanups.push(cleanup);
		const file = path.join(dir, 'nested', 'folder', 'hubs.db');
		openDatabase({
			path: file,
			migrationsDir: MIGRATIONS,
			seed: 'none',
			now: FIXED_NOW,
		}).$client.close();
		const again = openDatabase({
			path: file,
			migrationsDir: MIGRATIONS,
			seed: 'none',
			now: FIXED_NOW,
		});
		const tables = again.$client
			.prepare("select name from sqlite_master where type = 'table'")
			.pluck()
			.all();
		expect(tables).toEqual(
			expect.arrayContaining(['hub', 'service', 'theme', 'area', 'closure', 'hub_search']),
		);
		expect(isEmpty(again)).toBe(true);
		again.$client.close();
	});

	it('with SEED=none leaves the database empty and not marked as demo data', () => {
		const t = tempDatabase('none');
		cleanups.push(t.cleanup);
		expect(isEmpty(t.db)).toBe(true);
		expect(isDemoData(t.db)).toBe(false);
	});

	it('loads demo data only into an empty database', () => {
		const { db, path: file } = demo();
		const count = () => db.$client.prepare('select count(*) from hub').pluck().get();
		const before = count();
		db.$client.prepare("update hub set name = 'Changed' where slug = 'govan-riverside-hub'").run();
		openDatabase({
			path: file,
			migrationsDir: MIGRATIONS,
			seed: 'demo',
			now: FIXED_NOW,
		}).$client.close();
		expect(count()).toBe(before);
		expect(
			db.$client.prepare("select name from hub where slug = 'govan-riverside-hub'").pluck().get(),
		).toBe('Changed');
	});

	it('enforces foreign keys', () => {
		const { db } = demo();
		expect(() =>
			db.$client
				.prepare("insert into service_theme (service_id, theme_id) values ('nope', 'nope')")
				.run(),
		).toThrow(/FOREIGN KEY/);
	});
});

describe('the demonstration data set', () => {
	it('is large enough to read like a real city', () => {
		const { db } = demo();
		const n = (sql: string) => db.$client.prepare(sql).pluck().get() as number;
		expect(n("select count(*) from hub where status = 'published'")).toBeGreaterThanOrEqual(15);
		expect(
			n("select count(distinct area_id) from hub where status = 'published'"),
		).toBeGreaterThanOrEqual(6);
		expect(n("select count(*) from service where status = 'published'")).toBeGreaterThanOrEqual(50);
		expect(isDemoData(db)).toBe(true);
		expect(getContentVersion(db)).toBeGreaterThan(0);
	});

	it('covers every theme with a published service', () => {
		const { db } = demo();
		const uncovered = db.$client
			.prepare(
				`select t.name from theme t where not exists (select 1 from service_theme st join service s on s.id = st.service_id
				 where st.theme_id = t.id and s.status = 'published')`,
			)
			.pluck()
			.all();
		expect(uncovered).toEqual([]);
	});

	it('uses only drama-range phone numbers, example.org emails and real-format postcodes', () => {
		const { db } = demo();
		const phones = db.$client
			.prepare(
				'select phone from hub union all select phone from service union all select phone from organisation',
			)
			.pluck()
			.all() as (string | null)[];
		for (const phone of phones.filter((p) => p !== null)) {
			expect(phone).toMatch(/^0141 496 0\d{3}$/);
		}
		const emails = db.$client
			.prepare('select email from hub union all select email from service')
			.pluck()
			.all() as string[];
		for (const email of emails) expect(email).toMatch(/@example\.org$/);
		const postcodes = db.$client.prepare('select postcode from hub').pluck().all() as string[];
		for (const postcode of postcodes) expect(postcode).toMatch(/^G\d{1,2} \d[A-Z]{2}$/);
	});

	it('gives every record a UUID that is the same in every demo database', () => {
		const a = demo();
		const b = demo();
		const ids = (db: typeof a.db) =>
			db.$client
				.prepare(
					'select id from hub union all select id from service union all select id from service_hub',
				)
				.pluck()
				.all();
		expect(ids(a.db)).toEqual(ids(b.db));
		for (const id of ids(a.db) as string[])
			expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	});

	it('has city-wide closures and one hub closure, and a last-reviewed date on every hub and service', () => {
		const { db } = demo();
		expect(
			db.$client
				.prepare("select count(*) from closure where hub_id is null and reason = 'St Andrew’s Day'")
				.pluck()
				.get(),
		).toBeGreaterThan(0);
		expect(
			db.$client.prepare('select count(*) from closure where hub_id is not null').pluck().get(),
		).toBe(1);
		expect(
			db.$client
				.prepare(
					"select count(*) from hub where last_reviewed_on not glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'",
				)
				.pluck()
				.get(),
		).toBe(0);
	});

	it('can be read by another connection while open (WAL)', () => {
		const { path: file } = demo();
		const reader = new Database(file, { readonly: true });
		expect(reader.prepare('select count(*) from hub').pluck().get()).toBeGreaterThan(0);
		reader.close();
	});
});
