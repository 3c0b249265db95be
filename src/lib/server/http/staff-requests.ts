/** The HTTP side of staff editing of hubs, kept out of the route files. */
import { parseHubForm, type HubValues } from '../../domain/forms/hub-form.ts';
import type { Db } from '../db/open-database.ts';
import type { SignedInUser } from '../auth/auth-session.ts';
import {
	markHubReviewed,
	publishHub,
	saveHubDraft,
	unpublishHub,
} from '../use-cases/publish-hub.ts';

/** What the hub page does after a POST. */
export type HubPostOutcome =
	| { ok: true; done: string }
	| { ok: false; errors: { field: string; message: string }[]; values: HubValues | null };

/** Saves a draft, publishes, unpublishes or marks reviewed. */
export async function postHubEdit(
	db: Db,
	request: Request,
	hubId: string,
	user: SignedInUser,
	today: string,
	now: Date,
): Promise<HubPostOutcome> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return {
			ok: false,
			errors: [{ field: 'name', message: 'The form could not be read. Send it again' }],
			values: null,
		};
	}
	const action = form.get('action');
	if (action === 'publish') {
		publishHub(db, hubId, user, now);
		return { ok: true, done: 'published' };
	}
	if (action === 'unpublish') {
		unpublishHub(db, hubId, user, now);
		return { ok: true, done: 'unpublished' };
	}
	if (action === 'reviewed') {
		markHubReviewed(db, hubId, user, today, now);
		return { ok: true, done: 'reviewed' };
	}
	const areaIds = db.$client.prepare('select id from area').pluck().all() as string[];
	const parsed = parseHubForm(form, areaIds);
	if (!parsed.ok) return { ok: false, errors: parsed.errors, values: parsed.values };
	saveHubDraft(db, hubId, parsed.values, user, now);
	return { ok: true, done: 'saved' };
}
