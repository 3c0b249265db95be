/**
 * Secrets for bookings. A manage token is 160 random bits (base32, 32 characters); only its
 * SHA-256 hash is stored, so a copy of the database cannot open anyone's booking. References come
 * from a cryptographic random source too.
 */
import { randomInt } from 'node:crypto';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { formatReference, REFERENCE_ALPHABET } from '../../domain/booking/reference.ts';

/** A new manage token. */
export function newManageToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The stored form of a manage token. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Whether a string has the shape of a manage token (checked before any lookup). */
export function isManageTokenShape(token: string): boolean {
	return /^[a-z2-7]{32}$/.test(token);
}

/** A new random booking reference. */
export function newReference(): string {
	return formatReference(Array.from({ length: 6 }, () => randomInt(REFERENCE_ALPHABET.length)));
}

/** A new one-time form token. */
export function newFormToken(): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}
