/** Addresses for new records: the name as a slug, with "-2", "-3"… when the slug is taken. */
import { slugify } from '../../domain/forms/fields.ts';
import type { Db } from '../db/open-database.ts';

/** A slug for `name` not yet used in `table`. */
export function uniqueSlug(db: Db, table: 'hub' | 'service' | 'theme', name: string): string {
	const base = slugify(name);
	const taken = new Set(
		db.$client
			.prepare(`select slug from ${table} where slug = ? or slug like ?`)
			.pluck()
			.all(base, `${base}-%`) as string[],
	);
	taken.add('new'); // the address of the page that adds one
	let slug = base;
	for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
	return slug;
}
