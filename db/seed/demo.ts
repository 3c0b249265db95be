/**
 * Loads the demonstration data set into an empty database. Ids are derived from names, so the same
 * record has the same UUID in every demo database (tests and links can rely on them).
 */
import { createHash } from 'node:crypto';
import { hashSync } from '@node-rs/argon2';
import type { Db } from '../../src/lib/server/db/open-database.ts';
import { rebuildSearchIndex } from '../../src/lib/server/queries/search-index.ts';
import { bumpContentVersion, setDemoData } from '../../src/lib/server/queries/meta.ts';
import { addDays, londonDate, monthsBefore } from '../../src/lib/domain/time.ts';
import {
	areas,
	closures,
	hubAccessFeatures,
	hubOpeningHours,
	hubs,
	organisations,
	serviceHubs,
	services,
	serviceThemes,
	themes,
} from '../schema/index.ts';
import { AREAS, HUBS, SERVICES, THEMES } from './demo-data.ts';
import { seedDemoSessions } from './demo-sessions.ts';

/** A stable UUID (version 5 layout) for a demo record of a kind and key. */
export function demoId(kind: string, key: string): string {
	const h = createHash('sha1').update(`community-hubs-demo:${kind}:${key}`).digest();
	h[6] = (h[6]! & 0x0f) | 0x50;
	h[8] = (h[8]! & 0x3f) | 0x80;
	const hex = h.subarray(0, 16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Public holidays in Glasgow for the year of `today` and the next one (fixed and computed dates). */
export function demoPublicHolidays(
	today: string,
): { startsOn: string; endsOn: string; reason: string }[] {
	const year = Number(today.slice(0, 4));
	const result: { startsOn: string; endsOn: string; reason: string }[] = [];
	for (const y of [year, year + 1]) {
		result.push({
			startsOn: `${y}-01-01`,
			endsOn: `${y}-01-02`,
			reason: 'New Year public holiday',
		});
		// Glasgow Fair: the third Monday in July, with the Friday before.
		const julyFirst = new Date(Date.UTC(y, 6, 1)).getUTCDay();
		const firstMonday = 1 + ((8 - julyFirst) % 7);
		const fairMonday = firstMonday + 14;
		result.push({
			startsOn: `${y}-07-${String(fairMonday - 3).padStart(2, '0')}`,
			endsOn: `${y}-07-${String(fairMonday).padStart(2, '0')}`,
			reason: 'Glasgow Fair holiday',
		});
		result.push({ startsOn: `${y}-11-30`, endsOn: `${y}-11-30`, reason: 'St Andrew’s Day' });
		result.push({ startsOn: `${y}-12-25`, endsOn: `${y}-12-26`, reason: 'Christmas holidays' });
	}
	return result;
}

/** The password of the demo accounts (demo data only: README says so; real deployments use SEED=none). */
export const DEMO_PASSWORD = 'demo hubs password';

function seedDemoAccounts(db: Db, stamp: string, hubIds: Map<string, string>): void {
	const passwordHash = hashSync(DEMO_PASSWORD);
	const add = (
		key: string,
		email: string,
		name: string,
		role: 'staff' | 'volunteer',
		hubs: string[],
	) => {
		const id = demoId('user', key);
		db.$client
			.prepare(
				'insert into user (id, email, name, role, password_hash, active, created_at, updated_at) values (?, ?, ?, ?, ?, 1, ?, ?)',
			)
			.run(id, email, name, role, passwordHash, stamp, stamp);
		for (const hub of hubs)
			db.$client
				.prepare('insert into user_hub (user_id, hub_id) values (?, ?)')
				.run(id, hubIds.get(hub)!);
	};
	add('staff', 'staff@example.org', 'Demo Staff Member', 'staff', []);
	add('volunteer', 'volunteer@example.org', 'Demo Volunteer', 'volunteer', [
		'govan-riverside-hub',
		'elder-park-community-rooms',
	]);
}

/** Loads the demo data set, in one transaction, and marks the database as holding demo data. */
export function seedDemoData(db: Db, now: Date): void {
	const today = londonDate(now);
	const stamp = now.toISOString();
	db.$client.transaction(() => {
		const tx = db;
		const orgId = demoId('organisation', 'hscp');
		tx.insert(organisations)
			.values({
				id: orgId,
				name: 'Riverside City Health and Social Care Partnership (demonstration)',
				description: 'A fictional partnership used to demonstrate this site.',
				website: 'https://www.example.org/',
				email: 'hubs@example.org',
				phone: '0141 496 0100',
			})
			.run();
		const areaIds = new Map<string, string>();
		for (const a of AREAS) {
			const id = demoId('area', a.slug);
			areaIds.set(a.slug, id);
			tx.insert(areas).values({ id, slug: a.slug, name: a.name }).run();
		}
		const themeIds = new Map<string, string>();
		THEMES.forEach((t, i) => {
			const id = demoId('theme', t.slug);
			themeIds.set(t.slug, id);
			tx.insert(themes)
				.values({
					id,
					slug: t.slug,
					name: t.name,
					summary: t.summary,
					description: t.description,
					sensitive: t.sensitive ?? false,
					sortOrder: i,
				})
				.run();
		});
		const hubIds = new Map<string, string>();
		HUBS.forEach((h, i) => {
			const area = AREAS.find((a) => a.slug === h.area)!;
			const id = demoId('hub', h.slug);
			hubIds.set(h.slug, id);
			tx.insert(hubs)
				.values({
					id,
					organisationId: orgId,
					areaId: areaIds.get(h.area)!,
					slug: h.slug,
					name: h.name,
					summary: h.summary,
					description: `${h.summary} Everyone is welcome: come in and ask at the front desk, or phone us first if you would like to check something.`,
					addressLine1: h.street,
					town: 'Glasgow',
					postcode: `${area.postcodeDistrict} ${h.postcodeSuffix}`,
					latitude: Number((area.latitude + ((i % 3) - 1) * 0.004).toFixed(5)),
					longitude: Number((area.longitude + ((i % 2) * 2 - 1) * 0.005).toFixed(5)),
					phone: `0141 496 ${h.phoneSuffix}`,
					email: `${h.slug}@example.org`,
					website: `https://www.example.org/hubs/${h.slug}`,
					howToGetThere: h.howToGetThere,
					languages: h.languages,
					status: 'published',
					lastReviewedOn: monthsBefore(today, h.reviewedMonthsAgo),
					createdAt: stamp,
					updatedAt: stamp,
				})
				.run();
			for (const [weekday, opensAt, closesAt] of h.hours) {
				tx.insert(hubOpeningHours).values({ hubId: id, weekday, opensAt, closesAt }).run();
			}
			for (const feature of h.access)
				tx.insert(hubAccessFeatures).values({ hubId: id, feature }).run();
		});
		SERVICES.forEach((s, i) => {
			const id = demoId('service', s.slug);
			tx.insert(services)
				.values({
					id,
					organisationId: orgId,
					slug: s.slug,
					name: s.name,
					summary: s.summary,
					description: s.description,
					whoItIsFor: s.whoItIsFor,
					minimumAge: s.minimumAge ?? null,
					maximumAge: s.maximumAge ?? null,
					isFree: s.cost === undefined,
					costDescription: s.cost ?? '',
					referralNeeded: s.referral !== undefined,
					referralDetails: s.referral ?? '',
					phone: `0141 496 0${String(200 + i).padStart(3, '0')}`,
					email: `${s.slug}@example.org`,
					status: s.draft ? 'draft' : 'published',
					lastReviewedOn: monthsBefore(today, (i % 9) + 1),
					createdAt: stamp,
					updatedAt: stamp,
				})
				.run();
			for (const t of s.themes)
				tx.insert(serviceThemes)
					.values({ serviceId: id, themeId: themeIds.get(t)! })
					.run();
			for (const h of s.hubs) {
				tx.insert(serviceHubs)
					.values({
						id: demoId('service-hub', `${s.slug}@${h}`),
						serviceId: id,
						hubId: hubIds.get(h)!,
					})
					.run();
			}
		});
		for (const holiday of demoPublicHolidays(today)) {
			tx.insert(closures)
				.values({ id: demoId('closure', holiday.startsOn), hubId: null, ...holiday })
				.run();
		}
		const refurbStart = addDays(today, 9);
		tx.insert(closures)
			.values({
				id: demoId('closure', 'linkwood-refurbishment'),
				hubId: hubIds.get('linkwood-wellbeing-centre')!,
				startsOn: refurbStart,
				endsOn: addDays(refurbStart, 2),
				reason: 'Closed for redecoration',
			})
			.run();
		seedDemoSessions(db, today, now, demoId);
		seedDemoAccounts(db, stamp, hubIds);
		setDemoData(db, true);
		bumpContentVersion(db);
		rebuildSearchIndex(db);
	})();
}
