import type { APIRoute } from 'astro';
import { feedResponse } from '../lib/server/http/feeds.ts';

/** A calendar feed (iCalendar) of upcoming drop-in sessions at every hub, to subscribe to. */
export const GET: APIRoute = (context) => feedResponse(context, { kind: 'all' });
