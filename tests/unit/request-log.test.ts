import { describe, expect, it } from 'vitest';
import {
	batchedLog,
	loggablePath,
	requestIdOf,
	requestLine,
} from '../../src/lib/server/http/request-log.ts';

describe('request logs', () => {
	it('log no query and no secret link', () => {
		expect(loggablePath('/hubs?q=Jane+Smith+07700900123')).toBe('/hubs');
		expect(loggablePath('/bookings/abcdefghijklmnopqrstuvwxyz234567/confirmation')).toBe(
			'/bookings/:token/confirmation',
		);
		expect(loggablePath('/set-password/abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnop')).toBe(
			'/set-password/:token',
		);
		expect(loggablePath('/bookings/find')).toBe('/bookings/:token'); // a page name looks the same
		expect(loggablePath('/sessions/2f1c')).toBe('/sessions/2f1c');
	});

	it('keep a proxy’s request id when it is well formed, and make one otherwise', () => {
		expect(requestIdOf('abc-123')).toBe('abc-123');
		expect(requestIdOf('bad id\nwith newline')).toMatch(/^[0-9a-f-]{36}$/);
		expect(requestIdOf(undefined)).toMatch(/^[0-9a-f-]{36}$/);
		expect(requestIdOf('x'.repeat(65))).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('write one JSON line, as an error for a 5xx', () => {
		const line = requestLine('id-1', 'POST', '/sessions/x?y=1', 503, 12.345);
		expect(line.endsWith('\n')).toBe(true);
		expect(JSON.parse(line)).toEqual({
			level: 'error',
			msg: 'request',
			id: 'id-1',
			method: 'POST',
			path: '/sessions/x',
			status: 503,
			ms: 12.3,
		});
	});

	it('write lines in batches, errors at once', async () => {
		const written: string[] = [];
		const log = batchedLog((t) => written.push(t));
		log('{"level":"info","n":1}\n');
		log('{"level":"info","n":2}\n');
		expect(written).toEqual([]);
		log('{"level":"error","n":3}\n');
		expect(written).toEqual([
			'{"level":"info","n":1}\n{"level":"info","n":2}\n{"level":"error","n":3}\n',
		]);
		log('{"level":"info","n":4}\n');
		await new Promise((r) => setTimeout(r, 300));
		expect(written[1]).toBe('{"level":"info","n":4}\n');
	});
});
