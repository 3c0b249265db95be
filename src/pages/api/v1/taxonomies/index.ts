import type { APIRoute } from 'astro';
import { listTaxonomies } from '../../../../lib/domain/open-data/api.ts';
import {
	apiResponse,
	openDataOrigin,
	preflightResponse,
} from '../../../../lib/server/http/open-data.ts';

/** Open Referral UK: the taxonomy of themes. */
export const GET: APIRoute = ({ locals, url }) =>
	apiResponse(locals, listTaxonomies(url.searchParams, openDataOrigin(url.origin)));
export const OPTIONS: APIRoute = () => preflightResponse();
