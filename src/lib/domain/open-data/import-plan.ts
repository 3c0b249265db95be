/**
 * What an import would do: from Open Referral tables to our records, checked as the rest of the
 * site checks them. Policy: every value goes through the same form parsers staff use (UK postcode,
 * UK phone, email and web address formats, ages, opening hours), plus latitude and longitude in
 * range and a UK country; each invalid value is reported with where it is (file and line) and is
 * never stored. A plan with any rejection is not applied at all (all or nothing).
 *
 * Records are matched by id: a location, service, taxonomy term or organisation whose id is ours
 * updates that record (as a working draft, for hubs and services), any other is created
 * (unpublished). A term or organisation with an unknown id but the name of one we have is taken
 * to mean that one. Themes and organisations are public as soon as they are saved, so an import
 * adds missing ones but never changes existing ones. Drop-in schedules, contacts (people) and
 * cost options are not imported: each is listed as a note.
 */
import { ACCESS_FEATURES, type AccessFeature } from '../directory/access.ts';
import { slugify } from '../forms/fields.ts';
import { parseHubForm, type HubValues } from '../forms/hub-form.ts';
import { parseServiceForm, type ServiceValues } from '../forms/service-form.ts';
import {
	parseOrganisationForm,
	parseThemeForm,
	type OrganisationValues,
	type ThemeValues,
} from '../forms/theme-form.ts';
import { WEEKDAYS } from '../time.ts';
import { isUuid, OPEN_DATA_NAMESPACE, uuidV5 } from './ids.ts';
import { splitText } from './model.ts';
import type { Row, Tables } from './tabular.ts';

/** A hub's coordinates (not part of the staff form). */
export interface Coordinates {
	latitude: number | null;
	longitude: number | null;
}

/** What the database holds that an import is matched against. */
export interface ExistingDirectory {
	organisations: { id: string; name: string }[];
	themes: { id: string; name: string }[];
	areas: { id: string; name: string }[];
	/** Current values (the working draft if there is one, else the published version). */
	hubs: Map<string, HubValues & Coordinates>;
	services: Map<string, ServiceValues>;
	/** Services at hubs: id to service and hub. */
	serviceHubs: Map<string, { serviceId: string; hubId: string }>;
	/** How many themes there are (new themes are put after them). */
	themeCount: number;
}

/** One record the import would create or update. */
export interface PlannedRecord<V> {
	action: 'create' | 'update';
	id: string;
	name: string;
	source: string;
	values: V;
}

/** Everything an import would do, and what stops it. */
export interface ImportPlan {
	areas: { id: string; name: string; slug: string }[];
	organisations: PlannedRecord<OrganisationValues>[];
	themes: PlannedRecord<ThemeValues>[];
	hubs: PlannedRecord<HubValues & Coordinates>[];
	services: PlannedRecord<ServiceValues & { serviceHubIds: Record<string, string> }>[];
	/** Themes and organisations in the file that we already have (left as they are). */
	kept: { kind: 'theme' | 'organisation'; id: string; name: string; source: string }[];
	rejections: { source: string; message: string }[];
	notes: string[];
}

const text = (v: unknown): string =>
	v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : String(v);

const HUB_FIELD_NAMES: Record<string, string> = {
	name: 'name',
	summary: 'description',
	addressLine1: 'address_1',
	addressLine2: 'address_2',
	town: 'city',
	postcode: 'postal_code',
	areaId: 'region',
	organisationId: 'organization_id',
	phone: 'phones',
	email: 'email',
	website: 'url',
};

const SERVICE_FIELD_NAMES: Record<string, string> = {
	name: 'name',
	summary: 'description',
	minimumAge: 'minimum_age',
	maximumAge: 'maximum_age',
	costDescription: 'fees',
	referralDetails: 'application_process',
	phone: 'phones',
	email: 'email',
	website: 'url',
	organisationId: 'organization_id',
	themeIds: 'attributes',
	hubIds: 'service_at_locations',
};

/** Hub form fields that come from an Open Referral address. */
const ADDRESS_FIELDS = new Set(['addressLine1', 'addressLine2', 'town', 'postcode', 'areaId']);

const UK_COUNTRIES = new Set([
	'gb',
	'uk',
	'gbr',
	'united kingdom',
	'great britain',
	'scotland',
	'england',
	'wales',
	'northern ireland',
]);

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

function accessFeatureOf(description: string): AccessFeature | null {
	const t = description.trim().toLowerCase();
	return ACCESS_FEATURES.find((f) => f.code === t || f.label.toLowerCase() === t)?.code ?? null;
}

function coordinate(v: unknown, min: number, max: number): number | null | 'bad' {
	if (v === null || v === undefined || v === '') return null;
	const n = typeof v === 'number' ? v : Number(String(v).trim());
	return Number.isFinite(n) && n >= min && n <= max ? n : 'bad';
}

/** Works out what importing the tables would do to a directory holding `existing`. */
export function planImport(tables: Tables, existing: ExistingDirectory): ImportPlan {
	const plan: ImportPlan = {
		areas: [],
		organisations: [],
		themes: [],
		hubs: [],
		services: [],
		kept: [],
		rejections: [],
		notes: [],
	};
	const reject = (row: Row | string, message: string) =>
		plan.rejections.push({ source: typeof row === 'string' ? row : row.source, message });
	const idOf = (row: Row, what: string): string | null => {
		const id = text(row.values['id']).toLowerCase();
		if (!isUuid(id)) {
			reject(row, `${what}: id “${text(row.values['id'])}” must be a UUID`);
			return null;
		}
		return id;
	};

	// Organisations: an unknown id with a known name means the one we have.
	const organisationIds = new Map<string, string>();
	const byOrgName = new Map(existing.organisations.map((o) => [o.name.toLowerCase(), o.id]));
	const knownOrgs = new Set(existing.organisations.map((o) => o.id));
	for (const row of tables.organizations) {
		const id = idOf(row, 'organisation');
		if (!id) continue;
		const name = text(row.values['name']);
		const ours = knownOrgs.has(id) ? id : byOrgName.get(name.toLowerCase());
		if (ours) {
			organisationIds.set(id, ours);
			plan.kept.push({ kind: 'organisation', id: ours, name, source: row.source });
			continue;
		}
		const form = new FormData();
		form.set('name', name);
		form.set('description', text(row.values['description']));
		form.set('website', text(row.values['website']));
		form.set('email', text(row.values['email']));
		const parsed = parseOrganisationForm(form);
		if (!parsed.ok) {
			for (const e of parsed.errors)
				reject(
					row,
					`organisation “${name}”: ${e.field === 'website' ? 'website' : e.field} “${text(row.values[e.field])}”: ${e.message}`,
				);
			continue;
		}
		organisationIds.set(id, id);
		byOrgName.set(name.toLowerCase(), id);
		plan.organisations.push({
			action: 'create',
			id,
			name,
			source: row.source,
			values: parsed.values,
		});
	}

	// Themes (taxonomy terms).
	const themeIds = new Map<string, string>();
	const byThemeName = new Map(existing.themes.map((t) => [t.name.toLowerCase(), t.id]));
	const knownThemes = new Set(existing.themes.map((t) => t.id));
	for (const row of tables.taxonomy_terms) {
		const id = idOf(row, 'taxonomy term');
		if (!id) continue;
		const name = text(row.values['name']);
		const ours = knownThemes.has(id) ? id : byThemeName.get(name.toLowerCase());
		if (ours) {
			themeIds.set(id, ours);
			plan.kept.push({ kind: 'theme', id: ours, name, source: row.source });
			continue;
		}
		const { summary, description } = splitText(text(row.values['description']));
		const form = new FormData();
		form.set('name', name);
		form.set('summary', summary);
		form.set('description', description || summary);
		form.set('sortOrder', String(Math.min(999, existing.themeCount + plan.themes.length)));
		const parsed = parseThemeForm(form);
		if (!parsed.ok) {
			for (const e of parsed.errors) reject(row, `taxonomy term “${name}”: ${e.message}`);
			continue;
		}
		themeIds.set(id, id);
		byThemeName.set(name.toLowerCase(), id);
		plan.themes.push({ action: 'create', id, name, source: row.source, values: parsed.values });
	}

	// Services at locations: which hubs each service runs at.
	const placesOf = new Map<string, { hubId: string; salId: string; row: Row }[]>();
	const locationOrgs = new Map<string, string>();
	const serviceOrg = new Map(
		tables.services.map((r) => [
			text(r.values['id']).toLowerCase(),
			text(r.values['organization_id']).toLowerCase(),
		]),
	);
	for (const row of tables.service_at_locations) {
		const id = idOf(row, 'service at location');
		if (!id) continue;
		const serviceId = text(row.values['service_id']).toLowerCase();
		const hubId = text(row.values['location_id']).toLowerCase();
		const other = existing.serviceHubs.get(id);
		if (other && (other.serviceId !== serviceId || other.hubId !== hubId)) {
			reject(row, `service at location ${id} is already another service at another hub here`);
			continue;
		}
		placesOf.set(serviceId, [...(placesOf.get(serviceId) ?? []), { hubId, salId: id, row }]);
		const org = serviceOrg.get(serviceId);
		if (org && !locationOrgs.has(hubId)) locationOrgs.set(hubId, org);
	}

	// Hubs (locations).
	const byLocation = <T extends keyof Tables>(table: T) => {
		const map = new Map<string, Row[]>();
		for (const r of tables[table]) {
			const id = text(r.values['location_id']).toLowerCase();
			if (id) map.set(id, [...(map.get(id) ?? []), r]);
		}
		return map;
	};
	const addresses = byLocation('addresses');
	const accessibility = byLocation('accessibility');
	const phones = byLocation('phones');
	const languages = byLocation('languages');
	const hours = byLocation('schedules');
	const areaIds = new Map(existing.areas.map((a) => [a.name.toLowerCase(), a.id]));
	const plannedHubIds = new Set<string>();
	const rejectedHubIds = new Set<string>();
	const orgChoices = () => [
		...existing.organisations.map((o) => o.id),
		...plan.organisations.map((o) => o.id),
	];
	for (const row of tables.locations) {
		const id = idOf(row, 'location');
		if (!id) continue;
		const v = row.values;
		const name = text(v['name']);
		const what = `location “${name}”`;
		const current = existing.hubs.get(id);
		const address = addresses.get(id)?.[0];
		const a = address?.values ?? {};
		const problems: string[] = [];
		const addressProblems: string[] = [];
		const country = text(a['country']);
		if (country && !UK_COUNTRIES.has(country.toLowerCase()))
			addressProblems.push(`country “${country}”: the hubs here are in the United Kingdom: use GB`);
		const latitude = coordinate(v['latitude'], -90, 90);
		const longitude = coordinate(v['longitude'], -180, 180);
		if (latitude === 'bad')
			problems.push(`latitude “${text(v['latitude'])}”: enter a latitude from -90 to 90`);
		if (longitude === 'bad')
			problems.push(`longitude “${text(v['longitude'])}”: enter a longitude from -180 to 180`);
		if ((latitude === null) !== (longitude === null) && latitude !== 'bad' && longitude !== 'bad')
			problems.push('latitude and longitude: give both or neither');
		if (!address && !current) problems.push('addresses: give the hub’s address');
		const region = text(a['region']) || text(a['city']);
		let areaId = current?.areaId ?? '';
		if (region) {
			areaId = areaIds.get(region.toLowerCase()) ?? '';
			if (!areaId) {
				areaId = uuidV5(OPEN_DATA_NAMESPACE, `area/${slugify(region)}`);
				areaIds.set(region.toLowerCase(), areaId);
				plan.areas.push({ id: areaId, name: region, slug: slugify(region) });
			}
		}
		const organisationId =
			organisationIds.get(text(v['organization_id']).toLowerCase()) ??
			organisationIds.get(locationOrgs.get(id) ?? '') ??
			(text(v['organization_id']) || locationOrgs.get(id) || current?.organisationId || '');
		const { summary, description } = splitText(text(v['description']));
		const features: string[] = [];
		for (const r of accessibility.get(id) ?? []) {
			const said = text(r.values['description']) || text(r.values['accessibility']);
			const code = accessFeatureOf(said);
			if (code) features.push(code);
			else
				plan.notes.push(
					`${r.source}: accessibility “${said.slice(0, 80)}” is not one of the features this site lists (${ACCESS_FEATURES.map((f) => f.label).join(', ')}), so it is not imported`,
				);
		}
		const form = new FormData();
		const set = (field: string, value: string | undefined) => form.set(field, value ?? '');
		set('name', name || current?.name);
		set('summary', summary || current?.summary);
		set('description', v['description'] !== undefined ? description : current?.description);
		set('addressLine1', address ? text(a['address_1']) : current?.addressLine1);
		set('addressLine2', address ? text(a['address_2']) : current?.addressLine2);
		set('town', address ? text(a['city']) : current?.town);
		set('postcode', address ? text(a['postal_code']) : current?.postcode);
		set('areaId', areaId);
		set('organisationId', organisationId);
		set('phone', phones.has(id) ? text(phones.get(id)![0]!.values['number']) : current?.phone);
		set('email', v['email'] !== undefined ? text(v['email']) : current?.email);
		set('website', v['url'] !== undefined ? text(v['url']) : current?.website);
		set(
			'howToGetThere',
			v['transportation'] !== undefined ? text(v['transportation']) : current?.howToGetThere,
		);
		set(
			'languages',
			languages.has(id)
				? languages
						.get(id)!
						.map((l) => text(l.values['name']))
						.filter(Boolean)
						.join(', ')
				: current?.languages,
		);
		for (const f of accessibility.has(id) ? features : (current?.accessFeatures ?? []))
			form.append('accessFeatures', f);
		const openingHours = hours.get(id);
		for (const day of WEEKDAYS) {
			const periods = openingHours
				? openingHours
						.filter((s) =>
							text(s.values['byday'])
								.split(',')
								.map((d) => d.trim().toUpperCase())
								.includes(DAY_CODES[day.number - 1]!),
						)
						.map(
							(s) =>
								`${text(s.values['opens_at']).slice(0, 5)} to ${text(s.values['closes_at']).slice(0, 5)}`,
						)
				: (current?.openingHours ?? [])
						.filter((p) => p.weekday === day.number)
						.map((p) => `${p.opensAt} to ${p.closesAt}`);
			form.set(`hours-${day.number}`, periods.join(', '));
		}
		const parsed = parseHubForm(
			form,
			[...existing.areas.map((x) => x.id), ...plan.areas.map((x) => x.id)],
			orgChoices(),
		);
		if (!parsed.ok)
			for (const e of parsed.errors) {
				const field = e.field.startsWith('hours-')
					? 'schedules'
					: (HUB_FIELD_NAMES[e.field] ?? e.field);
				const value = e.field.startsWith('hours-') ? '' : String(form.get(e.field) ?? '');
				const message = `${field}${value ? ` “${value}”` : ''}: ${e.message}`;
				if (ADDRESS_FIELDS.has(e.field) && address) addressProblems.push(message);
				else if (e.field === 'phone' && phones.has(id))
					reject(phones.get(id)![0]!, `${what}: ${message}`);
				else problems.push(message);
			}
		for (const p of addressProblems) reject(address ?? row, `${what}: ${p}`);
		if (problems.length || addressProblems.length || !parsed.ok) {
			for (const p of problems) reject(row, `${what}: ${p}`);
			rejectedHubIds.add(id);
			continue;
		}
		plannedHubIds.add(id);
		plan.hubs.push({
			action: current ? 'update' : 'create',
			id,
			name: parsed.values.name,
			source: row.source,
			values: {
				...parsed.values,
				latitude:
					current && v['latitude'] === undefined ? current.latitude : (latitude as number | null),
				longitude:
					current && v['longitude'] === undefined
						? current.longitude
						: (longitude as number | null),
			},
		});
	}

	// Services.
	const themesOf = new Map<string, Row[]>();
	for (const r of tables.attributes) {
		const entity = text(r.values['link_entity']);
		if (entity && entity !== 'service') continue;
		const serviceId = text(r.values['link_id']).toLowerCase();
		themesOf.set(serviceId, [...(themesOf.get(serviceId) ?? []), r]);
	}
	const phonesOf = new Map<string, Row>();
	for (const r of tables.phones) {
		const serviceId = text(r.values['service_id']).toLowerCase();
		if (serviceId && !phonesOf.has(serviceId)) phonesOf.set(serviceId, r);
	}
	const hubChoices = [...existing.hubs.keys(), ...plannedHubIds];
	const themeChoices = [...existing.themes.map((t) => t.id), ...plan.themes.map((t) => t.id)];
	for (const row of tables.services) {
		const id = idOf(row, 'service');
		if (!id) continue;
		const v = row.values;
		const name = text(v['name']);
		const current = existing.services.get(id);
		const problems: string[] = [];
		const status = text(v['status']);
		if (status && status !== 'active')
			plan.notes.push(
				`${row.source}: service “${name}” has status “${status}”; it arrives unpublished like every imported service`,
			);
		const places = placesOf.get(id);
		for (const p of places ?? [])
			if (rejectedHubIds.has(p.hubId))
				problems.push(`service_at_locations: its location ${p.hubId} is rejected (see above)`);
			else if (!hubChoices.includes(p.hubId))
				problems.push(
					`service_at_locations: location ${p.hubId} (${p.row.source}) is neither in the file nor a hub here`,
				);
		const themeRows = themesOf.get(id);
		const themes: string[] = [];
		for (const r of themeRows ?? []) {
			const termId = text(r.values['taxonomy_term_id']).toLowerCase();
			const theme = themeIds.get(termId) ?? (themeChoices.includes(termId) ? termId : null);
			if (theme) themes.push(theme);
			else
				problems.push(
					`attributes: taxonomy term ${termId} (${r.source}) is neither in the file nor a theme here`,
				);
		}
		const { summary, description } = splitText(text(v['description']));
		const fees = text(v['fees']);
		const free =
			v['fees'] === undefined ? (current?.isFree ?? true) : fees === '' || /^free\b/i.test(fees);
		const referral = v['application_process'] !== undefined ? text(v['application_process']) : null;
		const form = new FormData();
		const set = (field: string, value: string | undefined) => form.set(field, value ?? '');
		const age = (field: string, now: number | null | undefined) =>
			v[field] !== undefined
				? text(v[field])
				: now === null || now === undefined
					? ''
					: String(now);
		set('name', name || current?.name);
		set('summary', summary || current?.summary);
		set('description', v['description'] !== undefined ? description : current?.description);
		set(
			'whoItIsFor',
			v['eligibility_description'] !== undefined
				? text(v['eligibility_description'])
				: current?.whoItIsFor,
		);
		set('minimumAge', age('minimum_age', current?.minimumAge));
		set('maximumAge', age('maximum_age', current?.maximumAge));
		set('isFree', free ? 'yes' : 'no');
		set('costDescription', free ? '' : v['fees'] !== undefined ? fees : current?.costDescription);
		set(
			'referralNeeded',
			(referral !== null ? referral !== '' : current?.referralNeeded) ? 'yes' : 'no',
		);
		set('referralDetails', referral ?? current?.referralDetails);
		set('phone', phonesOf.has(id) ? text(phonesOf.get(id)!.values['number']) : current?.phone);
		set('email', v['email'] !== undefined ? text(v['email']) : current?.email);
		set('website', v['url'] !== undefined ? text(v['url']) : current?.website);
		set(
			'organisationId',
			organisationIds.get(text(v['organization_id']).toLowerCase()) ??
				(text(v['organization_id']).toLowerCase() || current?.organisationId),
		);
		for (const t of themeRows ? themes : (current?.themeIds ?? [])) form.append('themeIds', t);
		for (const h of places ? places.map((p) => p.hubId) : (current?.hubIds ?? []))
			form.append('hubIds', h);
		const parsed = parseServiceForm(form, {
			organisationIds: orgChoices(),
			themeIds: themeChoices,
			hubIds: hubChoices,
		});
		const hubRejected = (places ?? []).some((p) => rejectedHubIds.has(p.hubId));
		if (!parsed.ok)
			for (const e of parsed.errors) {
				if (e.field === 'hubIds' && hubRejected) continue;
				const field = SERVICE_FIELD_NAMES[e.field] ?? e.field;
				const value = ['themeIds', 'hubIds'].includes(e.field)
					? ''
					: String(form.get(e.field) ?? '');
				const message = `${field}${value ? ` “${value}”` : ''}: ${e.message}`;
				if (e.field === 'phone' && phonesOf.has(id))
					reject(phonesOf.get(id)!, `service “${name}”: ${message}`);
				else problems.push(message);
			}
		if (problems.length || !parsed.ok) {
			for (const p of [...new Set(problems)]) reject(row, `service “${name}”: ${p}`);
			continue;
		}
		plan.services.push({
			action: current ? 'update' : 'create',
			id,
			name: parsed.values.name,
			source: row.source,
			values: {
				...parsed.values,
				serviceHubIds: Object.fromEntries((places ?? []).map((p) => [p.hubId, p.salId])),
			},
		});
	}

	const drops = tables.schedules.filter((s) => text(s.values['service_id'])).length;
	if (drops)
		plan.notes.push(
			`${drops} service schedule${drops === 1 ? '' : 's'} not imported: add drop-in sessions at each hub, where they can be booked`,
		);
	if (tables.contacts.length)
		plan.notes.push(
			`${tables.contacts.length} contact${tables.contacts.length === 1 ? '' : 's'} not imported: this site publishes no names of people`,
		);
	return plan;
}
