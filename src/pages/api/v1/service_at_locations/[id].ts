import type { APIRoute } from 'astro';
import { getServiceAtLocation } from '../../../../lib/domain/open-data/api.ts';
import { getDatabase } from '../../../../lib/server/db/open-database.ts';
import { loadOpenDirectory } from '../../../../lib/server/queries/open-data.ts';
import {
	apiResponse,
	openDataOrigin,
	preflightResponse,
} from '../../../../lib/server/http/open-data.ts';

/** Open Referral UK: one service at a hub in full. */
export const GET: APIRoute = ({ locals, params, url }) =>
	apiResponse(
		locals,
		getServiceAtLocation(
			loadOpenDirectory(getDatabase()),
			params.id ?? '',
			openDataOrigin(url.origin),
		),
	);
export const OPTIONS: APIRoute = () => preflightResponse();
