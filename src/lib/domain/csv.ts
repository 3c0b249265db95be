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
