import { describe, expect, it } from 'vitest';
import {
	buildCalendar,
	escapeText,
	foldLine,
	type IcsEvent,
} from '../../../src/lib/domain/calendar/ics.ts';

const event: IcsEvent = {
	uid: 'abc',
	sequence: 2,
	date: '2027-03-28',
	startTime: '10:00',
	endTime: '12:00',
	summary: 'Carers’ café, tea; cake',
	location: 'Hub, 1 Road, G1 1AA',
	description: 'Line one\nLine two',
	url: 'https://hubs.example.org/sessions/abc',
	cancelled: true,
};

describe('iCalendar', () => {
	it('writes local times with the Europe/London VTIMEZONE, UID, SEQUENCE and STATUS', () => {
		const ics = buildCalendar('Test', [event], new Date('2026-11-22T12:00:00Z'));
		expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/London');
		expect(ics).toContain('DTSTART;TZID=Europe/London:20270328T100000');
		expect(ics).toContain('UID:abc@community-hubs');
		expect(ics).toContain('SEQUENCE:2');
		expect(ics).toContain('STATUS:CANCELLED');
		expect(ics).toContain('DTSTAMP:20261122T120000Z');
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
	});

	it('escapes text', () => {
		expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
	});

	it('folds lines at 75 octets without splitting a character', () => {
		const folded = foldLine(`DESCRIPTION:${'é'.repeat(80)}`);
		for (const line of folded.split('\r\n'))
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		expect(
			folded
				.split('\r\n')
				.map((l, i) => (i === 0 ? l : l.slice(1)))
				.join(''),
		).toBe(`DESCRIPTION:${'é'.repeat(80)}`);
	});
});
