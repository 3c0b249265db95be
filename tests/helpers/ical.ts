/**
 * Reads .ics text with an independent iCalendar parser (ical.js), registering the calendar's own
 * VTIMEZONE so local times are converted with the rules the file itself gives.
 */
import ICAL from 'ical.js';

/** One parsed event: local start and end as written, the instants they mean, and its status. */
export interface ParsedEvent {
	uid: string;
	sequence: number;
	status: string;
	summary: string;
	description: string;
	url: string;
	zone: string;
	localStart: string;
	localEnd: string;
	start: Date;
	end: Date;
}

/** Parses a calendar; throws if ical.js cannot read it. */
export function parseCalendar(text: string): { name: string; events: ParsedEvent[] } {
	const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
	for (const tz of calendar.getAllSubcomponents('vtimezone'))
		ICAL.TimezoneService.register(new ICAL.Timezone(tz));
	const events = calendar.getAllSubcomponents('vevent').map((c) => {
		const event = new ICAL.Event(c);
		const local = (t: InstanceType<typeof ICAL.Time>) =>
			`${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}T${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
		return {
			uid: event.uid,
			sequence: event.sequence,
			status: String(c.getFirstPropertyValue('status')),
			summary: event.summary,
			description: event.description,
			url: String(c.getFirstPropertyValue('url')),
			zone: event.startDate.zone?.tzid ?? '',
			localStart: local(event.startDate),
			localEnd: local(event.endDate),
			start: event.startDate.toJSDate(),
			end: event.endDate.toJSDate(),
		};
	});
	return { name: String(calendar.getFirstPropertyValue('x-wr-calname')), events };
}
