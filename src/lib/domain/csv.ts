/**
 * CSV for spreadsheets (RFC 4180). A cell a spreadsheet would run as a formula (starting with =, +,
 * -, @, tab or carriage return) is prefixed with an apostrophe, the OWASP advice; phone numbers are
 * stored in national format with spaces (0141 496 0123), so they stay readable and never look like
 * formulas.
 */

/** One cell, escaped. */
export function csvCell(value: string | number | boolean | null | undefined): string {
	let text = value === null || value === undefined ? '' : String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text with CRLF line ends. */
export function toCsv(
	rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
	return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** One record of a CSV file, with the line it starts on (1 = the first line of the file). */
export interface CsvRecord {
	line: number;
	cells: string[];
}

/**
 * Reads CSV text (RFC 4180: commas, double quotes, quoted line breaks, CRLF or LF, a leading
 * byte-order mark). Blank lines are skipped. Returns the records, or a message for text that is
 * not CSV (a quote left open).
 */
export function parseCsv(
	text: string,
): { ok: true; records: CsvRecord[] } | { ok: false; message: string } {
	const records: CsvRecord[] = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let line = 1;
	let start = 1;
	let touched = false;
	const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const endRecord = () => {
		cells.push(cell);
		if (cells.length > 1 || cells[0] !== '' || touched) records.push({ line: start, cells });
		cells = [];
		cell = '';
		touched = false;
	};
	for (let i = 0; i < source.length; i++) {
		const c = source[i]!;
		if (quoted) {
			if (c === '"') {
				if (source[i + 1] === '"') {
					cell += '"';
					i++;
				} else quoted = false;
			} else {
				if (c === '\n') line++;
				cell += c;
			}
			continue;
		}
		if (c === '"') {
			quoted = true;
			touched = true;
		} else if (c === ',') {
			cells.push(cell);
			cell = '';
			touched = true;
		} else if (c === '\r' || c === '\n') {
			if (c === '\r' && source[i + 1] === '\n') i++;
			endRecord();
			line++;
			start = line;
		} else cell += c;
	}
	if (quoted)
		return { ok: false, message: `a quoted value that starts on line ${start} is never closed` };
	if (cell !== '' || cells.length > 0 || touched) endRecord();
	return { ok: true, records };
}

/** Undoes the formula guard of `csvCell`: an apostrophe before =, +, -, @, tab or return. */
export function unguardCell(text: string): string {
	return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
