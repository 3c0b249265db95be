/**
 * The HTTP side of the staff import page, kept out of the route file. A checked upload is held in
 * memory for an hour under a random token, for the person who checked it only, so that "Import"
 * applies exactly what the dry run showed without sending the file again (a file input cannot be
 * refilled without JavaScript). One server process owns one database, so memory is enough; after
 * a restart the page asks for the file again. Applying runs the plan again on fresh data.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/open-database.ts';
import type { Actor } from '../use-cases/drafts.ts';
import {
	applyImport,
	dryRunImport,
	readImport,
	type ImportReport,
	type ImportSource,
	type UploadedFile,
} from '../use-cases/directory-import.ts';

interface Pending {
	userId: string;
	source: ImportSource;
	at: number;
	result?: { ok: boolean; report: ImportReport };
}

const HOUR = 3_600_000;
const pending = new Map<string, Pending>();

function keep(entry: Pending, now: number): string {
	for (const [token, p] of pending) if (now - p.at > HOUR) pending.delete(token);
	while (pending.size >= 20) pending.delete(pending.keys().next().value!);
	const token = randomBytes(16).toString('hex');
	pending.set(token, entry);
	return token;
}

function find(token: string, userId: string, now: number): Pending | null {
	const p = pending.get(token);
	return p && p.userId === userId && now - p.at <= HOUR ? p : null;
}

/** What the import page shows after a POST or for a result. */
export type ImportOutcome =
	| { kind: 'checked'; token: string; report: ImportReport }
	| { kind: 'error'; status: 400; field: 'files' | 'token'; message: string }
	| { kind: 'redirect'; location: string };

/** Handles the import form: "check" (dry run) or "apply" (import what was checked). */
export async function postImport(
	db: Db,
	request: Request,
	user: Actor,
	today: string,
	now: Date,
): Promise<ImportOutcome> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return {
			kind: 'error',
			status: 400,
			field: 'files',
			message:
				'The file could not be read. It must be smaller than 1 MB: for a larger directory, upload the .zip data package or use npm run import',
		};
	}
	if (form.get('action') === 'apply') {
		const token = String(form.get('token') ?? '');
		const checked = find(token, user.id, now.getTime());
		if (!checked)
			return {
				kind: 'error',
				status: 400,
				field: 'files',
				message:
					'The checked file is no longer held (after an hour, or a restart). Choose the file again',
			};
		checked.result = applyImport(db, checked.source, user, today, now);
		return { kind: 'redirect', location: `/admin/open-data?result=${token}` };
	}
	const files: UploadedFile[] = [];
	for (const value of form.getAll('files'))
		if (typeof value !== 'string' && value.size > 0)
			files.push({ name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
	const pasted = form.get('json');
	const read = readImport(files, typeof pasted === 'string' ? pasted : '');
	if (!read.ok) return { kind: 'error', status: 400, field: 'files', message: read.message };
	const report = dryRunImport(db, read.source);
	const token = keep({ userId: user.id, source: read.source, at: now.getTime() }, now.getTime());
	return { kind: 'checked', token, report };
}

/** The result of an applied import, for the page it redirects to (null when not held). */
export function importResult(
	token: string,
	userId: string,
	now: Date,
): { ok: boolean; report: ImportReport } | null {
	return find(token, userId, now.getTime())?.result ?? null;
}
