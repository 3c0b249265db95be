/**
 * The baseline: a minimal node:http server that sends recorded responses (the very same status,
 * headers and body bytes) for a fixed set of paths. Reads a JSON file of recordings; prints its
 * port as {"port":N}.
 */
import fs from 'node:fs';
import http from 'node:http';

interface Recording {
	path: string;
	status: number;
	headers: [string, string][];
	body: string;
}

const recordings = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Recording[];
const byPath = new Map(
	recordings.map((r) => [r.path, { ...r, bytes: Buffer.from(r.body, 'base64') }]),
);

const server = http.createServer((req, res) => {
	const r = byPath.get(req.url ?? '');
	if (!r) {
		res.writeHead(404);
		res.end();
		return;
	}
	res.writeHead(r.status, [...r.headers.flat(), 'Content-Length', String(r.bytes.byteLength)]);
	res.end(r.bytes);
});
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => {
	const address = server.address();
	console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
});
