/** The staff exports of the published directory, as downloads. */
import { getDatabase } from '../db/open-database.ts';
import { exportJson, exportZip } from '../use-cases/directory-import.ts';
import { openDataOrigin } from './open-data.ts';

/** The export as a download (JSON, or the CSV data package zipped). */
export function exportResponse(
	form: 'json' | 'zip',
	requestOrigin: string,
	today: string,
	siteName: string,
): Response {
	const origin = openDataOrigin(requestOrigin);
	const body =
		form === 'json'
			? exportJson(getDatabase(), origin)
			: exportZip(getDatabase(), origin, siteName);
	return new Response(body as BodyInit, {
		headers: {
			'Content-Type': form === 'json' ? 'application/json; charset=utf-8' : 'application/zip',
			'Content-Disposition': `attachment; filename="directory-${today}.${form}"`,
			'Cache-Control': 'no-store',
		},
	});
}
