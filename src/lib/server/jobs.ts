/**
 * Work the server process does on a timer: store session dates to the horizon and delete personal
 * data past its retention period (at start-up and whenever the London date changes), end
 * waiting-list offers whose time has run out (every minute), and take scheduled backups. Each run
 * is one transaction; a failure is logged and tried again next time. The outbox worker
 * (delivery/worker.ts) sends messages, including reminders when they fall due.
 */
import type { Config } from './config.ts';
import type { Db } from './db/open-database.ts';
import { scheduledBackup } from './db/backup.ts';
import { createDelivery } from './delivery/transports.ts';
import { startOutboxWorker } from './delivery/worker.ts';
import { todayInLondon } from './http/london-day.ts';
import { expireOffers } from './use-cases/bookings.ts';
import { deleteExpiredPersonalData } from './use-cases/retention.ts';
import { extendAllSessions } from './use-cases/schedule-sessions.ts';

/** Starts the jobs; `stop` clears their timers and waits for a message being sent. */
export function startJobs(db: Db, settings: Config): { stop: () => Promise<void> } {
	let extendedFor = '';
	const origin = settings.publicOrigin ?? `http://${settings.host}:${settings.port}`;
	const tick = () => {
		const now = new Date();
		const today = todayInLondon(now.getTime());
		try {
			if (today !== extendedFor) {
				const created = extendAllSessions(db, today, now);
				const deleted = deleteExpiredPersonalData(db, today, settings.retentionDays, now);
				db.$client.pragma('optimize'); // keeps the planner's statistics current
				extendedFor = today;
				console.log(
					JSON.stringify({ level: 'info', msg: 'session dates extended', created, today }),
				);
				console.log(
					JSON.stringify({
						level: 'info',
						msg: 'personal data past its retention period deleted',
						...deleted,
						retentionDays: settings.retentionDays,
					}),
				);
			}
			const expired = expireOffers(db, now, settings.offerHours, origin, settings.reminderHours);
			if (expired > 0)
				console.log(
					JSON.stringify({ level: 'info', msg: 'waiting-list offers expired', count: expired }),
				);
		} catch (error) {
			console.error(
				JSON.stringify({
					level: 'error',
					msg: 'scheduled job failed; it will run again in a minute',
					error: String(error),
				}),
			);
		}
	};
	tick();
	const timer = setInterval(tick, 60_000);
	timer.unref();
	const backups = settings.backupDir ? startBackups(settings, settings.backupDir) : null;
	const delivery = createDelivery(settings.delivery);
	console.log(JSON.stringify({ level: 'info', msg: `Messages: ${delivery.description}` }));
	const worker = startOutboxWorker(db, delivery);
	return {
		stop: async () => {
			clearInterval(timer);
			if (backups) clearInterval(backups);
			await worker.stop();
		},
	};
}

/** Scheduled backups: one at start-up, then every BACKUP_HOURS, keeping BACKUP_KEEP copies. */
function startBackups(settings: Config, dir: string): NodeJS.Timeout {
	const run = async () => {
		try {
			const { file, deleted } = await scheduledBackup(
				settings.databasePath,
				dir,
				settings.backupKeep,
				settings.retentionDays,
				new Date(),
			);
			console.log(JSON.stringify({ level: 'info', msg: 'backup taken', file, deleted }));
		} catch (error) {
			console.error(
				JSON.stringify({ level: 'error', msg: 'scheduled backup failed', error: String(error) }),
			);
		}
	};
	void run();
	const timer = setInterval(() => void run(), settings.backupHours * 3_600_000);
	timer.unref();
	return timer;
}
