/**
 * `npm start`: builds the site if no build exists, opens (migrates, and seeds if empty) the
 * database, then serves on HOST:PORT with the page-cache front before Astro's handler.
 * SIGTERM and SIGINT stop taking requests, let those in flight (and a message being sent) finish,
 * and close the database.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { config } from '../lib/server/config.ts';
import { closeDatabase, getDatabase } from '../lib/server/db/open-database.ts';
import { createFront } from '../lib/server/http/front.ts';
import { getContentVersion } from '../lib/server/queries/meta.ts';
import { startJobs } from '../lib/server/jobs.ts';

const settings = config();
const entry = path.resolve('dist/server/entry.mjs');
if (!fs.existsSync(entry)) {
	console.log(
		JSON.stringify({
			level: 'info',
			msg: 'No build found: building the site first (npm run build).',
		}),
	);
	const built = spawnSync(
		process.execPath,
		[path.resolve('node_modules/astro/bin/astro.mjs'), 'build'],
		{
			stdio: 'inherit',
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
		},
	);
	if (built.status !== 0) process.exit(built.status ?? 1);
}

const db = getDatabase();
const jobs = startJobs(db, settings);
process.env['ASTRO_NODE_AUTOSTART'] = 'disabled';
const { handler } = (await import(pathToFileURL(entry).href)) as {
	handler: (req: http.IncomingMessage, res: http.ServerResponse) => void;
};

const server = http.createServer(
	createFront({
		contentVersion: () => getContentVersion(db),
		astro: handler,
		https: settings.publicOrigin?.startsWith('https:') ?? false,
		stopping: () => stopping,
	}),
);
server.keepAliveTimeout = 5000;
server.listen(settings.port, settings.host, () => {
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : settings.port;
	console.log(
		JSON.stringify({ level: 'info', msg: `Listening on http://${settings.host}:${port}`, port }),
	);
});

let stopping = false;
function stop(signal: string): void {
	if (stopping) return;
	stopping = true;
	console.log(
		JSON.stringify({
			level: 'info',
			msg: `Received ${signal}: finishing requests in flight, then closing the database.`,
		}),
	);
	// The outbox worker finishes the message it is sending before the database closes.
	const closed = new Promise<void>((resolve) => server.close(() => resolve()));
	void Promise.all([jobs.stop(), closed]).then(() => {
		closeDatabase();
		process.exit(0);
	});
	server.closeIdleConnections();
	setTimeout(() => {
		server.closeAllConnections();
	}, 10_000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
