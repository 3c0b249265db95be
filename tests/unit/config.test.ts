import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/lib/server/config.ts';

describe('readConfig', () => {
	it('has defaults for local use', () => {
		const c = readConfig({});
		expect(c.port).toBe(4321);
		expect(c.host).toBe('localhost');
		expect(c.seed).toBe('demo');
		expect(c.databasePath).toBe(path.resolve('data/community-hubs.db'));
		expect(c.publicOrigin).toBeNull();
		expect(c.trustProxy).toBe(false);
	});

	it('reads every setting', () => {
		const c = readConfig({
			PORT: '8080',
			HOST: '0.0.0.0',
			SEED: 'none',
			DATABASE_PATH: '/srv/hubs.db',
			PUBLIC_ORIGIN: 'https://hubs.example.org/',
			TRUST_PROXY: 'true',
		});
		expect(c).toMatchObject({
			port: 8080,
			host: '0.0.0.0',
			seed: 'none',
			databasePath: '/srv/hubs.db',
			publicOrigin: 'https://hubs.example.org',
			trustProxy: true,
		});
	});

	it.each([
		[{ PORT: 'eighty' }, /PORT must be a whole number/],
		[{ PORT: '70000' }, /PORT must be a whole number/],
		[{ PUBLIC_ORIGIN: 'hubs.example.org' }, /PUBLIC_ORIGIN must be an absolute URL/],
		[{ PUBLIC_ORIGIN: 'ftp://hubs.example.org' }, /must start with https/],
	])('refuses %j with a message that says how to fix it', (env, message) => {
		expect(() => readConfig(env)).toThrow(message);
	});
});
