/** The HTTP side of finding, exporting and erasing a person's data, kept out of the route file. */
import type { APIContext } from 'astro';
import type { SignedInUser } from '../auth/auth-session.ts';
import { config } from '../config.ts';
import type { Db } from '../db/open-database.ts';
import {
	erasePersonData,
	exportPersonData,
	findPersonData,
	parseContact,
	personKey,
	type PersonData,
} from '../use-cases/people.ts';

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
	let form: FormData;
	try {
		form = await context.request.formData();
	} catch {
		return { kind: 'problem', field: 'contact', message: 'Send the form again', typed: '' };
	}
	const typed = String(form.get('contact') ?? '').slice(0, 254);
	const contact = parseContact(typed);
	if (!contact)
		return {
			kind: 'problem',
			field: 'contact',
			message: 'Enter an email address, like name@example.org, or a UK phone number',
			typed,
		};
	const now = context.locals.now;
	switch (form.get('action')) {
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
			if (form.get('confirm') !== 'yes')
				return {
					kind: 'problem',
					field: 'confirm',
					message: 'Confirm that you have checked this is the right person',
					typed,
				};
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
		default:
			return { kind: 'found', typed, data: findPersonData(db, contact, user, now) };
	}
}
