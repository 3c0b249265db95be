/**
 * The content version: a number raised by every change to published directory content, so that
 * cached pages and ETags built from it change on the next request.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open-database.ts';

// The content version is read on every request (by the page cache), so its statement is prepared once.
const versionStatements = new WeakMap<Db, Statement>();

/** The current content version (0 for a database that has never held content). */
export function getContentVersion(db: Db): number {
	let statement = versionStatements.get(db);
	if (!statement) {
		statement = db.$client.prepare("select value from meta where key = 'content_version'").pluck();
		versionStatements.set(db, statement);
	}
	const value = statement.get() as string | undefined;
	return value === undefined ? 0 : Number(value);
}

/** Raises the content version by one and returns the new value. */
export function bumpContentVersion(db: Db): number {
	const row = db.$client
		.prepare(
			"insert into meta (key, value) values ('content_version', '1') on conflict(key) do update set value = cast(value as integer) + 1 returning value",
		)
		.get() as { value: string | number };
	return Number(row.value);
}

/** Whether the database holds the demonstration data set (every page then says so). */
export function isDemoData(db: Db): boolean {
	let statement = demoStatements.get(db);
	if (!statement) {
		statement = db.$client.prepare("select value from meta where key = 'demo_data'").pluck();
		demoStatements.set(db, statement);
	}
	return statement.get() === 'true';
}

const demoStatements = new WeakMap<Db, Statement>();

/** Records whether the database holds demonstration data. */
export function setDemoData(db: Db, demo: boolean): void {
	db.$client
		.prepare(
			"insert into meta (key, value) values ('demo_data', ?) on conflict(key) do update set value = excluded.value",
		)
		.run(demo ? 'true' : 'false');
}
