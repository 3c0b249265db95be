/**
 * The full-text index of published hubs (FTS5 table hub_search). A hub's row holds its own name,
 * summary, description, area and languages, and the names, summaries and descriptions of the
 * published services it runs and of their themes.
 */
import { Vocabulary } from '../../domain/search/fuzzy.ts';
import type { Db } from '../db/open-database.ts';
import { getContentVersion } from './meta.ts';

function hubDocument(db: Db, hubId: string): { name: string; body: string } | null {
	const hub = db.$client
		.prepare(
			`select h.name, h.summary, h.description, h.languages, h.address_line1, h.town, h.postcode, a.name as area
			 from hub h join area a on a.id = h.area_id where h.id = ? and h.status = 'published'`,
		)
		.get(hubId) as Record<string, string> | undefined;
	if (!hub) return null;
	const services = db.$client
		.prepare(
			`select s.name, s.summary, s.description, s.who_it_is_for,
			   (select group_concat(t.name || ' ' || t.summary, ' ') from service_theme st
			      join theme t on t.id = st.theme_id where st.service_id = s.id) as themes
			 from service_hub sh join service s on s.id = sh.service_id
			 where sh.hub_id = ? and s.status = 'published'`,
		)
		.all(hubId) as Record<string, string | null>[];
	const body = [
		hub['summary'],
		hub['description'],
		hub['area'],
		hub['address_line1'],
		hub['town'],
		hub['postcode'],
		hub['languages'],
		...services.flatMap((s) => [
			s['name'],
			s['summary'],
			s['description'],
			s['who_it_is_for'],
			s['themes'],
		]),
	]
		.filter(Boolean)
		.join('\n');
	return { name: hub['name']!, body };
}

/** Brings one hub's index row up to date (removing it when the hub is not published). */
export function reindexHub(db: Db, hubId: string): void {
	db.$client.prepare('delete from hub_search where hub_id = ?').run(hubId);
	const doc = hubDocument(db, hubId);
	if (doc) {
		db.$client
			.prepare('insert into hub_search (hub_id, name, body) values (?, ?, ?)')
			.run(hubId, doc.name, doc.body);
	}
}

/** Rebuilds the whole index, in one transaction. */
export function rebuildSearchIndex(db: Db): void {
	db.$client.transaction(() => {
		db.$client.prepare('delete from hub_search').run();
		const ids = db.$client.prepare('select id from hub').pluck().all() as string[];
		for (const id of ids) reindexHub(db, id);
	})();
}

const vocabularies = new WeakMap<Db, { version: number; vocabulary: Vocabulary }>();

/** The index's vocabulary (for correcting misspellings), cached until the content changes. */
export function getVocabulary(db: Db): Vocabulary {
	const version = getContentVersion(db);
	let cached = vocabularies.get(db);
	if (cached?.version !== version) {
		const terms = db.$client.prepare('select term from hub_search_vocab').pluck().all() as string[];
		cached = { version, vocabulary: new Vocabulary(terms) };
		vocabularies.set(db, cached);
	}
	return cached.vocabulary;
}
