/**
 * The dependency rule: lib/domain imports only lib/domain and small pure libraries; db/schema only
 * drizzle and itself; lib/server never imports pages or components; lib/client only pure domain.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function files(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? files(p) : /\.(ts|astro)$/.test(e.name) ? [p] : [];
	});
}

function imports(file: string): string[] {
	const text = fs.readFileSync(file, 'utf8');
	return [
		...text.matchAll(
			/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
		),
	].map((m) => (m[1] ?? m[2])!);
}

function resolved(file: string, spec: string): string {
	return spec.startsWith('.') ? path.relative(root, path.resolve(path.dirname(file), spec)) : spec;
}

const PURE_PACKAGES = ['temporal-polyfill', 'rrule-temporal', 'zod', '@oslojs/crypto/sha1'];

describe('dependency rule', () => {
	it('lib/domain imports only lib/domain and small pure libraries', () => {
		const offences = files(path.join(root, 'src/lib/domain')).flatMap((f) =>
			imports(f)
				.map((s) => resolved(f, s))
				.filter((s) => !(s.startsWith('src/lib/domain/') || PURE_PACKAGES.includes(s)))
				.map((s) => `${path.relative(root, f)} -> ${s}`),
		);
		expect(offences).toEqual([]);
	});

	it('db/schema imports only drizzle and other schema files', () => {
		const offences = files(path.join(root, 'db/schema')).flatMap((f) =>
			imports(f)
				.map((s) => resolved(f, s))
				.filter((s) => !(s.startsWith('db/schema/') || s.startsWith('drizzle-orm')))
				.map((s) => `${path.relative(root, f)} -> ${s}`),
		);
		expect(offences).toEqual([]);
	});

	it('lib/server imports no pages, components or client code', () => {
		const offences = files(path.join(root, 'src/lib/server')).flatMap((f) =>
			imports(f)
				.map((s) => resolved(f, s))
				.filter((s) => /^src\/(pages|components|lib\/client)\//.test(s) || s.startsWith('astro:'))
				.map((s) => `${path.relative(root, f)} -> ${s}`),
		);
		expect(offences).toEqual([]);
	});

	it('lib/client imports only pure domain helpers', () => {
		const offences = files(path.join(root, 'src/lib/client')).flatMap((f) =>
			imports(f)
				.map((s) => resolved(f, s))
				.filter((s) => s.startsWith('src/') && !s.startsWith('src/lib/domain/'))
				.map((s) => `${path.relative(root, f)} -> ${s}`),
		);
		expect(offences).toEqual([]);
	});

	it('reads environment variables only in config.ts', () => {
		const offences = files(path.join(root, 'src')).filter(
			(f) =>
				!f.endsWith(path.join('lib', 'server', 'config.ts')) &&
				!f.includes(`${path.sep}cli${path.sep}`) &&
				/process\.env/.test(fs.readFileSync(f, 'utf8')),
		);
		expect(offences.map((f) => path.relative(root, f))).toEqual([]);
	});
});
