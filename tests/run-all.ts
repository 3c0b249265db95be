/**
 * `npm test`: runs every test (unit, integration against the built server, end to end in
 * Chromium), then prints one line "N passed, N failed" with the totals, and exits non-zero if any
 * test failed or none ran. Installs Debian's Chromium first when it is missing and we are root.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium) && process.getuid?.() === 0) {
	console.log(
		'Chromium is missing: installing Debian’s chromium package for the end-to-end tests.',
	);
	spawnSync(
		'sh',
		['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'],
		{ stdio: 'inherit' },
	);
}

const report = path.join(root, 'tests/.results/vitest.json');
fs.rmSync(report, { force: true });
const args = [
	path.join(root, 'node_modules/vitest/vitest.mjs'),
	'run',
	'--config',
	'tests/vitest.config.ts',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${report}`,
	...process.argv.slice(2),
];
const run = spawnSync(process.execPath, args, {
	cwd: root,
	stdio: 'inherit',
	env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});

let passed = 0;
let failed = 0;
if (fs.existsSync(report)) {
	const json = JSON.parse(fs.readFileSync(report, 'utf8')) as {
		numPassedTests: number;
		numFailedTests: number;
		numTotalTests: number;
		numPendingTests: number;
		numTodoTests: number;
	};
	passed = json.numPassedTests;
	failed =
		json.numFailedTests +
		(json.numTotalTests -
			json.numPassedTests -
			json.numFailedTests -
			json.numPendingTests -
			json.numTodoTests);
} else {
	failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
