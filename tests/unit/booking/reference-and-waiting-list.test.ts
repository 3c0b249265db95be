import { describe, expect, it } from 'vitest';
import {
	formatReference,
	normaliseReference,
	REFERENCE_ALPHABET,
} from '../../../src/lib/domain/booking/reference.ts';
import { entriesToPromote } from '../../../src/lib/domain/booking/waiting-list.ts';
import {
	newReference,
	newManageToken,
	hashToken,
	isManageTokenShape,
} from '../../../src/lib/server/booking/tokens.ts';

describe('booking references', () => {
	it('use no characters that look alike', () => {
		for (const c of '01OILUVSB58') expect(REFERENCE_ALPHABET).not.toContain(c);
		expect(new Set(REFERENCE_ALPHABET).size).toBe(REFERENCE_ALPHABET.length);
	});

	it('look like KT7-4MX', () => {
		expect(formatReference([0, 1, 2, 3, 4, 5])).toBe('234-679');
		for (let i = 0; i < 200; i++)
			expect(newReference()).toMatch(
				/^[234679ACDEFGHJKMNPQRTWXYZ]{3}-[234679ACDEFGHJKMNPQRTWXYZ]{3}$/,
			);
	});

	it.each([
		['kt7-4mx', 'KT7-4MX'],
		[' KT7 4MX ', 'KT7-4MX'],
		['KT74MX', 'KT7-4MX'],
		['KT7-4M', null],
		['KT0-4MX', null],
		['', null],
	])('reads "%s" as %s', (input, expected) => {
		expect(normaliseReference(input)).toBe(expected);
	});

	it('are spread over the whole alphabet (no character is never used)', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 500; i++) for (const c of newReference().replace('-', '')) seen.add(c);
		expect(seen.size).toBe(REFERENCE_ALPHABET.length);
	});
});

describe('manage tokens', () => {
	it('carry 160 random bits and are stored only as a SHA-256 hash', () => {
		const a = newManageToken();
		expect(isManageTokenShape(a)).toBe(true);
		expect(a).not.toBe(newManageToken());
		expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashToken(a)).toBe(hashToken(a));
		expect(isManageTokenShape('../../etc/passwd')).toBe(false);
	});
});

describe('entriesToPromote', () => {
	const entry = (id: string, places: number, createdAt: string) => ({ id, places, createdAt });

	it('takes the first entries in order while their parties fit', () => {
		const waiting = [
			entry('b', 1, '2026-11-20T10:01'),
			entry('a', 2, '2026-11-20T10:00'),
			entry('c', 1, '2026-11-20T10:02'),
		];
		expect(entriesToPromote(waiting, 3).map((e) => e.id)).toEqual(['a', 'b']);
	});

	it('skips a party that does not fit and gives the place to the next that does', () => {
		const waiting = [entry('a', 2, '2026-11-20T10:00'), entry('b', 1, '2026-11-20T10:01')];
		expect(entriesToPromote(waiting, 1).map((e) => e.id)).toEqual(['b']);
	});

	it('promotes nobody when no place is free', () => {
		expect(entriesToPromote([entry('a', 1, 'x')], 0)).toEqual([]);
	});
});
