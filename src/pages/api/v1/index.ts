import type { APIRoute } from 'astro';
import { apiInfo } from '../../../lib/domain/open-data/api.ts';
import { apiResponse, preflightResponse } from '../../../lib/server/http/open-data.ts';

/** Open Referral UK: what this API is. */
export const GET: APIRoute = ({ locals }) => apiResponse(locals, apiInfo());
export const OPTIONS: APIRoute = () => preflightResponse();
