/**
 * Run-time configuration: the only module that reads environment variables.
 * Every setting is documented in the README's configuration table.
 */
import path from 'node:path';

/** The settings the server and command-line tools run with. */
export interface Config {
	databasePath: string;
	migrationsDir: string;
	seed: 'demo' | 'none';
	port: number;
	host: string;
	publicOrigin: string | null;
	trustProxy: boolean;
	pageCacheEntries: number;
	isDevelopment: boolean;
	/** Booking and waiting-list attempts allowed per client per minute; 0 turns the limit off. */
	bookingRateLimit: number;
	/**
	 * Requests to lists, searches, the calendar feed, open data and booking pages allowed per client
	 * per minute (rendered requests only: pages served from the cache are not counted); 0: no limit.
	 */
	listingRateLimit: number;
	/** How long a waiting-list offer is held, in hours. */
	offerHours: number;
	/** Hubs and services not reviewed for this many months are listed as due for review. */
	reviewMonths: number;
	/** Personal data is deleted this many days after the session; no backup is kept longer. */
	retentionDays: number;
	/** Where scheduled backups go; null: none are taken. */
	backupDir: string | null;
	/** Hours between scheduled backups. */
	backupHours: number;
	/** How many scheduled backups are kept. */
	backupKeep: number;
	/** Reminders go this many hours before a session, unless a hub sets its own. */
	reminderHours: number;
	/** How messages leave the site. */
	delivery: DeliverySettings;
}

/** Where messages go: GOV.UK Notify (email and SMS), else SMTP (email only), else the log. */
export type DeliverySettings =
	| {
			kind: 'notify';
			apiKey: string;
			emailTemplateId: string;
			smsTemplateId: string;
			/** Notify's API address; set only to point at a stand-in in tests. */
			baseUrl: string | null;
	  }
	| { kind: 'smtp'; url: string; from: string }
	| { kind: 'log' };

function parsePort(value: string | undefined, fallback: number): number {
	if (value === undefined || value === '') return fallback;
	const port = Number(value);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(
			`PORT must be a whole number from 0 to 65535, not "${value}". Set PORT or leave it unset for ${fallback}.`,
		);
	}
	return port;
}

function parseOrigin(value: string | undefined): string | null {
	if (value === undefined || value === '') return null;
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new Error(
			`PUBLIC_ORIGIN must be an absolute URL such as https://hubs.example.org, not "${value}".`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new Error(`PUBLIC_ORIGIN must start with https:// or http://, not "${value}".`);
	}
	return url.origin;
}

function parseWhole(value: string | undefined, fallback: number, name: string): number {
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0)
		throw new Error(`${name} must be a whole number of 0 or more, not "${value}".`);
	return n;
}

function parseBoolean(value: string | undefined): boolean {
	return value === '1' || value === 'true' || value === 'yes';
}

function parseDelivery(env: Record<string, string | undefined>): DeliverySettings {
	const apiKey = env['NOTIFY_API_KEY'] ?? '';
	if (apiKey !== '') {
		// Notify's keys end with the service id and the secret, two UUIDs joined by a hyphen.
		if (!/[0-9a-f-]{36}-[0-9a-f-]{36}$/i.test(apiKey))
			throw new Error(
				'NOTIFY_API_KEY is not a GOV.UK Notify API key (it ends with two ids of 36 characters). Copy the whole key from Notify’s API integration page.',
			);
		const emailTemplateId = env['NOTIFY_EMAIL_TEMPLATE_ID'] ?? '';
		const smsTemplateId = env['NOTIFY_SMS_TEMPLATE_ID'] ?? '';
		if (emailTemplateId === '' || smsTemplateId === '')
			throw new Error(
				'NOTIFY_API_KEY is set, so NOTIFY_EMAIL_TEMPLATE_ID and NOTIFY_SMS_TEMPLATE_ID must be too: the ids of one email template (subject ((subject)), message ((body))) and one text message template (((body))) in Notify.',
			);
		const baseUrl = env['NOTIFY_BASE_URL'] ?? '';
		if (baseUrl !== '' && !/^https?:\/\//.test(baseUrl))
			throw new Error(`NOTIFY_BASE_URL must start with https:// or http://, not "${baseUrl}".`);
		return { kind: 'notify', apiKey, emailTemplateId, smsTemplateId, baseUrl: baseUrl || null };
	}
	const url = env['SMTP_URL'] ?? '';
	if (url !== '') {
		if (!/^smtps?:\/\//.test(url))
			throw new Error(
				'SMTP_URL must look like smtp://user:password@host:587 (or smtps:// for port 465).',
			);
		const from = env['MAIL_FROM'] ?? '';
		if (!/@[^\s@>]+\.[^\s@>]+>?$/.test(from))
			throw new Error(
				`SMTP_URL is set, so MAIL_FROM must be the sender's address, like "Community hubs <hubs@example.org>", not "${from}".`,
			);
		return { kind: 'smtp', url, from };
	}
	return { kind: 'log' };
}

/** Reads the configuration from an environment (process.env by default). */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
	const cwd = process.cwd();
	const seed = env['SEED'] === 'none' ? 'none' : 'demo';
	return {
		databasePath: path.resolve(cwd, env['DATABASE_PATH'] || 'data/community-hubs.db'),
		migrationsDir: path.resolve(cwd, env['MIGRATIONS_DIR'] || 'db/migrations'),
		seed,
		port: parsePort(env['PORT'], 4321),
		host: env['HOST'] || 'localhost',
		publicOrigin: parseOrigin(env['PUBLIC_ORIGIN']),
		trustProxy: parseBoolean(env['TRUST_PROXY']),
		pageCacheEntries: Math.max(0, Number(env['PAGE_CACHE_ENTRIES'] ?? 2000) || 0),
		isDevelopment: env['NODE_ENV'] === 'development',
		bookingRateLimit: parseWhole(env['BOOKING_RATE_LIMIT'], 10, 'BOOKING_RATE_LIMIT'),
		listingRateLimit: parseWhole(env['LISTING_RATE_LIMIT'], 300, 'LISTING_RATE_LIMIT'),
		offerHours: parseWhole(env['OFFER_HOURS'], 24, 'OFFER_HOURS'),
		reviewMonths: parseWhole(env['REVIEW_MONTHS'], 6, 'REVIEW_MONTHS'),
		retentionDays: parseWhole(env['RETENTION_DAYS'], 30, 'RETENTION_DAYS'),
		backupDir: env['BACKUP_DIR'] ? path.resolve(cwd, env['BACKUP_DIR']) : null,
		backupHours: Math.max(1, parseWhole(env['BACKUP_HOURS'], 24, 'BACKUP_HOURS')),
		backupKeep: Math.max(1, parseWhole(env['BACKUP_KEEP'], 7, 'BACKUP_KEEP')),
		reminderHours: parseWhole(env['REMINDER_HOURS'], 24, 'REMINDER_HOURS'),
		delivery: parseDelivery(env),
	};
}

let cached: Config | null = null;

/** The configuration of this process, read once. */
export function config(): Config {
	cached ??= readConfig();
	return cached;
}
