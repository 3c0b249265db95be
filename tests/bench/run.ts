/**
 * `npm run bench`: requests per second and latency of directory pages served by the production
 * server, beside a minimal node:http server sending the very same bytes, at 50 concurrent
 * connections. Servers are pinned to CPU 0 and the load generator (autocannon) to CPU 1 with
 * taskset; the two servers are measured in alternation, several rounds each, in one run.
 * Prints a table and the ratio of medians. BENCH_SECONDS and BENCH_ROUNDS adjust the run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const node = process.execPath;
const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const connections = 50;
const pinning = os.cpus().length >= 2 && spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const pin = (cpu: number, cmd: string[]): string[] =>
	pinning ? ['taskset', '-c', String(cpu), ...cmd] : cmd;

function start(
	cmd: string[],
	env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number }> {
	const child = spawn(cmd[0]!, cmd.slice(1), {
		cwd: root,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let out = '';
	return new Promise((resolve, reject) => {
		child.stdout!.on('data', (d: Buffer) => {
			out += d.toString();
			const m = /"port":(\d+)/.exec(out);
			if (m) resolve({ child, port: Number(m[1]) });
		});
		child.on('exit', (code) => reject(new Error(`${cmd.join(' ')} exited with ${code}`)));
	});
}

interface Result {
	cpu: number;
	/** Server CPU time per request, in microseconds: independent of how hard the load generator pushes. */
	cpuPerRequest: number;
	rps: number;
	p50: number;
	p99: number;
	errors: number;
}

/** CPU seconds a process has used so far (Linux /proc), or NaN elsewhere. */
function cpuSeconds(pid: number): number {
	try {
		const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return Number.NaN;
	}
}

function load(url: string, server?: ChildProcess, booking = false): Result {
	const cpuBefore = server ? cpuSeconds(server.pid!) : Number.NaN;
	const started = Date.now();
	const [cmd, ...args] = pin(
		1,
		booking
			? [
					node,
					path.join(root, 'tests/bench/booking-load.ts'),
					url,
					String(connections),
					String(seconds),
				]
			: [
					node,
					path.join(root, 'node_modules/autocannon/autocannon.js'),
					'-c',
					String(connections),
					'-d',
					String(seconds),
					'--json',
					url,
				],
	);
	const run = spawnSync(cmd!, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	const json = JSON.parse(run.stdout) as {
		'3xx': number;
		requests: { average: number; total: number };
		latency: { p50: number; p99: number };
		errors: number;
		non2xx: number;
	};
	const cpuUsed = cpuSeconds(server?.pid ?? 0) - cpuBefore;
	const cpu = cpuUsed / ((Date.now() - started) / 1000);
	return {
		cpu,
		cpuPerRequest: (cpuUsed / json.requests.total) * 1e6,
		rps: json.requests.average,
		p50: json.latency.p50,
		p99: json.latency.p99,
		// For bookings a 303 is success, though autocannon counts it as non-2xx.
		errors: json.errors + json.non2xx - (booking ? json['3xx'] : 0),
	};
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (!fs.existsSync(path.join(root, 'dist/server/entry.mjs'))) {
	spawnSync(node, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
	});
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hubs-bench-'));
const app = await start(pin(0, [node, 'src/cli/serve.ts']), {
	PORT: '0',
	HOST: '127.0.0.1',
	DATABASE_PATH: path.join(tmp, 'bench.db'),
	BOOKING_RATE_LIMIT: '0',
	LISTING_RATE_LIMIT: '0',
});
const paths = ['/hubs', '/hubs/govan-riverside-hub'];
const recordings = [];
for (const p of paths) {
	const res = await fetch(`http://127.0.0.1:${app.port}${p}`);
	const headers = [...res.headers.entries()].filter(
		([k]) =>
			!['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding'].includes(k),
	);
	recordings.push({
		path: p,
		status: res.status,
		headers,
		body: Buffer.from(await res.arrayBuffer()).toString('base64'),
	});
}
fs.writeFileSync(path.join(tmp, 'recordings.json'), JSON.stringify(recordings));
const raw = await start(
	pin(0, [node, 'tests/bench/raw-server.ts', path.join(tmp, 'recordings.json')]),
	{},
);

console.log(
	`Directory pages: ${connections} connections, ${rounds} rounds of ${seconds} s per server, alternating; CPU pinning: ${pinning ? 'servers on CPU 0, load generator on CPU 1' : 'not available'}`,
);
console.log(
	'| page | server | requests/s (median) | p50 ms | p99 ms | errors | server CPU busy | server CPU µs/request | ratio (requests/s) |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const p of paths) {
	const bytes = Buffer.from(recordings.find((r) => r.path === p)!.body, 'base64').byteLength;
	load(`http://127.0.0.1:${app.port}${p}`); // warm-up
	load(`http://127.0.0.1:${raw.port}${p}`);
	const ours: Result[] = [];
	const base: Result[] = [];
	for (let i = 0; i < rounds; i++) {
		base.push(load(`http://127.0.0.1:${raw.port}${p}`, raw.child));
		ours.push(load(`http://127.0.0.1:${app.port}${p}`, app.child));
	}
	const row = (name: string, rs: Result[], ratio: string) =>
		console.log(
			`| ${p} (${bytes} bytes) | ${name} | ${Math.round(median(rs.map((r) => r.rps)))} | ${median(rs.map((r) => r.p50))} | ${median(rs.map((r) => r.p99))} | ${rs.reduce((n, r) => n + r.errors, 0)} | ${Math.round(median(rs.map((r) => r.cpu)) * 100)}% | ${Math.round(median(rs.map((r) => r.cpuPerRequest)))} | ${ratio} |`,
		);
	row('raw node:http', base, '1.00');
	row(
		'community-hubs',
		ours,
		(median(ours.map((r) => r.rps)) / median(base.map((r) => r.rps))).toFixed(2),
	);
}

// Bookings: the same transaction through the site and through a bare node:http endpoint.
const rawDb = path.join(tmp, 'raw-booking.db');
const rawBooking = await start(
	pin(0, [node, 'tests/bench/raw-booking-server.ts', rawDb, path.join(root, 'db/migrations')]),
	{},
);
const Database = (await import('better-sqlite3')).default;
const appDb = new Database(path.join(tmp, 'bench.db'));
const sessionId = appDb
	.prepare(
		`select s.id from session s join session_pattern p on p.id = s.pattern_id where p.booking_mode = 'booking'
		 and s.status = 'scheduled' and s.date > date('now', '+1 day') and s.date < date('now', '+20 days') order by s.date limit 1`,
	)
	.pluck()
	.get() as string;
for (const file of [path.join(tmp, 'bench.db'), rawDb]) {
	const db = new Database(file);
	db.pragma('busy_timeout = 5000');
	db.prepare('update session set capacity = 1000000000 where id = ?').run(sessionId);
	db.close();
}
appDb.close();
const bookingPath = `/sessions/${sessionId}`;
load(`http://127.0.0.1:${app.port}${bookingPath}`, undefined, true);
load(`http://127.0.0.1:${rawBooking.port}${bookingPath}`, undefined, true);
const oursBooking: Result[] = [];
const rawBookingResults: Result[] = [];
for (let i = 0; i < rounds; i++) {
	rawBookingResults.push(
		load(`http://127.0.0.1:${rawBooking.port}${bookingPath}`, rawBooking.child, true),
	);
	oursBooking.push(load(`http://127.0.0.1:${app.port}${bookingPath}`, app.child, true));
}
console.log('');
console.log(
	`Bookings (POST ${bookingPath.slice(0, 18)}…, 303 on success): ${connections} connections, BOOKING_RATE_LIMIT=0`,
);
console.log(
	'| endpoint | bookings/s (median) | p50 ms | p99 ms | errors | server CPU busy | server CPU µs/booking | ratio |',
);
console.log('|---|---|---|---|---|---|---|---|');
const bookingRow = (name: string, rs: Result[], ratio: string) =>
	console.log(
		`| ${name} | ${Math.round(median(rs.map((r) => r.rps)))} | ${median(rs.map((r) => r.p50))} | ${median(rs.map((r) => r.p99))} | ${rs.reduce((n, r) => n + r.errors, 0)} | ${Math.round(median(rs.map((r) => r.cpu)) * 100)}% | ${Math.round(median(rs.map((r) => r.cpuPerRequest)))} | ${ratio} |`,
	);
bookingRow('raw node:http + better-sqlite3, same transaction', rawBookingResults, '1.00');
bookingRow(
	'community-hubs (session page POST)',
	oursBooking,
	(median(oursBooking.map((r) => r.rps)) / median(rawBookingResults.map((r) => r.rps))).toFixed(2),
);

rawBooking.child.kill('SIGTERM');
app.child.kill('SIGTERM');
raw.child.kill('SIGTERM');
await new Promise((r) => setTimeout(r, 500));
fs.rmSync(tmp, { recursive: true, force: true });
