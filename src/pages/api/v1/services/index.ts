import type { APIRoute } from 'astro';
import { listServices } from '../../../../lib/domain/open-data/api.ts';
import { getDatabase } from '../../../../lib/server/db/open-database.ts';
import { loadOpenDirectory } from '../../../../lib/server/queries/open-data.ts';
import { apiResponse, preflightResponse } from '../../../../lib/server/http/open-data.ts';

/** Open Referral UK: published services, filtered and paged. */
export const GET: APIRoute = ({ locals, url }) =>
	apiResponse(locals, listServices(loadOpenDirectory(getDatabase()), url.searchParams));
export const OPTIONS: APIRoute = () => preflightResponse();
