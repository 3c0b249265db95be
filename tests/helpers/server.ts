/** Starts the production server (`npm start`'s script) on a free port with its own database. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT, tempDir } from './temp-db.ts';

export interface RunningServer {
	url: string;
	databasePath: string;
	process: ChildProcess;
	output: () => string;
	stop: () => Promise<void>;
}

/** Starts the server and waits until /healthz answers. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
	const { dir, cleanup } = tempDir('hubs-server-');
	const databasePath = env['DATABASE_PATH'] ?? path.join(dir, 'hubs.db');
	const child = spawn(process.execPath, [path.join(ROOT, 'src/cli/serve.ts')], {
		cwd: ROOT,
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: databasePath, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`Server did not start in time:\n${output}`)),
			60_000,
		);
		child.on('exit', (code) => reject(new Error(`Server exited with ${code}:\n${output}`)));
		child.stdout!.on('data', () => {
			const match = /"port":(\d+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(Number(match[1]));
			}
		});
	});
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		try {
			if ((await fetch(`${url}/healthz`)).ok) break;
		} catch {
			// not ready yet
		}
		if (Date.now() > deadline) throw new Error(`Server never became ready:\n${output}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		databasePath,
		process: child,
		output: () => output,
		stop: async () => {
			if (child.exitCode === null && child.signalCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			cleanup();
		},
	};
}
