import { describe, expect, it } from 'vitest';
import {
	allowedEdits,
	buildMatchExpression,
	editDistance,
	searchWords,
	Vocabulary,
} from '../../../src/lib/domain/search/fuzzy.ts';

describe('editDistance', () => {
	it.each([
		['benefits', 'benefits', 0],
		['benifits', 'benefits', 1],
		['bnefits', 'benefits', 1],
		['benefist', 'benefits', 1],
		['carers', 'cares', 1],
		['tablet', 'tablets', 1],
		['employabilty', 'employability', 1],
		['employabilyt', 'employability', 2],
		['kitten', 'sitting', 3],
	])('%s to %s is %i', (a, b, d) => {
		expect(editDistance(a, b, 3)).toBe(d);
	});

	it('stops early and reports max + 1 when the distance is over the limit', () => {
		expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
		expect(editDistance('a', 'abcdef', 2)).toBe(3);
	});
});

describe('allowedEdits', () => {
	it.each([
		['food', 0],
		['pantr', 1],
		['benifit', 1],
		['benifits', 2],
		['employabilty', 2],
	])('%s may be %i edits away', (word, edits) => {
		expect(allowedEdits(word)).toBe(edits);
	});
});

describe('searchWords', () => {
	it('lower-cases, strips accents and punctuation, like the unicode61 tokenizer', () => {
		expect(searchWords('  Carers’ CAFÉ, Govan!')).toEqual(['carers', 'cafe', 'govan']);
	});
	it('keeps at most 12 words', () => {
		expect(searchWords('a b c d e f g h i j k l m n o')).toHaveLength(12);
	});
});

describe('Vocabulary and match expressions', () => {
	const vocabulary = new Vocabulary([
		'benefits',
		'benefit',
		'befriending',
		'tablet',
		'food',
		'fool',
		'employability',
	]);

	it('finds words one edit away for words of 5 to 7 letters, and two for 8 or more', () => {
		expect(vocabulary.closeWords('tablt')).toEqual(['tablet']);
		expect(vocabulary.closeWords('benifits')).toEqual(['benefit', 'benefits']);
		expect(vocabulary.closeWords('imploiabilyty')).toEqual([]);
		expect(vocabulary.closeWords('employabilyt')).toEqual(['employability']);
	});

	it('does not correct short words', () => {
		expect(vocabulary.closeWords('foo')).toEqual([]);
		expect(vocabulary.closeWords('fodo')).toEqual([]);
	});

	it('builds an AND of alternatives, each word also matching as a prefix', () => {
		expect(buildMatchExpression('benifits food', vocabulary)).toBe(
			'("benifits"* OR "benefit" OR "benefits") AND "food"*',
		);
	});

	it('quotes words so that FTS5 operators in the text are searched as words', () => {
		expect(buildMatchExpression('NEAR OR food', vocabulary)).toBe('"near"* AND "or" AND "food"*');
	});

	it('returns null for text with no words', () => {
		expect(buildMatchExpression(' !!! ', vocabulary)).toBeNull();
	});
});
