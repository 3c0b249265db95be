/**
 * `npm run user:add -- --email E --role staff|volunteer [--name N] [--hub SLUG ...]`: creates an
 * account from the command line, so a new install can get its first staff account. The password
 * comes from the PASSWORD variable, or is asked for at a prompt (not echoed).
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { config } from '../lib/server/config.ts';
import { openDatabase } from '../lib/server/db/open-database.ts';
import { createAccountWithPassword } from '../lib/server/use-cases/accounts.ts';

const { values } = parseArgs({
	options: {
		email: { type: 'string' },
		role: { type: 'string' },
		name: { type: 'string' },
		hub: { type: 'string', multiple: true },
	},
});

async function askPassword(): Promise<string> {
	if (process.env['PASSWORD']) return process.env['PASSWORD'];
	if (!process.stdin.isTTY)
		throw new Error('Set the PASSWORD variable, or run this in a terminal to be asked for one.');
	const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
	const rlAny = rl as unknown as {
		_writeToOutput: (s: string) => void;
		output: NodeJS.WriteStream;
	};
	process.stdout.write('Password: ');
	rlAny._writeToOutput = () => {};
	const answer = await new Promise<string>((resolve) => rl.question('', resolve));
	rl.close();
	process.stdout.write('\n');
	return answer;
}

const settings = config();
const db = openDatabase({
	path: settings.databasePath,
	migrationsDir: settings.migrationsDir,
	seed: 'none',
});
try {
	if (!values.email || (values.role !== 'staff' && values.role !== 'volunteer')) {
		throw new Error(
			'Usage: npm run user:add -- --email E --role staff|volunteer [--name N] [--hub SLUG ...]',
		);
	}
	const result = await createAccountWithPassword(
		db,
		{
			email: values.email,
			name: values.name ?? values.email.split('@')[0]!,
			role: values.role,
			hubSlugs: values.hub ?? [],
		},
		await askPassword(),
		Date.now(),
	);
	if (!result.ok) throw new Error(result.message);
	console.log(`Created ${values.role} account ${values.email.toLowerCase()}.`);
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
} finally {
	db.$client.close();
}
