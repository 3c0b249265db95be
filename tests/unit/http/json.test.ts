import { describe, expect, it } from 'vitest';
import { jsonText } from '../../../src/lib/server/http/json.ts';

describe('JSON as the site sends it', () => {
	it('writes markup characters as escapes, meaning the same to a JSON parser', () => {
		const value = {
			message: 'page must be a number, not "<script>alert(1)</script> & co"',
			n: [1, '\u2028'],
		};
		const text = jsonText(value);
		expect(text).not.toMatch(/[<>&\u2028]/);
		expect(text).toContain('\\u003cscript\\u003e');
		expect(JSON.parse(text)).toEqual(value);
	});
});
