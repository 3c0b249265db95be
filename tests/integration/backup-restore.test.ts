/**
 * Backups taken while the site takes bookings, restored after an integrity check, and scheduled
 * backups pruned by number and by the retention period.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneBackups, stamp } from '../../src/lib/server/db/backup.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { ROOT, tempDir } from '../helpers/temp-db.ts';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
	for (const c of cleanups.splice(0).reverse()) await c();
});

function run(script: string, args: string[], env: Record<string, string>) {
	return new Promise<{ code: number | null; output: string }>((resolve) => {
		const child = spawn(process.execPath, [path.join(ROOT, script), ...args], {
			cwd: ROOT,
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (d: Buffer) => (output += d.toString()));
		child.stderr.on('data', (d: Buffer) => (output += d.toString()));
		child.on('exit', (code) => resolve({ code, output }));
	});
}

const count = (file: string, sql: string) => {
	const db = new Database(file, { readonly: true });
	try {
		return db.prepare(sql).pluck().get() as number;
	} finally {
		db.close();
	}
};

async function book(server: RunningServer, sessionId: string, i: number): Promise<number> {
	const res = await fetch(`${server.url}/sessions/${sessionId}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: server.url },
		body: new URLSearchParams({
			formToken: `backuptest${String(i).padStart(10, 'q')}`.replace(
				/\d/g,
				(d) => 'abcdefghij'[+d]!,
			),
			name: `Backup Person ${i}`,
			email: `backup${i}@example.org`,
			phone: '',
			places: '1',
			action: 'book',
		}),
	});
	await res.arrayBuffer();
	return res.status;
}

describe('backup and restore', () => {
	it('backs up online during bookings, and restores the copy after checking it', async () => {
		const { dir, cleanup } = tempDir('hubs-backup-');
		cleanups.push(cleanup);
		const server = await startServer({ BOOKING_RATE_LIMIT: '0' });
		cleanups.push(() => server.stop());
		const live = server.databasePath;
		const sessionId = count(
			live,
			"select s.id from session s join session_pattern p on p.id = s.pattern_id where p.booking_mode = 'booking' and s.status = 'scheduled' and s.date > date('now', '+2 days') and s.date < date('now', '+14 days') order by s.capacity - s.places_taken desc limit 1",
		) as unknown as string;
		const before = await Promise.all(
			Array.from({ length: 5 }, (_, i) => book(server, sessionId, i)),
		);
		expect(before).toEqual([303, 303, 303, 303, 303]);

		const file = path.join(dir, 'copy.db');
		const [backup] = await Promise.all([
			run('src/cli/db-backup.ts', [file], { DATABASE_PATH: live }),
			...Array.from({ length: 10 }, (_, i) => book(server, sessionId, 100 + i)),
		]);
		expect(backup.code, backup.output).toBe(0);
		const inCopy = count(file, 'select count(*) from booking');
		const liveNow = count(live, 'select count(*) from booking');
		const demo = liveNow - 15;
		expect(inCopy).toBeGreaterThanOrEqual(demo + 5); // everything confirmed before it began
		expect(inCopy).toBeLessThanOrEqual(liveNow);
		expect(count(file, 'pragma integrity_check') as unknown).toBe('ok');
		expect((await run('src/cli/db-backup.ts', [file], { DATABASE_PATH: live })).code).toBe(1);

		// Restore into a new place, then over an existing database (which is kept beside it).
		const target = path.join(dir, 'restored.db');
		const restored = await run('src/cli/db-restore.ts', [file], { DATABASE_PATH: target });
		expect(restored.code, restored.output).toBe(0);
		expect(count(target, 'select count(*) from booking')).toBe(inCopy);
		const again = await run('src/cli/db-restore.ts', [file], { DATABASE_PATH: target });
		expect(again.output).toMatch(/The database it replaced is kept as .*before-restore-/);
		const restoredServer = await startServer({ DATABASE_PATH: target });
		cleanups.push(() => restoredServer.stop());
		const page = await fetch(`${restoredServer.url}/sessions/${sessionId}`);
		expect(page.status).toBe(200);
	});

	it('refuses a damaged or foreign file and leaves the database as it was', async () => {
		const { dir, cleanup } = tempDir('hubs-restore-');
		cleanups.push(cleanup);
		const target = path.join(dir, 'site.db');
		fs.writeFileSync(target, 'the database that must survive');
		const garbage = path.join(dir, 'garbage.db');
		fs.writeFileSync(garbage, Buffer.alloc(8192, 7));
		const foreign = path.join(dir, 'foreign.db');
		const other = new Database(foreign);
		other.exec('create table notes (id integer primary key, text text)');
		other.close();
		for (const file of [garbage, foreign, path.join(dir, 'missing.db')]) {
			const result = await run('src/cli/db-restore.ts', [file], { DATABASE_PATH: target });
			expect(result.code, file).toBe(1);
			expect(result.output).toMatch(/Not restored: the backup .* failed its checks/);
			expect(fs.readFileSync(target, 'utf8')).toBe('the database that must survive');
		}
	});

	it('keeps the newest scheduled backups, none older than the retention period', () => {
		const { dir, cleanup } = tempDir('hubs-prune-');
		cleanups.push(cleanup);
		const now = new Date('2026-11-23T03:00:00Z');
		const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
		for (const n of [0, 1, 2, 3, 29, 31, 40])
			fs.writeFileSync(path.join(dir, `community-hubs-${stamp(daysAgo(n))}.db`), '');
		fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a backup');
		expect(pruneBackups(dir, 5, 30, now)).toEqual([
			`community-hubs-${stamp(daysAgo(31))}.db`,
			`community-hubs-${stamp(daysAgo(40))}.db`,
		]);
		expect(pruneBackups(dir, 3, 30, now)).toEqual([
			`community-hubs-${stamp(daysAgo(3))}.db`,
			`community-hubs-${stamp(daysAgo(29))}.db`,
		]);
		expect(fs.readdirSync(dir).sort()).toEqual(
			[...[0, 1, 2].map((n) => `community-hubs-${stamp(daysAgo(n))}.db`), 'notes.txt'].sort(),
		);
	});
});
