/**
 * `npm run import -- [--dry-run] [--as staff@example.org] FILE...`: imports Open Referral UK data
 * into DATABASE_PATH, as the staff import page does. FILE is a .json file, a .zip data package,
 * .csv files of one, or a folder of them. All or nothing: when anything is rejected, nothing is
 * imported, every problem is listed with its file and line, and the exit code is 1. Imported hubs
 * and services arrive unpublished or as drafts for staff to publish; the import is in the audit
 * trail, under the staff member named with --as (else "Command-line import").
 */
import fs from 'node:fs';
import path from 'node:path';
import { londonDate } from '../lib/domain/time.ts';
import { config } from '../lib/server/config.ts';
import { openDatabase } from '../lib/server/db/open-database.ts';
import {
	applyImport,
	dryRunImport,
	readImport,
	type ImportReport,
	type ReportEntry,
	type UploadedFile,
} from '../lib/server/use-cases/directory-import.ts';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const asIndex = args.indexOf('--as');
const asEmail = asIndex >= 0 ? args[asIndex + 1] : undefined;
const paths = args.filter((a, i) => !a.startsWith('--') && (asIndex < 0 || i !== asIndex + 1));
if (paths.length === 0) {
	console.error(
		'Give the file to import, for example: npm run import -- directory.json (or a .zip, .csv files or a folder). Add --dry-run to check it without importing.',
	);
	process.exit(2);
}

const files: UploadedFile[] = [];
for (const p of paths) {
	if (!fs.existsSync(p)) {
		console.error(`There is no file at ${p}. Check the path and try again.`);
		process.exit(2);
	}
	const names = fs.statSync(p).isDirectory() ? fs.readdirSync(p).map((n) => path.join(p, n)) : [p];
	for (const n of names)
		if (fs.statSync(n).isFile()) files.push({ name: path.basename(n), bytes: fs.readFileSync(n) });
}

const read = readImport(files, '');
if (!read.ok) {
	console.error(read.message);
	process.exit(1);
}

const settings = config();
const db = openDatabase({
	path: settings.databasePath,
	migrationsDir: settings.migrationsDir,
	seed: settings.seed,
});

let actor = { id: 'command-line', name: 'Command-line import' };
if (asEmail) {
	const user = db.$client
		.prepare("select id, name from user where email = ? and role = 'staff' and active = 1")
		.get(asEmail.toLowerCase()) as { id: string; name: string } | undefined;
	if (!user) {
		console.error(`${asEmail} is not an active staff account here. Check the email address.`);
		process.exit(2);
	}
	actor = user;
}

const PLURALS: Record<ReportEntry['kind'], string> = {
	hub: 'hubs',
	service: 'services',
	theme: 'themes',
	organisation: 'organisations',
	area: 'areas',
};
function counted(entries: ReportEntry[]): string {
	const parts = (Object.keys(PLURALS) as ReportEntry['kind'][])
		.map((k) => [k, entries.filter((e) => e.kind === k).length] as const)
		.filter(([, n]) => n > 0)
		.map(([k, n]) => `${n} ${n === 1 ? k : PLURALS[k]}`);
	return parts.length ? parts.join(', ') : 'nothing';
}

function print(report: ImportReport): void {
	for (const note of report.notes) console.log(`Note: ${note}`);
	if (report.rejections.length) {
		console.error(
			`Rejected: ${report.rejections.length} problem${report.rejections.length === 1 ? '' : 's'}, so nothing was imported. Correct them and import the file again:`,
		);
		for (const r of report.rejections) console.error(`  ${r.source}: ${r.message}`);
	}
}

const now = new Date();
if (dryRun) {
	const report = dryRunImport(db, read.source);
	console.log(`Would create: ${counted(report.creates)}`);
	console.log(`Would update (as drafts): ${counted(report.updates)}`);
	console.log(`Unchanged: ${counted(report.unchanged)}`);
	print(report);
	db.$client.close();
	process.exit(report.rejections.length ? 1 : 0);
}
const result = applyImport(db, read.source, actor, londonDate(now), now);
print(result.report);
if (result.ok)
	console.log(
		`Imported: created ${counted(result.report.creates)} (unpublished); updated ${counted(result.report.updates)} (as drafts); unchanged ${counted(result.report.unchanged)}. Publish them from /admin.`,
	);
db.$client.close();
process.exit(result.ok ? 0 : 1);
