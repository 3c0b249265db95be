/**
 * `npm run db:seed`: loads the demonstration data set into DATABASE_PATH when it holds no
 * directory data yet. It never overwrites existing data.
 */
import { seedDemoData } from '../../db/seed/demo.ts';
import { config } from '../lib/server/config.ts';
import { isEmpty, openDatabase } from '../lib/server/db/open-database.ts';

const settings = config();
const db = openDatabase({
	path: settings.databasePath,
	migrationsDir: settings.migrationsDir,
	seed: 'none',
});
if (!isEmpty(db)) {
	console.log(
		`The database already holds directory data, so the demo data was not loaded: ${settings.databasePath}`,
	);
} else {
	seedDemoData(db, new Date());
	console.log(`Demo data loaded into ${settings.databasePath}`);
}
db.$client.close();
