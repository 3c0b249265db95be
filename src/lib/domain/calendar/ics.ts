/**
 * iCalendar (RFC 5545) for drop-in sessions: events in local Europe/London time with a VTIMEZONE,
 * stable UIDs (the session id), SEQUENCE raised on every change and STATUS:CANCELLED for cancelled
 * dates. Text is escaped and lines folded at 75 octets as the RFC requires.
 */
import { TIME_ZONE } from '../time.ts';

/** One event. */
export interface IcsEvent {
	uid: string;
	sequence: number;
	date: string;
	startTime: string;
	endTime: string;
	summary: string;
	location: string;
	description: string;
	url: string;
	cancelled: boolean;
}

/** Europe/London's rules: GMT in winter, BST from the last Sunday of March to the last of October. */
const VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	`TZID:${TIME_ZONE}`,
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0000',
	'TZOFFSETTO:+0100',
	'TZNAME:BST',
	'DTSTART:19700329T010000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0000',
	'TZNAME:GMT',
	'DTSTART:19701025T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE',
];

/** Escapes a TEXT value. */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let size = 0;
	for (const char of line) {
		const bytes = encoder.encode(char).length;
		const limit = parts.length === 0 ? 75 : 74;
		if (size + bytes > limit) {
			parts.push(current);
			current = '';
			size = 0;
		}
		current += char;
		size += bytes;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

const local = (date: string, time: string) =>
	`${date.replaceAll('-', '')}T${time.replace(':', '')}00`;

/** What a subscription feed says about itself. */
export interface FeedOptions {
	/** What the calendar holds, shown by calendar apps. */
	description?: string;
	/** How often subscribers should fetch the feed again, in hours (REFRESH-INTERVAL, RFC 7986). */
	refreshHours?: number;
}

/**
 * A calendar of events, as the text of an .ics file (one session, or a subscription feed).
 * `stamp` is the DTSTAMP instant.
 */
export function buildCalendar(
	name: string,
	events: readonly IcsEvent[],
	stamp: Date,
	feed: FeedOptions = {},
): string {
	const dtstamp = stamp
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//community-hubs//drop-in sessions//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`NAME:${escapeText(name)}`,
		`X-WR-CALNAME:${escapeText(name)}`,
		...(feed.description
			? [
					`DESCRIPTION:${escapeText(feed.description)}`,
					`X-WR-CALDESC:${escapeText(feed.description)}`,
				]
			: []),
		...(feed.refreshHours
			? [
					`REFRESH-INTERVAL;VALUE=DURATION:PT${feed.refreshHours}H`,
					`X-PUBLISHED-TTL:PT${feed.refreshHours}H`,
				]
			: []),
		`X-WR-TIMEZONE:${TIME_ZONE}`,
		...VTIMEZONE,
	];
	for (const e of events) {
		lines.push(
			'BEGIN:VEVENT',
			`UID:${e.uid}@community-hubs`,
			`SEQUENCE:${e.sequence}`,
			`DTSTAMP:${dtstamp}`,
			`DTSTART;TZID=${TIME_ZONE}:${local(e.date, e.startTime)}`,
			`DTEND;TZID=${TIME_ZONE}:${local(e.date, e.endTime)}`,
			`SUMMARY:${escapeText(e.summary)}`,
			`LOCATION:${escapeText(e.location)}`,
			`DESCRIPTION:${escapeText(e.description)}`,
			`URL:${e.url}`,
			`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
			'END:VEVENT',
		);
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
