/**
 * Backups of the SQLite database. A backup is taken online with SQLite's backup API, so it is a
 * consistent copy even while the site takes bookings; a restore first checks the file (integrity,
 * foreign keys, and that it is this site's database) and then replaces the database file in one
 * rename. Scheduled backups keep a set number of copies and never one older than the retention
 * period of personal data.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Copies the database at `databasePath` to `file` (a new file), online. */
export async function backupDatabase(databasePath: string, file: string): Promise<void> {
	if (fs.existsSync(file)) throw new Error(`${file} already exists; choose a new file name.`);
	fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	const source = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		source.pragma('busy_timeout = 5000');
		const partial = `${file}.partial`;
		await source.backup(partial);
		fs.renameSync(partial, file);
	} finally {
		source.close();
	}
}

/** What is wrong with a backup file, or an empty list when it can be restored. */
export function checkBackup(file: string): string[] {
	if (!fs.existsSync(file)) return [`${file} does not exist.`];
	let db: Database.Database;
	try {
		db = new Database(file, { readonly: true, fileMustExist: true });
	} catch (error) {
		return [`${file} cannot be opened as a database: ${String(error)}`];
	}
	try {
		const problems: string[] = [];
		const integrity = db.pragma('integrity_check', { simple: false }) as {
			integrity_check: string;
		}[];
		if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok')
			problems.push(
				`The integrity check failed: ${integrity
					.slice(0, 5)
					.map((r) => r.integrity_check)
					.join('; ')}`,
			);
		const tables = new Set(
			db.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[],
		);
		for (const table of ['__drizzle_migrations', 'hub', 'session', 'booking'])
			if (!tables.has(table))
				problems.push(`It has no ${table} table: it is not this site’s database.`);
		if (problems.length === 0 && (db.pragma('foreign_key_check') as unknown[]).length > 0)
			problems.push('Some records refer to records that do not exist (foreign key check).');
		return problems;
	} catch (error) {
		return [`${file} cannot be read as a database: ${String(error)}`];
	} finally {
		db.close();
	}
}

/**
 * Replaces the database at `databasePath` with the backup `file`, after checking it; the site must
 * be stopped. The database it replaces is kept beside it, renamed, and its path returned.
 */
export function restoreDatabase(
	file: string,
	databasePath: string,
	now: Date,
): { ok: true; previous: string | null } | { ok: false; problems: string[] } {
	const problems = checkBackup(file);
	if (problems.length > 0) return { ok: false, problems };
	const incoming = `${databasePath}.restoring`;
	fs.mkdirSync(path.dirname(databasePath), { recursive: true });
	fs.copyFileSync(file, incoming);
	const fd = fs.openSync(incoming, 'r+');
	fs.fsyncSync(fd);
	fs.closeSync(fd);
	let previous: string | null = null;
	if (fs.existsSync(databasePath)) {
		// Fold the write-ahead log into the old file first, so the kept copy is whole.
		const old = new Database(databasePath);
		old.pragma('wal_checkpoint(TRUNCATE)');
		old.close();
		previous = `${databasePath}.before-restore-${stamp(now)}`;
		fs.renameSync(databasePath, previous);
	}
	for (const suffix of ['-wal', '-shm']) fs.rmSync(databasePath + suffix, { force: true });
	fs.renameSync(incoming, databasePath);
	return { ok: true, previous };
}

/** A UTC time for file names: 20261122T193000Z. */
export function stamp(now: Date): string {
	return now
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d+Z$/, 'Z');
}

const BACKUP_NAME = /^community-hubs-(\d{8}T\d{6}Z)\.db$/;

/**
 * Takes a scheduled backup into `dir`, then deletes the oldest so that at most `keep` remain and
 * none is older than `maxAgeDays` (the retention period of personal data). Returns the new file.
 */
export async function scheduledBackup(
	databasePath: string,
	dir: string,
	keep: number,
	maxAgeDays: number,
	now: Date,
): Promise<{ file: string; deleted: string[] }> {
	const file = path.join(dir, `community-hubs-${stamp(now)}.db`);
	await backupDatabase(databasePath, file);
	return { file, deleted: pruneBackups(dir, keep, maxAgeDays, now) };
}

/** Deletes scheduled backups beyond the newest `keep`, and any older than `maxAgeDays`. */
export function pruneBackups(dir: string, keep: number, maxAgeDays: number, now: Date): string[] {
	const oldest = stamp(new Date(now.getTime() - maxAgeDays * 86_400_000));
	const backups = fs
		.readdirSync(dir)
		.map((name) => ({ name, at: BACKUP_NAME.exec(name)?.[1] }))
		.filter((b): b is { name: string; at: string } => b.at !== undefined)
		.sort((a, b) => b.at.localeCompare(a.at));
	const doomed = backups.filter((b, i) => i >= keep || b.at < oldest).map((b) => b.name);
	for (const name of doomed) fs.rmSync(path.join(dir, name), { force: true });
	return doomed;
}
