/** Readable differences between two versions of a record, for the audit trail. */

/** One changed field. */
export interface FieldChange {
	field: string;
	from: string;
	to: string;
}

const show = (v: unknown): string =>
	v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v);

/** The fields whose values differ, in the order of `labels` (field name to label). */
export function diffRecords(
	before: object,
	after: object,
	labels: Record<string, string>,
): FieldChange[] {
	const from = (key: string) => show((before as Record<string, unknown>)[key]);
	const to = (key: string) => show((after as Record<string, unknown>)[key]);
	return Object.entries(labels)
		.filter(([key]) => from(key) !== to(key))
		.map(([key, label]) => ({ field: label, from: from(key), to: to(key) }));
}
