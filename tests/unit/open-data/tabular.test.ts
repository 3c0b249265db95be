import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, unguardCell } from '../../../src/lib/domain/csv.ts';
import {
	jsonLineFinder,
	tablesFromCsv,
	tablesFromJson,
	tablesToCsv,
} from '../../../src/lib/domain/open-data/tabular.ts';

describe('CSV reading', () => {
	it('reads quotes, quoted line breaks, CRLF and a byte-order mark, keeping each record’s first line', () => {
		const parsed = parseCsv(
			'\ufeffid,name\r\n1,"A, ""quoted"" name"\r\n2,"two\nlines"\r\n\r\n3,last',
		);
		expect(parsed).toEqual({
			ok: true,
			records: [
				{ line: 1, cells: ['id', 'name'] },
				{ line: 2, cells: ['1', 'A, "quoted" name'] },
				{ line: 3, cells: ['2', 'two\nlines'] },
				{ line: 6, cells: ['3', 'last'] },
			],
		});
	});

	it('says when a quote is never closed', () => {
		expect(parseCsv('id,name\n1,"open')).toEqual({
			ok: false,
			message: 'a quoted value that starts on line 2 is never closed',
		});
	});

	it.each(['=SUM(A1)', '-4.31', '+44', '@here', 'plain'])('undoes the formula guard of %s', (v) => {
		const cell = csvCell(v);
		const back = parseCsv(cell);
		expect(back.ok && unguardCell(back.records[0]!.cells[0]!)).toBe(v);
	});
});

describe('Open Referral tables', () => {
	const json = {
		id: '11111111-1111-4111-8111-111111111111',
		name: 'Advice',
		status: 'active',
		minimum_age: 16,
		service_at_locations: [
			{
				id: '22222222-2222-4222-8222-222222222222',
				location: {
					id: '33333333-3333-4333-8333-333333333333',
					location_type: 'physical',
					name: 'Hub',
					latitude: 55.8,
					addresses: [{ id: '44444444-4444-4444-8444-444444444444', address_1: '1 Road' }],
				},
			},
		],
		attributes: [
			{
				id: '55555555-5555-4555-8555-555555555555',
				taxonomy_term: {
					id: '66666666-6666-4666-8666-666666666666',
					name: 'Food',
					description: 'Food.',
				},
			},
		],
	};

	it('walks nested JSON into tables with links to parents and the line of each id', () => {
		const text = JSON.stringify(json, null, 2);
		const { tables, problems } = tablesFromJson(json, jsonLineFinder(text));
		expect(problems).toEqual([]);
		expect(tables.services[0]!.source).toBe('line 2');
		expect(tables.service_at_locations[0]!.values).toMatchObject({
			service_id: json.id,
			location_id: '33333333-3333-4333-8333-333333333333',
		});
		expect(tables.addresses[0]!.values['location_id']).toBe('33333333-3333-4333-8333-333333333333');
		expect(tables.attributes[0]!.values).toMatchObject({
			link_id: json.id,
			taxonomy_term_id: '66666666-6666-4666-8666-666666666666',
		});
		expect(tables.taxonomy_terms[0]!.source).toMatch(
			/^line \d+ \(attributes\[0\]\.taxonomy_term\)$/,
		);
	});

	it('writes tables as CSV and reads them back with file and line, numbers as numbers', () => {
		const { tables } = tablesFromJson(json);
		const files = tablesToCsv(tables);
		expect(Object.keys(files).sort()).toEqual([
			'addresses.csv',
			'attributes.csv',
			'locations.csv',
			'service_at_locations.csv',
			'services.csv',
			'taxonomy_terms.csv',
		]);
		const back = tablesFromCsv(files);
		expect(back.problems).toEqual([]);
		expect(back.tables.services[0]!.source).toBe('services.csv line 2');
		expect(back.tables.services[0]!.values['minimum_age']).toBe(16);
		expect(back.tables.locations[0]!.values['latitude']).toBe(55.8);
	});

	it('reports unknown files, unknown columns and rows of the wrong length', () => {
		const { problems } = tablesFromCsv({
			'notes.txt': 'hello',
			'services.csv': 'id,name,colour\r\n1,A,red\r\n2,B\r\n',
		});
		expect(problems).toEqual([
			expect.stringMatching(/^notes\.txt: not a table this site reads/),
			'services.csv line 1: unknown columns colour',
			'services.csv line 3: has 2 values but the header has 3 columns',
		]);
	});
});
