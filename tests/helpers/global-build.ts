/**
 * Builds the site once before the integration and end-to-end tests, so they run against the
 * production build of the code under test. SKIP_BUILD=1 reuses an existing build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

let built = false;

export default function setup(): void {
	if (built) return;
	const root = path.resolve(import.meta.dirname, '../..');
	if (process.env['SKIP_BUILD'] === '1' && fs.existsSync(path.join(root, 'dist/server/entry.mjs')))
		return;
	const result = spawnSync(
		process.execPath,
		[path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'],
		{
			cwd: root,
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
		},
	);
	if (result.status !== 0)
		throw new Error('The site did not build (npm run build), so the tests cannot run.');
	built = true;
}
