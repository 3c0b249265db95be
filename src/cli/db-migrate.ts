/** `npm run db:migrate`: applies any pending migrations to DATABASE_PATH (never loads demo data). */
import { config } from '../lib/server/config.ts';
import { openDatabase } from '../lib/server/db/open-database.ts';

const settings = config();
const db = openDatabase({
	path: settings.databasePath,
	migrationsDir: settings.migrationsDir,
	seed: 'none',
});
db.$client.close();
console.log(`Database is up to date: ${settings.databasePath}`);
