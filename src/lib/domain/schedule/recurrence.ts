/**
 * Drop-in recurrence: RFC 5545 rules (through rrule-temporal, on the Temporal API) evaluated in
 * Europe/London, so "10:00 every Tuesday" stays 10:00 on both sides of the clock changes. Session
 * dates are stored as local dates with wall-clock times; the rule only decides which dates.
 */
import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';
import { TIME_ZONE, WEEKDAYS } from '../time.ts';

/** What a pattern says about which dates it runs on. */
export interface PatternRule {
	/** RRULE body without DTSTART, e.g. "FREQ=WEEKLY;BYDAY=TU"; null for a one-off session. */
	rrule: string | null;
	startsOn: string;
	endsOn: string | null;
}

/** The ways a volunteer can choose a recurrence, turned into RRULE bodies. */
export type RepeatChoice =
	| { kind: 'weekly'; weekday: number }
	| { kind: 'fortnightly'; weekday: number }
	| { kind: 'monthly'; weekday: number; week: 1 | 2 | 3 | 4 | -1 };

const CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** The RRULE body for a choice. */
export function toRrule(choice: RepeatChoice): string {
	const day = CODES[choice.weekday - 1]!;
	switch (choice.kind) {
		case 'weekly':
			return `FREQ=WEEKLY;BYDAY=${day}`;
		case 'fortnightly':
			return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${day}`;
		case 'monthly':
			return `FREQ=MONTHLY;BYDAY=${choice.week}${day}`;
	}
}

const ORDINALS: Record<string, string> = {
	'1': 'First',
	'2': 'Second',
	'3': 'Third',
	'4': 'Fourth',
	'-1': 'Last',
};

/** A recurrence in words: "Every Tuesday", "Every other Tuesday", "Last Friday of the month". */
export function describeRrule(rrule: string | null): string {
	if (rrule === null) return 'One-off session';
	const parts = new Map(rrule.split(';').map((p) => p.split('=') as [string, string]));
	const byDay = parts.get('BYDAY') ?? '';
	const match = /^(-?\d)?([A-Z]{2})$/.exec(byDay);
	const dayName = match
		? WEEKDAYS[CODES.indexOf(match[2] as (typeof CODES)[number])]?.name
		: undefined;
	if (!dayName) return 'Repeats';
	if (parts.get('FREQ') === 'MONTHLY' && match?.[1])
		return `${ORDINALS[match[1]] ?? ''} ${dayName} of the month`.trim();
	if (parts.get('INTERVAL') === '2') return `Every other ${dayName}`;
	return `Every ${dayName}`;
}

function startOf(date: string, time: string): Temporal.ZonedDateTime {
	return Temporal.PlainDate.from(date).toZonedDateTime({
		timeZone: TIME_ZONE,
		plainTime: Temporal.PlainTime.from(time),
	});
}

/** The local dates from `from` to `to` (inclusive) on which a pattern runs. */
export function occurrenceDates(rule: PatternRule, from: string, to: string): string[] {
	const last = rule.endsOn !== null && rule.endsOn < to ? rule.endsOn : to;
	if (last < from || last < rule.startsOn) return [];
	if (rule.rrule === null)
		return rule.startsOn >= from && rule.startsOn <= last ? [rule.startsOn] : [];
	// The rule only decides dates, so it is evaluated at midday, a time every London day has: RFC 5545
	// drops occurrences at a wall-clock time the clocks skip (01:30 on the day they go forward),
	// but a drop-in at 01:30 that day should still be listed (at 02:30, as the clocks say).
	const recurrence = new RRuleTemporal({
		rruleString: rule.rrule,
		dtstart: startOf(rule.startsOn, '12:00'),
		temporal: Temporal,
	} as ConstructorParameters<typeof RRuleTemporal>[0]);
	const after = Temporal.PlainDate.from(from).toZonedDateTime({ timeZone: TIME_ZONE });
	const before = Temporal.PlainDate.from(last)
		.add({ days: 1 })
		.toZonedDateTime({ timeZone: TIME_ZONE });
	return recurrence
		.between(after, before, true)
		.map((z) => (z as Temporal.ZonedDateTime).toPlainDate().toString())
		.filter((d) => d >= from && d <= last);
}

/** The instant a session starts (its local date and wall-clock time in Europe/London). */
export function sessionInstant(date: string, time: string): Date {
	return new Date(startOf(date, time).epochMilliseconds);
}
