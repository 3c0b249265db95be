/**
 * The booking baseline: a minimal node:http endpoint that reads the same urlencoded form and runs
 * the identical booking transaction (the bookPlace use-case: the same SQL, BEGIN IMMEDIATE, same
 * pragmas through openDatabase) on the same kind of database, then answers 303 like the site.
 * Usage: node raw-booking-server.ts DATABASE_PATH MIGRATIONS_DIR; prints {"port":N}.
 */
import http from 'node:http';
import { openDatabase } from '../../src/lib/server/db/open-database.ts';
import { bookPlace } from '../../src/lib/server/use-cases/bookings.ts';

const db = openDatabase({ path: process.argv[2]!, migrationsDir: process.argv[3]!, seed: 'demo' });

const server = http.createServer((req, res) => {
	const match = /^\/sessions\/([0-9a-f-]{36})$/.exec(req.url ?? '');
	if (req.method !== 'POST' || !match) {
		res.writeHead(404);
		res.end();
		return;
	}
	const chunks: Buffer[] = [];
	req.on('data', (c: Buffer) => chunks.push(c));
	req.on('end', () => {
		const form = new URLSearchParams(Buffer.concat(chunks).toString());
		const result = bookPlace(
			db,
			{
				sessionId: match[1]!,
				formToken: form.get('formToken') ?? '',
				values: {
					name: form.get('name') ?? '',
					email: form.get('email'),
					phone: null,
					needs: '',
					places: Number(form.get('places')),
					forSomeoneElse: false,
					attendeeName: null,
					wantsReminder: false,
				},
				origin: 'http://127.0.0.1',
			},
			new Date(),
		);
		if (result.ok) {
			res.writeHead(303, { Location: `/bookings/${result.token}/confirmation` });
		} else {
			res.writeHead(409);
		}
		res.end();
	});
});
server.listen(0, '127.0.0.1', () => {
	const address = server.address();
	console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
});
