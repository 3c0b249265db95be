/**
 * JSON as the site sends it: `<`, `>` and `&` written as \u escapes, so text a client sent (quoted
 * back in an error message, say) can never read as markup, even if a browser or a careless page
 * treats the answer as HTML. The JSON means exactly the same to every parser.
 */
export function jsonText(value: unknown): string {
	return JSON.stringify(value).replace(
		/[<>&\u2028\u2029]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}
