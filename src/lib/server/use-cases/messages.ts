/** Messages as staff see them on the messages page: a view of personal data, so it is audited. */
import type { Db } from '../db/open-database.ts';
import { recordPersonalDataAccess } from '../queries/audit-trail.ts';
import { countMessages, listFailedMessages, listRecentMessages } from '../queries/outbox.ts';

/**
 * The messages that could not be sent, the newest messages and the count in each state, for a
 * staff member (the caller checks), recorded in the audit trail as a view of personal data.
 */
export function viewMessages(db: Db, viewer: { id: string; name: string }, now: Date) {
	const view = {
		failed: listFailedMessages(db),
		messages: listRecentMessages(db),
		counts: countMessages(db),
	};
	recordPersonalDataAccess(db, viewer, 'messages', 'outbox', 'Viewed messages', now);
	return view;
}
