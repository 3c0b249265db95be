import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	EMPTY_QUERY,
	parseHubQuery,
	type HubQuery,
} from '../../src/lib/domain/search/hub-query.ts';
import type { Db } from '../../src/lib/server/db/open-database.ts';
import {
	countHubs,
	getHubBySlug,
	getHubListPage,
	getThemeBySlug,
	listAreas,
	listThemes,
	searchHubs,
} from '../../src/lib/server/queries/directory.ts';
import { bumpContentVersion } from '../../src/lib/server/queries/meta.ts';
import { reindexHub } from '../../src/lib/server/queries/search-index.ts';
import { tempDatabase } from '../helpers/temp-db.ts';

let db: Db;
let cleanup: () => void;
beforeAll(() => {
	({ db, cleanup } = tempDatabase('demo'));
});
afterAll(() => cleanup());

const q = (s: string): HubQuery => parseHubQuery(new URLSearchParams(s));
const names = (s: string) => searchHubs(db, q(s)).hubs.map((h) => h.slug);
const count = (s: string) => countHubs(db, q(s));
const sql = (text: string, ...params: unknown[]) =>
	db.$client
		.prepare(text)
		.pluck()
		.all(...params) as string[];

describe('hub search filters, checked against the data with plain SQL', () => {
	it('lists every published hub by name with no filters', () => {
		expect(names('')).toEqual(sql("select slug from hub where status = 'published' order by name"));
	});

	it('filters by area', () => {
		expect(names('area=govan').sort()).toEqual(
			sql("select h.slug from hub h join area a on a.id = h.area_id where a.slug = 'govan'").sort(),
		);
	});

	it('filters by theme: hubs running a published service with that theme', () => {
		const expected = sql(
			`select distinct h.slug from hub h join service_hub sh on sh.hub_id = h.id join service s on s.id = sh.service_id
			 join service_theme st on st.service_id = s.id join theme t on t.id = st.theme_id
			 where t.slug = 'domestic-abuse' and s.status = 'published'`,
		).sort();
		expect(expected.length).toBeGreaterThan(0);
		expect(names('theme=domestic-abuse').sort()).toEqual(expected);
	});

	it('filters by day open', () => {
		expect(names('day=sunday')).toEqual(['alexandra-park-pavilion']);
		expect(count('day=saturday')).toBe(
			sql('select distinct hub_id from hub_opening_hours where weekday = 6').length,
		);
	});

	it('requires every chosen accessibility feature', () => {
		const both = sql(
			`select hub_id from hub_access_feature where feature = 'hearing-loop'
			 intersect select hub_id from hub_access_feature where feature = 'parking'`,
		);
		expect(count('access=hearing-loop&access=parking')).toBe(both.length);
		expect(count('access=hearing-loop')).toBeGreaterThan(both.length);
	});

	it('"no referral needed" and a theme apply to the same service', () => {
		// Maxwell Square's only domestic-abuse-only service (safety planning) needs a referral, but its
		// domestic abuse support does not, so it stays; a theme whose only service needs referral drops.
		expect(names('theme=domestic-abuse&referral=none')).toContain('maxwell-square-rooms');
		db.$client
			.prepare("update service set referral_needed = 1 where slug = 'domestic-abuse-support'")
			.run();
		try {
			expect(names('theme=domestic-abuse&referral=none')).toEqual([]);
			expect(names('theme=domestic-abuse')).toContain('maxwell-square-rooms');
		} finally {
			db.$client
				.prepare("update service set referral_needed = 0 where slug = 'domestic-abuse-support'")
				.run();
		}
	});

	it('combines filters with AND', () => {
		const result = names('theme=food-and-nutrition&area=castlemilk&day=friday&access=step-free');
		expect(result.sort()).toEqual(['castlemilk-heights-hub', 'croftfoot-community-kitchen']);
		expect(names('theme=food-and-nutrition&area=castlemilk&day=saturday')).toEqual([]);
	});
});

describe('free-text search', () => {
	it('matches hub names, service names and descriptions, and theme names', () => {
		expect(names('q=Govan Riverside')[0]).toBe('govan-riverside-hub');
		expect(names('q=memory cafe').sort()).toEqual([
			'elder-park-community-rooms',
			'ruchill-good-neighbours',
		]);
		expect(names('q=bailiff').sort()).toEqual(
			sql(
				`select distinct h.slug from hub h join service_hub sh on sh.hub_id = h.id join service s on s.id = sh.service_id
			 where s.slug = 'money-and-debt-advice'`,
			).sort(),
		);
		expect(count('q=employability')).toBeGreaterThan(0);
	});

	it.each([
		['benifits', 'benefits'],
		['pantyr', 'pantry'],
		['befreinding', 'befriending'],
		['arthirtis', 'arthritis'],
		['employabilty', 'employability'],
	])('tolerates the typo "%s" and finds the same hubs as "%s"', (typo, word) => {
		const expected = names(`q=${word}`);
		expect(expected.length).toBeGreaterThan(0);
		expect(names(`q=${typo}`).sort()).toEqual(expect.arrayContaining(expected.sort()));
	});

	it('does not guess at short words', () => {
		expect(count('q=fod')).toBe(0);
	});

	it('matches the start of words, so "benefit" finds "benefits"', () => {
		expect(count('q=benefit')).toBe(count('q=benefits'));
	});

	it('finds nothing for nonsense, and is not broken by FTS5 syntax in the text', () => {
		expect(count('q=zzzzqqq')).toBe(0);
		expect(() => names('q=" OR * NEAR( -')).not.toThrow();
		expect(() => names("q=' ; drop table hub; --")).not.toThrow();
		expect(count('')).toBeGreaterThan(0);
	});

	it('ranks a hub named in the search above one that only mentions the words', () => {
		expect(names('q=carers house')[0]).toBe('balgray-carers-house');
	});
});

describe('empty results and pages', () => {
	it('suggests the filters to remove, with how many hubs each would find', () => {
		const page = getHubListPage(db, q('theme=domestic-abuse&area=govan'));
		expect(page.total).toBe(0);
		const suggestions = page.suggestions.map((s) => [s.key, s.count]);
		expect(suggestions).toContainEqual(['area', count('theme=domestic-abuse')]);
		expect(suggestions).toContainEqual(['theme', count('area=govan')]);
	});

	it('offers no suggestion when no single filter is to blame', () => {
		const page = getHubListPage(db, q('q=zzzzqqq&theme=domestic-abuse&area=govan'));
		expect(page.total).toBe(0);
		expect(page.suggestions).toEqual([]);
	});

	it('suggests dropping the words of a text search that found nothing', () => {
		const page = getHubListPage(db, q('q=zzzzqqq'));
		expect(page.suggestions.map((s) => [s.key, s.count])).toEqual([['text', count('')]]);
	});

	it('pages at 25 hubs, and a page past the end shows the last page', () => {
		const all = count('');
		const page = getHubListPage(db, { ...EMPTY_QUERY, page: 99 });
		expect(page.query.page).toBe(page.pages);
		expect(page.hubs.length).toBe(all - (page.pages - 1) * 25);
	});
});

describe('only published records are public', () => {
	it('hides a draft service from hub and theme pages and from search', () => {
		expect(
			getHubBySlug(db, 'sandyhills-community-flat')!.services.map((s) => s.slug),
		).not.toContain('bereavement-support');
		expect(
			getThemeBySlug(db, 'mental-health-and-recovery')!.services.map((s) => s.slug),
		).not.toContain('bereavement-support');
		expect(count('q=bereaved')).toBe(0);
	});

	it('hides a hub as soon as it is unpublished, everywhere', () => {
		const id = sql("select id from hub where slug = 'ruchill-good-neighbours'")[0]!;
		db.$client.prepare("update hub set status = 'draft' where id = ?").run(id);
		reindexHub(db, id);
		bumpContentVersion(db);
		try {
			expect(getHubBySlug(db, 'ruchill-good-neighbours')).toBeNull();
			expect(names('')).not.toContain('ruchill-good-neighbours');
			expect(names('q=Ruchill')).toEqual([]);
			expect(
				getThemeBySlug(db, 'food-and-nutrition')!.services.flatMap((s) =>
					s.hubs.map((h) => h.slug),
				),
			).not.toContain('ruchill-good-neighbours');
		} finally {
			db.$client.prepare("update hub set status = 'published' where id = ?").run(id);
			reindexHub(db, id);
			bumpContentVersion(db);
		}
		expect(names('q=Ruchill')).toEqual(['ruchill-good-neighbours']);
	});
});

describe('hub and theme details', () => {
	it('returns everything the hub page shows', () => {
		const hub = getHubBySlug(db, 'linkwood-wellbeing-centre')!;
		expect(hub.area).toEqual({ slug: 'drumchapel', name: 'Drumchapel' });
		expect(hub.openingHours).toHaveLength(3);
		expect(hub.accessFeatures).toEqual(['quiet-space', 'step-free']);
		expect(hub.closures.some((c) => !c.allHubs && c.reason === 'Closed for redecoration')).toBe(
			true,
		);
		expect(hub.closures.some((c) => c.allHubs)).toBe(true);
		expect(hub.services.map((s) => s.slug)).toContain('recovery-cafe');
		expect(hub.services.find((s) => s.slug === 'anxiety-management-course')!.referralNeeded).toBe(
			true,
		);
	});

	it('returns null for a slug that does not exist', () => {
		expect(getHubBySlug(db, 'no-such-hub')).toBeNull();
		expect(getThemeBySlug(db, 'no-such-theme')).toBeNull();
	});

	it('lists a theme with its services and the hubs each runs at', () => {
		const theme = getThemeBySlug(db, 'crisis-prevention')!;
		expect(theme.sensitive).toBe(true);
		const larder = theme.services.find((s) => s.slug === 'community-larder')!;
		expect(larder.hubs.map((h) => h.slug).sort()).toEqual([
			'easterhouse-bridge-hub',
			'sandyhills-community-flat',
		]);
	});

	it('lists themes in order and areas with their hub counts', () => {
		expect(listThemes(db)[0]!.slug).toBe('welfare-and-benefits');
		const areas = listAreas(db);
		expect(areas.length).toBeGreaterThanOrEqual(6);
		expect(areas.reduce((n, a) => n + a.hubCount, 0)).toBe(count(''));
	});
});
