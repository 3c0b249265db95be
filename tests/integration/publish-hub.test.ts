import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open-database.ts';
import { countHubs, getHubBySlug } from '../../src/lib/server/queries/directory.ts';
import { listAudit } from '../../src/lib/server/queries/audit-trail.ts';
import { getContentVersion } from '../../src/lib/server/queries/meta.ts';
import {
	getHubForEditing,
	listHubsForStaff,
	markHubReviewed,
	publishHub,
	saveHubDraft,
	unpublishHub,
} from '../../src/lib/server/use-cases/publish-hub.ts';
import { parseHubQuery } from '../../src/lib/domain/search/hub-query.ts';
import { FIXED_NOW, tempDatabase } from '../helpers/temp-db.ts';

let db: Db;
let cleanup: () => void;
const staff = {
	id: 'staff-1',
	email: 's@example.org',
	name: 'Sam Staff',
	role: 'staff' as const,
	hubIds: [],
};
beforeEach(() => {
	({ db, cleanup } = tempDatabase('demo'));
});
afterEach(() => cleanup());

describe('drafts and publishing', () => {
	it('keeps the public on the published version until staff publish the draft', () => {
		const hub = getHubForEditing(db, 'govan-riverside-hub')!;
		const version = getContentVersion(db);
		saveHubDraft(
			db,
			hub.id,
			{
				...hub.published,
				name: 'Govan Riverside Community Hub',
				summary: 'Now with a Saturday café.',
			},
			staff,
			FIXED_NOW,
		);
		expect(getHubBySlug(db, 'govan-riverside-hub')!.name).toBe('Govan Riverside Hub');
		expect(getContentVersion(db)).toBe(version);
		expect(getHubForEditing(db, 'govan-riverside-hub')!.draft?.name).toBe(
			'Govan Riverside Community Hub',
		);
		publishHub(db, hub.id, staff, FIXED_NOW);
		const after = getHubBySlug(db, 'govan-riverside-hub')!;
		expect(after.name).toBe('Govan Riverside Community Hub');
		expect(after.summary).toBe('Now with a Saturday café.');
		expect(getHubForEditing(db, 'govan-riverside-hub')!.draft).toBeNull();
		expect(getContentVersion(db)).toBe(version + 1);
		expect(countHubs(db, parseHubQuery(new URLSearchParams('q=saturday cafe')))).toBeGreaterThan(0);
	});

	it('records who changed what, with a readable diff', () => {
		const hub = getHubForEditing(db, 'elder-park-community-rooms')!;
		saveHubDraft(
			db,
			hub.id,
			{ ...hub.published, phone: '0141 496 0999', accessFeatures: ['step-free'] },
			staff,
			FIXED_NOW,
		);
		publishHub(db, hub.id, staff, new Date(FIXED_NOW.getTime() + 1000));
		const trail = listAudit(db, 'hub', hub.id);
		expect(trail.map((e) => [e.action, e.userName])).toEqual([
			['Published', 'Sam Staff'],
			['Draft saved', 'Sam Staff'],
		]);
		expect(trail[1]!.changes).toContainEqual({
			field: 'Phone',
			from: '0141 496 0102',
			to: '0141 496 0999',
		});
		expect(trail[1]!.changes.find((c) => c.field === 'Accessibility')?.to).toBe('step-free');
	});

	it('unpublishes a hub from every public view, and marks a review', () => {
		const hub = getHubForEditing(db, 'ruchill-good-neighbours')!;
		unpublishHub(db, hub.id, staff, FIXED_NOW);
		expect(getHubBySlug(db, 'ruchill-good-neighbours')).toBeNull();
		expect(countHubs(db, parseHubQuery(new URLSearchParams('q=Ruchill')))).toBe(0);
		const due = listHubsForStaff(db, '2026-05-23')
			.filter((h) => h.dueForReview)
			.map((h) => h.slug);
		expect(due).toContain('ruchill-good-neighbours');
		markHubReviewed(db, hub.id, staff, '2026-11-23', FIXED_NOW);
		expect(
			listHubsForStaff(db, '2026-05-23').find((h) => h.slug === 'ruchill-good-neighbours')!
				.dueForReview,
		).toBe(false);
	});
});
