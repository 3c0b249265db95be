/** The records a staff form chooses from, and their names for the audit trail's readable diffs. */
import type { Db } from '../db/open-database.ts';

/** A kind of record chosen in staff forms. */
export type ChoiceTable = 'area' | 'organisation' | 'theme' | 'hub';

/** Every record of a kind, with its name, in the order lists show them. */
export function choicesOf(db: Db, table: ChoiceTable): { id: string; name: string }[] {
	return db.$client
		.prepare(
			`select id, name from ${table} order by ${table === 'theme' ? 'sort_order, ' : ''}name`,
		)
		.all() as { id: string; name: string }[];
}

/** Names by id, for showing ids in words. */
export function namesOf(db: Db, table: ChoiceTable): Map<string, string> {
	return new Map(choicesOf(db, table).map((r) => [r.id, r.name]));
}
