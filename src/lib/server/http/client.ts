/** Who is asking: the client address the rate limits use (TRUST_PROXY decides whether to believe X-Forwarded-For). */
import { config } from '../config.ts';
import { clientAddress } from './rate-limit.ts';

/** The client address of an Astro request. */
export function clientOf(context: { clientAddress: string; request: Request }): string {
	let socket = 'unknown';
	try {
		socket = context.clientAddress;
	} catch {
		// Not available (for example in development); all such requests share one bucket.
	}
	return clientAddress(socket, context.request.headers.get('x-forwarded-for'), config().trustProxy);
}
