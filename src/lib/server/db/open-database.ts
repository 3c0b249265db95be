/**
 * Opens the SQLite database: the one place that does. Policy:
 * - WAL journal, so readers never wait for the writer and a crash leaves committed work intact;
 * - synchronous=NORMAL: in WAL mode a transaction that has committed survives a crash of the
 *   process (the WAL is written before commit returns); only a power cut or OS crash can lose the
 *   last commits, which is the trade-off SQLite documents for WAL + NORMAL;
 * - foreign keys on, busy_timeout so a second process (a command-line tool) waits instead of failing;
 * - migrations applied idempotently on every open; demo data loaded into an empty database unless
 *   SEED=none.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from '../../../../db/schema/index.ts';
import { seedDemoData } from '../../../../db/seed/demo.ts';
import { config } from '../config.ts';

/** The drizzle database with this project's schema; `db.$client` is the better-sqlite3 handle. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Options for opening a database file. */
export interface OpenOptions {
	path: string;
	migrationsDir: string;
	seed: 'demo' | 'none';
	/** The instant used for dates in demo data (tests pass a fixed one). */
	now?: Date;
}

/** Refuses to run on a Node.js whose better-sqlite3 binding would crash on the first query. */
export function assertSupportedNode(version: string = process.versions.node): void {
	const major = Number(version.split('.')[0]);
	if (!(major >= 22)) {
		throw new Error(
			`Node.js ${version} cannot open the database (better-sqlite3 13 needs Node.js 22 or newer and crashes on older ones). Run the app through npm scripts, which use the Node.js 24 installed in node_modules.`,
		);
	}
}

/** Opens (creating if needed), configures and migrates a database file, seeding it if empty. */
export function openDatabase(options: OpenOptions): Db {
	assertSupportedNode();
	fs.mkdirSync(path.dirname(options.path), { recursive: true });
	const sqlite = new Database(options.path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const db = drizzle({ client: sqlite, schema, casing: 'snake_case' }) as Db;
	migrate(db, { migrationsFolder: options.migrationsDir });
	if (options.seed === 'demo' && isEmpty(db)) seedDemoData(db, options.now ?? new Date());
	// Gives the query planner statistics, as SQLite advises for long-lived connections (and again
	// daily, in jobs.ts). Without them, at city scale, filtering hubs by theme scanned every service
	// for every hub: 8 s instead of 40 ms (npm run bench:scale).
	sqlite.pragma('optimize = 0x10002');
	return db;
}

/** Whether the database holds no hubs, services or themes yet. */
export function isEmpty(db: Db): boolean {
	const row = db.$client
		.prepare(
			'select (select count(*) from hub) + (select count(*) from service) + (select count(*) from theme) as n',
		)
		.get() as { n: number };
	return row.n === 0;
}

const shared = Symbol.for('community-hubs.database');
type Holder = { [shared]?: Db };

/**
 * The process's database, opened once from configuration. Held on globalThis so that the server
 * front and the Astro bundle (two copies of this module in one process) share one connection.
 */
export function getDatabase(): Db {
	const holder = globalThis as Holder;
	if (!holder[shared]) {
		const c = config();
		holder[shared] = openDatabase({
			path: c.databasePath,
			migrationsDir: c.migrationsDir,
			seed: c.seed,
		});
	}
	return holder[shared];
}

/** Closes the process's database, if open. */
export function closeDatabase(): void {
	const holder = globalThis as Holder;
	holder[shared]?.$client.close();
	delete holder[shared];
}
