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
	before: Record<string, unknown>,
	after: Record<string, unknown>,
	labels: Record<string, string>,
): FieldChange[] {
	return Object.entries(labels)
		.filter(([key]) => show(before[key]) !== show(after[key]))
		.map(([key, label]) => ({ field: label, from: show(before[key]), to: show(after[key]) }));
}
