/**
 * `npm run db:restore -- FILE`: replaces the database (DATABASE_PATH) with a backup, after
 * checking the backup's integrity. Stop the site first; start it again afterwards (it applies any
 * newer migrations as it opens the database).
 */
import { config } from '../lib/server/config.ts';
import { restoreDatabase } from '../lib/server/db/backup.ts';

const file = process.argv[2];
if (!file) {
	console.error('Say which backup to restore: npm run db:restore -- FILE');
	process.exit(2);
}
const result = restoreDatabase(file, config().databasePath, new Date());
if (!result.ok) {
	console.error(`Not restored: the backup ${file} failed its checks.`);
	for (const problem of result.problems) console.error(`- ${problem}`);
	process.exit(1);
}
console.log(`Restored ${file} to ${config().databasePath}.`);
if (result.previous) console.log(`The database it replaced is kept as ${result.previous}.`);
