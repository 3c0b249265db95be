/** Password hashing with argon2id (@node-rs/argon2's defaults: 19 MiB, 2 passes), and the common-password check. */
import { createRequire } from 'node:module';
import { hash, verify } from '@node-rs/argon2';

const require = createRequire(import.meta.url);
const commonList = require('fxa-common-password-list') as { test(password: string): boolean };

/** Whether a password is on the list of commonly used passwords. */
export function isCommonPassword(password: string): boolean {
	return commonList.test(password);
}

/** An argon2id hash of a password. */
export function hashPassword(password: string): Promise<string> {
	return hash(password);
}

/** Whether a password matches its hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}
