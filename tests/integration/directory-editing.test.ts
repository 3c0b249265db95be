/**
 * Staff editing of the whole directory on a real database: services with drafts, new hubs and
 * services, opening hours, themes and organisations, and the audit trail, including who saw
 * personal data.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportRegister, viewRegister } from '../../src/lib/server/use-cases/register.ts';
import { viewMessages } from '../../src/lib/server/use-cases/messages.ts';
import type { Db } from '../../src/lib/server/db/open-database.ts';
import {
	countHubs,
	getHubBySlug,
	getThemeBySlug,
	listThemes,
} from '../../src/lib/server/queries/directory.ts';
import { getContentVersion } from '../../src/lib/server/queries/meta.ts';
import { listAudit, listRecentAudit } from '../../src/lib/server/queries/audit-trail.ts';
import {
	createHub,
	discardHubDraft,
	getHubForEditing,
	publishHub,
	saveHubDraft,
} from '../../src/lib/server/use-cases/publish-hub.ts';
import {
	createService,
	getServiceForEditing,
	listServicesForStaff,
	publishService,
	saveServiceDraft,
	unpublishService,
} from '../../src/lib/server/use-cases/publish-service.ts';
import {
	getOrganisationForEditing,
	getThemeForEditing,
	saveOrganisation,
	saveTheme,
} from '../../src/lib/server/use-cases/themes-and-organisations.ts';
import { emptyHub } from '../../src/lib/domain/forms/hub-form.ts';
import { emptyService } from '../../src/lib/domain/forms/service-form.ts';
import { parseHubQuery } from '../../src/lib/domain/search/hub-query.ts';
import { FIXED_NOW, tempDatabase } from '../helpers/temp-db.ts';

let db: Db;
let cleanup: () => void;
const staff = { id: 'staff-1', name: 'Sam Staff' };
const later = (seconds: number) => new Date(FIXED_NOW.getTime() + seconds * 1000);
const found = (q: string) => countHubs(db, parseHubQuery(new URLSearchParams({ q })));
const idOf = (table: string, slug: string) =>
	db.$client.prepare(`select id from ${table} where slug = ?`).pluck().get(slug) as string;
const serviceNamesAt = (hub: string) => getHubBySlug(db, hub)!.services.map((s) => s.name);

beforeEach(() => {
	({ db, cleanup } = tempDatabase('demo'));
});
afterEach(() => cleanup());

describe('services with drafts', () => {
	it('keeps the public on the published service until staff publish, then re-indexes the hubs it left and joined', () => {
		const [first] = listServicesForStaff(db, '2000-01-01');
		const service = getServiceForEditing(db, first!.slug)!;
		const [leaving, ...staying] = service.published.hubIds;
		const joining = idOf('hub', 'easterhouse-bridge-hub');
		expect(service.published.hubIds).not.toContain(joining);
		const leavingSlug = db.$client
			.prepare('select slug from hub where id = ?')
			.pluck()
			.get(leaving) as string;
		const version = getContentVersion(db);

		saveServiceDraft(
			db,
			service.id,
			{
				...service.published,
				name: 'Zephyrine money clinic',
				hubIds: [...staying, joining],
			},
			staff,
			FIXED_NOW,
		);
		expect(found('Zephyrine')).toBe(0);
		expect(serviceNamesAt(leavingSlug)).toContain(service.published.name);
		expect(getContentVersion(db)).toBe(version);

		publishService(db, service.id, staff, later(1));
		expect(getContentVersion(db)).toBe(version + 1);
		expect(serviceNamesAt('easterhouse-bridge-hub')).toContain('Zephyrine money clinic');
		expect(serviceNamesAt(leavingSlug)).not.toContain('Zephyrine money clinic');
		expect(found('Zephyrine')).toBe(staying.length + 1);
		expect(getServiceForEditing(db, service.slug)!.draft).toBeNull();

		unpublishService(db, service.id, staff, later(2));
		expect(found('Zephyrine')).toBe(0);
		expect(serviceNamesAt('easterhouse-bridge-hub')).not.toContain('Zephyrine money clinic');

		const trail = listAudit(db, 'service', service.id);
		expect(trail.map((e) => e.action)).toEqual(['Unpublished', 'Published', 'Draft saved']);
		expect(trail[2]!.changes.find((c) => c.field === 'Hubs')!.to).toContain(
			'Easterhouse Bridge Hub',
		);
	});

	it('keeps the id of a service at a hub while it runs there', () => {
		const [first] = listServicesForStaff(db, '2000-01-01');
		const service = getServiceForEditing(db, first!.slug)!;
		const ids = () =>
			db.$client
				.prepare('select hub_id, id from service_hub where service_id = ? order by hub_id')
				.all(service.id);
		const before = ids();
		saveServiceDraft(
			db,
			service.id,
			{ ...service.published, summary: 'New words.' },
			staff,
			FIXED_NOW,
		);
		publishService(db, service.id, staff, later(1));
		expect(ids()).toEqual(before);
	});

	it('adds a service as a draft, then publishes it at a hub', () => {
		const values = {
			...emptyService(),
			name: 'Quillwort sewing circle',
			summary: 'Mend and make together.',
			organisationId: db.$client.prepare('select id from organisation').pluck().get() as string,
			themeIds: [listThemes(db)[0]!.id],
			hubIds: [idOf('hub', 'govan-riverside-hub')],
			isFree: false,
			costDescription: '£1 for materials',
		};
		const { id, slug } = createService(db, values, staff, '2026-11-23', FIXED_NOW);
		expect(slug).toBe('quillwort-sewing-circle');
		expect(serviceNamesAt('govan-riverside-hub')).not.toContain('Quillwort sewing circle');
		publishService(db, id, staff, later(1));
		const shown = getHubBySlug(db, 'govan-riverside-hub')!.services.find(
			(s) => s.name === 'Quillwort sewing circle',
		);
		expect(shown).toBeDefined();
		expect(found('Quillwort')).toBe(1);
		expect(createService(db, values, staff, '2026-11-23', later(2)).slug).toBe(
			'quillwort-sewing-circle-2',
		);
	});
});

describe('hubs: new ones, opening hours and discarded drafts', () => {
	it('adds a hub as a draft with its opening hours; publishing shows it to the public', () => {
		const values = {
			...emptyHub(),
			name: 'New',
			summary: 'A hub in a church hall.',
			addressLine1: '1 Kirk Street',
			postcode: 'G51 3QX',
			areaId: db.$client.prepare('select id from area').pluck().get() as string,
			organisationId: db.$client.prepare('select id from organisation').pluck().get() as string,
			openingHours: [
				{ weekday: 2, opensAt: '09:30', closesAt: '12:30' },
				{ weekday: 2, opensAt: '13:30', closesAt: '16:00' },
			],
		};
		const { id, slug } = createHub(db, values, staff, '2026-11-23', FIXED_NOW);
		expect(slug).toBe('new-2'); // "new" is the address of the page that adds a hub
		expect(getHubBySlug(db, slug)).toBeNull();
		publishHub(db, id, staff, later(1));
		const hub = getHubBySlug(db, slug)!;
		expect(hub.openingHours).toEqual([
			{ weekday: 2, opensAt: '09:30', closesAt: '12:30' },
			{ weekday: 2, opensAt: '13:30', closesAt: '16:00' },
		]);
		expect(listAudit(db, 'hub', id).map((e) => e.action)).toEqual(['Published', 'Created']);
	});

	it('changes opening hours through the draft, and throws a draft away', () => {
		const hub = getHubForEditing(db, 'govan-riverside-hub')!;
		const before = getHubBySlug(db, 'govan-riverside-hub')!.openingHours;
		saveHubDraft(
			db,
			hub.id,
			{ ...hub.published, openingHours: [{ weekday: 6, opensAt: '10:00', closesAt: '14:00' }] },
			staff,
			FIXED_NOW,
		);
		expect(getHubBySlug(db, 'govan-riverside-hub')!.openingHours).toEqual(before);
		discardHubDraft(db, hub.id, staff, later(1));
		expect(getHubForEditing(db, 'govan-riverside-hub')!.draft).toBeNull();
		saveHubDraft(
			db,
			hub.id,
			{ ...hub.published, openingHours: [{ weekday: 6, opensAt: '10:00', closesAt: '14:00' }] },
			staff,
			later(2),
		);
		publishHub(db, hub.id, staff, later(3));
		expect(getHubBySlug(db, 'govan-riverside-hub')!.openingHours).toEqual([
			{ weekday: 6, opensAt: '10:00', closesAt: '14:00' },
		]);
		const published = listAudit(db, 'hub', hub.id)[0]!;
		expect(published.changes.find((c) => c.field === 'Opening hours')!.to).toBe(
			'Saturday 10:00 to 14:00',
		);
	});
});

describe('themes and organisations', () => {
	it('publishes a theme change at once and re-indexes the hubs found through it', () => {
		const theme = listThemes(db)[0]!;
		const editing = getThemeForEditing(db, theme.slug)!;
		const version = getContentVersion(db);
		expect(found('Xylophonic')).toBe(0);
		saveTheme(db, editing.id, { ...editing, name: 'Xylophonic help' }, staff, FIXED_NOW);
		expect(getThemeBySlug(db, theme.slug)!.name).toBe('Xylophonic help');
		expect(getContentVersion(db)).toBe(version + 1);
		expect(found('Xylophonic')).toBeGreaterThan(0);
		expect(listAudit(db, 'theme', editing.id)[0]!.changes).toEqual([
			{ field: 'Name', from: theme.name, to: 'Xylophonic help' },
		]);
		const slug = saveTheme(
			db,
			null,
			{ name: 'Housing', summary: 'A home.', description: 'Help.', sensitive: true, sortOrder: 1 },
			staff,
			later(1),
		);
		expect(getThemeBySlug(db, slug)!.sensitive).toBe(true);
	});

	it('adds and changes an organisation, with the change in the trail', () => {
		const id = saveOrganisation(
			db,
			null,
			{ name: 'Govan Together', description: '', website: '', email: '', phone: '' },
			staff,
			FIXED_NOW,
		);
		saveOrganisation(
			db,
			id,
			{
				name: 'Govan Together',
				description: '',
				website: '',
				email: 'hello@example.org',
				phone: '',
			},
			staff,
			later(1),
		);
		expect(getOrganisationForEditing(db, id)!.email).toBe('hello@example.org');
		expect(listAudit(db, 'organisation', id).map((e) => e.action)).toEqual(['Changed', 'Created']);
	});
});

describe('who saw personal data', () => {
	it('records views of a register or the messages once per quarter hour and every export, and lists them for staff', () => {
		const session = db.$client
			.prepare('select session_id from booking limit 1')
			.pluck()
			.get() as string;
		const volunteer = { id: 'vol-1', name: 'Val Volunteer' };
		const first = viewRegister(db, volunteer, session, FIXED_NOW);
		expect(first.entries.length).toBeGreaterThan(0);
		viewRegister(db, volunteer, session, later(60));
		expect(exportRegister(db, volunteer, session, later(61))).toMatch(/^Reference,Status,Name,/);
		exportRegister(db, volunteer, session, later(62));
		viewRegister(db, volunteer, session, later(16 * 60));
		viewMessages(db, staff, later(16 * 60 + 1));
		saveOrganisation(
			db,
			null,
			{ name: 'Other', description: '', website: '', email: '', phone: '' },
			staff,
			later(2000),
		);
		const views = listRecentAudit(db, 50, true);
		expect(views.map((e) => e.action)).toEqual([
			'Viewed messages',
			'Viewed the register',
			'Exported the register (CSV)',
			'Exported the register (CSV)',
			'Viewed the register',
		]);
		expect(views[1]!.href).toBe(`/volunteer/sessions/${session}`);
		expect(views[1]!.subject).toMatch(/, 20\d\d-\d\d-\d\d$/);
		expect(listRecentAudit(db, 50)[0]!.action).toBe('Created');
	});
});
