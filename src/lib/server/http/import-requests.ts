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
import { checkAction, readPosted } from './posted.ts';
import { IMPORT_NOT_HELD, UPLOAD_TOO_BIG, importActions, uploads } from './request-forms.ts';

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
	const form = await readPosted(request);
	const error = (message: string) =>
		({ kind: 'error', status: 400, field: 'files', message }) as const;
	if (!form) return error(UPLOAD_TOO_BIG);
	const checked = checkAction(form, importActions);
	if (!checked.ok) return error(checked.errors[0]!.message);
	if (checked.request.action === 'apply') {
		const { token } = checked.request;
		const held = find(token, user.id, now.getTime());
		if (!held) return error(IMPORT_NOT_HELD);
		held.result = applyImport(db, held.source, user, today, now);
		return { kind: 'redirect', location: `/admin/open-data?result=${token}` };
	}
	// A file input with nothing chosen posts one empty file: left out.
	const chosen = form.getAll('files').filter((v): v is File => typeof v !== 'string' && v.size > 0);
	const sizes = uploads.safeParse(chosen.map((f) => ({ name: f.name, size: f.size })));
	if (!sizes.success) return error(sizes.error.issues[0]!.message);
	const files: UploadedFile[] = [];
	for (const file of chosen)
		files.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
	const read = readImport(files, checked.request.json);
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
