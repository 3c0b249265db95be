/**
 * `npm run db:backup -- FILE`: a consistent copy of the database (DATABASE_PATH) taken while the
 * site runs, with SQLite's online backup API.
 */
import { config } from '../lib/server/config.ts';
import { backupDatabase } from '../lib/server/db/backup.ts';

const file = process.argv[2];
if (!file) {
	console.error('Say where to write the backup: npm run db:backup -- FILE');
	process.exit(2);
}
try {
	await backupDatabase(config().databasePath, file);
	console.log(`Backed up ${config().databasePath} to ${file}`);
} catch (error) {
	console.error(`The backup failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
