/**
 * Typo-tolerant full-text matching on top of SQLite FTS5, which has no fuzzy matching of its own.
 * Rule (from the directory brief): each query word of 5 or more letters also matches words of the
 * index's own vocabulary within edit distance 1, and of 8 or more letters within distance 2, so that
 * "benifits" finds "benefits". Every word also matches as a prefix ("benefit" finds "benefits").
 * Edit distance counts insertions, deletions, substitutions and swaps of neighbouring letters.
 */

/** Splits free text into lower-case words without accents, as FTS5's unicode61 tokenizer does. */
export function searchWords(text: string): string[] {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length > 0)
		.slice(0, 12);
}

/** How many edits a query word may be away from an indexed word. */
export function allowedEdits(word: string): number {
	if (word.length >= 8) return 2;
	if (word.length >= 5) return 1;
	return 0;
}

/**
 * Optimal-string-alignment edit distance between two words, or `max + 1` as soon as it is certain
 * to exceed `max` (so scanning a vocabulary stays cheap).
 */
export function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	if (a === b) return 0;
	let prevPrev: number[] = [];
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				v = Math.min(v, prevPrev[j - 2]! + 1);
			}
			row.push(v);
			if (v < rowMin) rowMin = v;
		}
		if (rowMin > max) return max + 1;
		prevPrev = prev;
		prev = row;
	}
	return prev[b.length]!;
}

/** A vocabulary of indexed words, grouped by length for quick scanning. */
export class Vocabulary {
	readonly #byLength = new Map<number, string[]>();
	readonly #words: Set<string>;

	constructor(words: Iterable<string>) {
		this.#words = new Set(words);
		for (const w of this.#words) {
			const list = this.#byLength.get(w.length);
			if (list) list.push(w);
			else this.#byLength.set(w.length, [w]);
		}
	}

	/** Indexed words within the allowed edit distance of `word` (not counting `word` itself). */
	closeWords(word: string): string[] {
		const max = allowedEdits(word);
		if (max === 0) return [];
		const found: string[] = [];
		for (let len = word.length - max; len <= word.length + max; len++) {
			for (const candidate of this.#byLength.get(len) ?? []) {
				if (candidate !== word && editDistance(word, candidate, max) <= max) found.push(candidate);
			}
		}
		return found.sort();
	}

	/** Whether the vocabulary holds this exact word. */
	has(word: string): boolean {
		return this.#words.has(word);
	}
}

function quote(word: string): string {
	return `"${word.replaceAll('"', '""')}"`;
}

/**
 * Builds an FTS5 MATCH expression: every query word must match, each either as itself (a prefix
 * for words of 3 or more letters) or as a close word from the vocabulary. Returns null when the
 * text has no words.
 */
export function buildMatchExpression(text: string, vocabulary: Vocabulary): string | null {
	const words = searchWords(text);
	if (words.length === 0) return null;
	const groups = words.map((word) => {
		const alternatives = [word.length >= 3 ? `${quote(word)}*` : quote(word)];
		for (const close of vocabulary.closeWords(word)) alternatives.push(quote(close));
		return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`;
	});
	return groups.join(' AND ');
}
