/**
 * The cache of rendered directory pages. Policy: a directory page (home, hub list, hub, theme) is
 * rendered from SQLite once per URL, content version, build and Europe/London date, then served
 * from memory with an ETag built from those three, and `Cache-Control: no-cache`, so browsers
 * revalidate cheaply. Publishing raises the content version, so the next request renders afresh;
 * the date in the key means "today's hours" never show yesterday's. One server process owns one
 * database file, so an in-memory cache is enough.
 *
 * The store lives on globalThis: the server front (src/cli/serve.ts) and the Astro bundle each
 * hold a copy of this module, and both must see the same entries.
 */

/** A rendered page, ready to be written again. */
export interface CachedPage {
	etag: string;
	/** The content version and London date the page was rendered for. */
	contentVersion: number;
	today: string;
	status: number;
	headers: [string, string][];
	body: Uint8Array;
	/** The headers as one flat list, with Content-Length, ready for writeHead. */
	rawHeaders?: string[];
}

interface Store {
	entries: Map<string, CachedPage>;
	limit: number;
}

const key = Symbol.for('community-hubs.page-cache');
type Holder = { [key]?: Store };

function store(): Store {
	const holder = globalThis as Holder;
	holder[key] ??= { entries: new Map(), limit: 2000 };
	return holder[key];
}

/** Sets how many pages the cache keeps (0 turns it off). */
export function setPageCacheLimit(limit: number): void {
	store().limit = limit;
	trim(store());
}

/** The ETag of a directory page: it changes with the build, the content and the London date. */
export function directoryEtag(buildId: string, contentVersion: number, today: string): string {
	return `"${buildId}-${contentVersion}-${today}"`;
}

// A path and query made only of these characters, with no dot segment, is left unchanged by URL
// parsing, so the hot path can skip the parse.
const PLAIN_PATH = /^\/[\w\-/]*(\?[\w\-=&%+.~]*)?$/;

/** The cache key of a request path: its path and query, normalised as URL parsing does. */
export function pageKey(pathAndQuery: string): string {
	if (PLAIN_PATH.test(pathAndQuery)) return pathAndQuery;
	const url = new URL(pathAndQuery, 'http://cache.invalid');
	return url.pathname + url.search;
}

/** The cached page for a key, if it was rendered for this content version and date. */
export function getCachedPage(
	pageKeyValue: string,
	contentVersion: number,
	today: string,
): CachedPage | null {
	const entries = store().entries;
	const page = entries.get(pageKeyValue);
	if (!page) return null;
	if (page.contentVersion !== contentVersion || page.today !== today) {
		entries.delete(pageKeyValue);
		return null;
	}
	return page;
}

/** Keeps a rendered page; the oldest entries go first once the limit is reached. */
export function putCachedPage(pageKeyValue: string, page: CachedPage): void {
	const s = store();
	if (s.limit === 0) return;
	s.entries.delete(pageKeyValue);
	s.entries.set(pageKeyValue, {
		...page,
		rawHeaders: [...page.headers.flat(), 'Content-Length', String(page.body.byteLength)],
	});
	trim(s);
}

function trim(s: Store): void {
	while (s.entries.size > s.limit) {
		const oldest = s.entries.keys().next().value;
		if (oldest === undefined) break;
		s.entries.delete(oldest);
	}
}

/** Empties the cache. */
export function clearPageCache(): void {
	store().entries.clear();
}

/** Whether an If-None-Match header value matches an ETag (weak comparison, as for GET). */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	const bare = etag.replace(/^W\//, '');
	return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}
