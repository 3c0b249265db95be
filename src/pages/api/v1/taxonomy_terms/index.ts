import type { APIRoute } from 'astro';
import { listTaxonomyTerms } from '../../../../lib/domain/open-data/api.ts';
import { getDatabase } from '../../../../lib/server/db/open-database.ts';
import { loadOpenDirectory } from '../../../../lib/server/queries/open-data.ts';
import {
	apiResponse,
	openDataOrigin,
	preflightResponse,
} from '../../../../lib/server/http/open-data.ts';

/** Open Referral UK: the themes, paged. */
export const GET: APIRoute = ({ locals, url }) =>
	apiResponse(
		locals,
		listTaxonomyTerms(
			loadOpenDirectory(getDatabase()),
			url.searchParams,
			openDataOrigin(url.origin),
		),
	);
export const OPTIONS: APIRoute = () => preflightResponse();
