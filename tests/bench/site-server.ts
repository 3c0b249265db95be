/** Starts the production server (`npm start`'s script) for a benchmark, and waits until it is ready. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The server on a free port, with `env` added to this process's environment. The listing limit is
 * off (LISTING_RATE_LIMIT=0): a load generator is one client asking far more than any person.
 */
export async function startSiteServer(
	env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
	const child = spawn(process.execPath, [path.join(root, 'src/cli/serve.ts')], {
		cwd: root,
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LISTING_RATE_LIMIT: '0', ...env },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const port = await new Promise<number>((resolve, reject) => {
		let out = '';
		child.stdout!.on('data', (d: Buffer) => {
			if (out.length < 100_000) out += d.toString();
			const m = /"port":(\d+)/.exec(out);
			if (m) resolve(Number(m[1]));
		});
		child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
	});
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 300 && !(await fetch(`${url}/healthz`).catch(() => null))?.ok; i++)
		await new Promise((r) => setTimeout(r, 100));
	return {
		url,
		child,
		stop: async () => {
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await exited;
		},
	};
}
