/** The HTTP side of finding, exporting and erasing a person's data, kept out of the route file. */
import type { APIContext } from 'astro';
import type { SignedInUser } from '../auth/auth-session.ts';
import { config } from '../config.ts';
import type { Db } from '../db/open-database.ts';
import {
	erasePersonData,
	exportPersonData,
	findPersonData,
	personKey,
	type PersonData,
} from '../use-cases/people.ts';
import { checkAction, readPosted } from './posted.ts';
import { peopleActions } from './request-forms.ts';

/** What the people page shows or does after a POST. */
export type PeopleOutcome =
	| { kind: 'found'; typed: string; data: PersonData }
	| { kind: 'download'; response: Response }
	| { kind: 'erased'; bookings: number; messages: number }
	| { kind: 'problem'; field: 'contact' | 'confirm'; message: string; typed: string };

/** Finds (action "find"), exports ("export") or erases ("erase", with confirmation) a person's data. */
export async function postPeople(
	db: Db,
	context: Pick<APIContext, 'request' | 'locals' | 'url'>,
	user: SignedInUser,
): Promise<PeopleOutcome> {
	const form = await readPosted(context.request);
	if (!form)
		return { kind: 'problem', field: 'contact', message: 'Send the form again', typed: '' };
	const checked = checkAction(form, peopleActions);
	const typed = String(checked.input['contact'] ?? '');
	if (!checked.ok) {
		const [problem] = checked.errors;
		const field = problem!.field === 'confirm' ? 'confirm' : 'contact';
		return { kind: 'problem', field, message: problem!.message, typed };
	}
	const { contact } = checked.request;
	const now = context.locals.now;
	switch (checked.request.action) {
		case 'export':
			return {
				kind: 'download',
				response: new Response(exportPersonData(db, contact, user, now), {
					headers: {
						'Content-Type': 'application/json; charset=utf-8',
						'Content-Disposition': `attachment; filename="personal-data-${personKey(contact).slice(0, 8)}.json"`,
						'Cache-Control': 'no-store',
					},
				}),
			};
		case 'erase': {
			const erased = erasePersonData(
				db,
				contact,
				user,
				context.locals.today,
				now,
				config().offerHours,
				config().publicOrigin ?? context.url.origin,
			);
			return { kind: 'erased', ...erased };
		}
		case 'find':
			return { kind: 'found', typed, data: findPersonData(db, contact, user, now) };
	}
}
