/** Temporary SQLite databases on real files, with the real migrations. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../src/lib/server/db/open-database.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const MIGRATIONS = path.join(ROOT, 'db/migrations');

/** The instant demo data and tests treat as now: Monday 23 November 2026, 10:00 in London. */
export const FIXED_NOW = new Date('2026-11-23T10:00:00Z');

/** A fresh temporary directory, removed by `cleanup`. */
export function tempDir(prefix = 'hubs-test-'): { dir: string; cleanup: () => void } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Opens a new database file in a temp directory, with demo data unless told otherwise. */
export function tempDatabase(seed: 'demo' | 'none' = 'demo'): {
	db: Db;
	path: string;
	cleanup: () => void;
} {
	const { dir, cleanup } = tempDir();
	const file = path.join(dir, 'test.db');
	const db = openDatabase({ path: file, migrationsDir: MIGRATIONS, seed, now: FIXED_NOW });
	return {
		db,
		path: file,
		cleanup: () => {
			db.$client.close();
			cleanup();
		},
	};
}
