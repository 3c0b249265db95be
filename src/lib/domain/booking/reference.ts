/**
 * Booking references: six characters from an alphabet without look-alikes (no 0/O, 1/I/L, U/V,
 * S/5 or B/8), shown as two groups, e.g. "KT7-4MX". A reference opens nothing by itself: finding
 * a booking needs the reference and the email or phone given with it.
 */

/** The 25 characters a reference is made of. */
export const REFERENCE_ALPHABET = '234679ACDEFGHJKMNPQRTWXYZ';

/** Builds a reference from six random indexes into the alphabet. */
export function formatReference(indexes: readonly number[]): string {
	if (indexes.length !== 6) throw new Error('A booking reference needs exactly six characters.');
	const chars = indexes.map((i) => REFERENCE_ALPHABET[i % REFERENCE_ALPHABET.length]!).join('');
	return `${chars.slice(0, 3)}-${chars.slice(3)}`;
}

/** Reads a reference as typed by a person (any case, with or without spaces and dashes), or null. */
export function normaliseReference(input: string): string | null {
	const chars = input.toUpperCase().replace(/[\s-]/g, '');
	if (chars.length !== 6) return null;
	for (const c of chars) if (!REFERENCE_ALPHABET.includes(c)) return null;
	return `${chars.slice(0, 3)}-${chars.slice(3)}`;
}
