-- Full-text index of published hubs: each row holds a hub's own words and those of the published
-- services it runs and their themes. Rebuilt by lib/server/queries/search-index.ts on every change.
CREATE VIRTUAL TABLE `hub_search` USING fts5(
	hub_id UNINDEXED,
	name,
	body,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- The index's own vocabulary, used to correct misspelt words (FTS5 has no fuzzy matching).
CREATE VIRTUAL TABLE `hub_search_vocab` USING fts5vocab(`hub_search`, 'row');
