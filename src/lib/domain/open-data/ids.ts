/**
 * Stable identifiers for open data. Every Open Referral object needs a UUID that never changes
 * between requests. Our records (hubs, services, themes, organisations, services at hubs, drop-in
 * patterns) have their own UUIDs; objects that exist only in the open-data shape (an address, an
 * accessibility entry, a theme link) take a name-based UUID (RFC 4122 version 5) made from their
 * parent's id and their kind, so the same object always has the same id.
 */
import { sha1 } from '@oslojs/crypto/sha1';

/** The namespace of this site's name-based UUIDs (a fixed, randomly chosen UUID). */
export const OPEN_DATA_NAMESPACE = '3f0c8a52-6a1e-4f2b-9d57-1c2e8b4a7d90';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID (any version), as Open Referral's `format: uuid` requires. */
export function isUuid(value: string): boolean {
	return UUID.test(value);
}

/** The version 5 UUID of `name` in `namespace` (RFC 4122, section 4.3). */
export function uuidV5(namespace: string, name: string): string {
	const hex = namespace.replace(/-/g, '');
	const ns = new Uint8Array(16);
	for (let i = 0; i < 16; i++) ns[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
	const text = new TextEncoder().encode(name);
	const input = new Uint8Array(16 + text.length);
	input.set(ns);
	input.set(text, 16);
	const h = sha1(input).slice(0, 16);
	h[6] = (h[6]! & 0x0f) | 0x50;
	h[8] = (h[8]! & 0x3f) | 0x80;
	const out = [...h].map((b) => b.toString(16).padStart(2, '0')).join('');
	return `${out.slice(0, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}-${out.slice(16, 20)}-${out.slice(20)}`;
}

/** The id of an object nested in a parent record, e.g. `nestedId(hubId, 'address')`. */
export function nestedId(parentId: string, kind: string): string {
	return uuidV5(OPEN_DATA_NAMESPACE, `${parentId.toLowerCase()}/${kind}`);
}

/** The id of the one taxonomy this site publishes: its themes. */
export const THEMES_TAXONOMY_ID = uuidV5(OPEN_DATA_NAMESPACE, 'taxonomy/themes');
