import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../src/lib/domain/auth/password-rules.ts';
import { SignInThrottle } from '../../../src/lib/server/auth/throttle.ts';
import { canManageHub, isStaff } from '../../../src/lib/server/auth/policies.ts';
import { safeNext } from '../../../src/lib/server/auth/guard.ts';
import { isCommonPassword } from '../../../src/lib/server/auth/password.ts';
import { csvCell, toCsv } from '../../../src/lib/domain/csv.ts';

describe('password rules', () => {
	it.each([
		['', 'Enter a password'],
		['short', /12 characters or more/],
		['x'.repeat(257), /256 characters or fewer/],
		['someone@example.org', /must not be your email address/],
		['password1234', /too common/],
		['correct horse battery', null],
	])('"%s" gives %s', (password, expected) => {
		const problem = passwordProblem(password, 'someone@example.org', isCommonPassword);
		if (expected === null) expect(problem).toBeNull();
		else expect(problem).toMatch(expected);
	});

	it('knows common passwords', () => {
		expect(isCommonPassword('qwerty123456')).toBe(true);
		expect(isCommonPassword('plum tractor lighthouse')).toBe(false);
	});
});

describe('sign-in throttling', () => {
	it('blocks an account after 5 failures in 15 minutes, and lets it try again after', () => {
		const t = new SignInThrottle();
		for (let i = 0; i < 5; i++) {
			expect(t.allowed('a@example.org', `10.0.0.${i}`, 1000 + i)).toBe(true);
			t.fail('A@example.org', `10.0.0.${i}`, 1000 + i);
		}
		expect(t.allowed('a@example.org', '10.0.0.9', 2000)).toBe(false);
		expect(t.allowed('b@example.org', '10.0.0.9', 2000)).toBe(true);
		expect(t.allowed('a@example.org', '10.0.0.9', 1000 + 15 * 60_000)).toBe(true);
	});

	it('blocks an address after 20 failures across accounts', () => {
		const t = new SignInThrottle();
		for (let i = 0; i < 20; i++) t.fail(`user${i}@example.org`, '192.0.2.1', 1000);
		expect(t.allowed('new@example.org', '192.0.2.1', 2000)).toBe(false);
		expect(t.allowed('new@example.org', '192.0.2.2', 2000)).toBe(true);
	});

	it('clears an account after a successful sign-in', () => {
		const t = new SignInThrottle();
		for (let i = 0; i < 4; i++) t.fail('a@example.org', '192.0.2.1', 1000);
		t.succeed('a@example.org');
		for (let i = 0; i < 4; i++) t.fail('a@example.org', '192.0.2.1', 1000);
		expect(t.allowed('a@example.org', '192.0.2.3', 1000)).toBe(true);
	});
});

describe('policies', () => {
	const volunteer = {
		id: 'u',
		email: 'v@example.org',
		name: 'V',
		role: 'volunteer' as const,
		hubIds: ['hub-a'],
	};
	const staff = { ...volunteer, role: 'staff' as const, hubIds: [] };
	it('lets a volunteer act only on their own hubs, and staff on every hub', () => {
		expect(canManageHub(volunteer, 'hub-a')).toBe(true);
		expect(canManageHub(volunteer, 'hub-b')).toBe(false);
		expect(canManageHub(staff, 'hub-b')).toBe(true);
		expect(canManageHub(null, 'hub-a')).toBe(false);
		expect(isStaff(volunteer)).toBe(false);
		expect(isStaff(staff)).toBe(true);
	});

	it.each([
		['/volunteer/sessions/x', '/volunteer/sessions/x'],
		['//evil.example', '/volunteer'],
		['https://evil.example', '/volunteer'],
		['/\\evil.example', '/volunteer'],
		[null, '/volunteer'],
	])('sends "%s" back to %s after sign-in', (next, expected) => {
		expect(safeNext(next)).toBe(expected);
	});
});

describe('CSV', () => {
	it.each([
		['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
		['+44 141', "'+44 141"],
		['-1', "'-1"],
		['@SUM(A1)', "'@SUM(A1)"],
		['0141 496 0123', '0141 496 0123'],
		['a,b', '"a,b"'],
		['line\nbreak', '"line\nbreak"'],
	])('escapes %s as %s', (value, expected) => {
		expect(csvCell(value)).toBe(expected);
	});

	it('joins rows with CRLF', () => {
		expect(
			toCsv([
				['a', 1],
				[null, true],
			]),
		).toBe('a,1\r\n,true\r\n');
	});
});
