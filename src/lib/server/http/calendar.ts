/** Sessions as calendar events (iCalendar and the calendar view's JSON). */
import type { IcsEvent } from '../../domain/calendar/ics.ts';
import type { SessionSummary } from '../queries/sessions.ts';

/** A session as an iCalendar event. */
export function sessionEvent(s: SessionSummary, origin: string): IcsEvent {
	return {
		uid: s.id,
		sequence: s.sequence,
		date: s.date,
		startTime: s.startTime,
		endTime: s.endTime,
		summary: `${s.service.name} at ${s.hub.name}`,
		location: `${s.hub.name}, ${s.hub.addressLine1}, ${s.hub.postcode}`,
		description:
			s.status === 'cancelled' ? `Cancelled. ${s.cancelReason ?? ''}`.trim() : s.service.summary,
		url: `${origin}/sessions/${s.id}`,
		cancelled: s.status === 'cancelled',
	};
}
