/**
 * The drop-in pattern form: how a session repeats (weekly, fortnightly, monthly on the nth or last
 * weekday, or once), its times, places and booking rules. One parser returning values or errors.
 */
import { toRrule } from '../schedule/recurrence.ts';
import {
	blankOr,
	calendarDate,
	cleanText,
	clockTime,
	oneOf,
	parseForm,
	wholeNumber,
} from './schema.ts';

/** A valid pattern, ready to store. */
export interface PatternValues {
	serviceId: string;
	rrule: string | null;
	startsOn: string;
	endsOn: string | null;
	startTime: string;
	endTime: string;
	capacity: number;
	bookingMode: 'booking' | 'walk-in';
	bookingOpensDays: number | null;
	bookingClosesHours: number | null;
	maxPlacesPerBooking: number;
	waitingList: 'automatic' | 'offer';
}

/** The form's fields as text, to show back. */
export type PatternInput = Record<string, string>;

/** A field error. */
export interface PatternError {
	field: string;
	message: string;
}

const REPEATS = ['weekly', 'fortnightly', 'monthly', 'once'] as const;

const patternFields = (serviceIds: readonly string[], once: boolean) => ({
	serviceId: oneOf(serviceIds, 'Select the service this session is for'),
	repeat: oneOf(REPEATS, 'Select how often the session runs'),
	weekday: blankOr(wholeNumber(1, 7, 'Select the day of the week'), null),
	week: blankOr(
		oneOf(['1', '2', '3', '4', '-1'], 'Select which week of the month').transform(
			(w) => Number(w) as 1 | 2 | 3 | 4 | -1,
		),
		null,
	),
	startsOn: calendarDate(
		once ? 'Enter the date of the session' : 'Enter the date of the first session',
	),
	endsOn: blankOr(calendarDate('The last date must be a real date on or after the first'), null),
	startTime: clockTime('Enter the start time like 10:00 or 14:30'),
	endTime: clockTime('Enter the end time like 12:00 or 16:30'),
	capacity: wholeNumber(1, 10000, 'Enter the number of places as a whole number from 1 to 10000'),
	bookingMode: oneOf(['booking', 'walk-in'], 'Select whether people book or just walk in'),
	bookingOpensDays: blankOr(
		wholeNumber(
			1,
			365,
			'Enter how many days before booking opens, from 1 to 365, or leave it empty',
		),
		null,
	),
	bookingClosesHours: blankOr(
		wholeNumber(
			0,
			168,
			'Enter how many hours before booking closes, from 0 to 168, or leave it empty',
		),
		null,
	),
	maxPlaces: wholeNumber(1, 20, 'Enter the most places one booking can take, from 1 to 20'),
	waitingList: blankOr(
		oneOf(['automatic', 'offer'], 'Select what happens when a place comes free'),
		'automatic' as const,
	),
});

/** Reads the posted pattern form; `serviceIds` are the services the hub runs. */
export function parsePatternForm(
	form: FormData,
	serviceIds: readonly string[],
	today: string,
):
	| { ok: true; values: PatternValues; input: PatternInput }
	| { ok: false; errors: PatternError[]; input: PatternInput } {
	const once = cleanText(form.get('repeat')) === 'once';
	const r = parseForm(form, patternFields(serviceIds, once), {
		rules: (v, problem) => {
			if (v.repeat !== undefined && v.repeat !== 'once' && v.weekday === null)
				problem('weekday', 'Select the day of the week');
			if (v.repeat === 'monthly' && v.week === null)
				problem('week', 'Select which week of the month');
			if (once && v.startsOn !== undefined && v.startsOn < today)
				problem('startsOn', 'The date must be today or later');
			if (v.endsOn && v.startsOn !== undefined && v.endsOn < v.startsOn)
				problem('endsOn', 'The last date must be a real date on or after the first');
			if (v.startTime !== undefined && v.endTime !== undefined && v.endTime <= v.startTime)
				problem('endTime', 'The end time must be after the start time');
		},
	});
	const input = Object.fromEntries(
		Object.entries(r.input).map(([k, v]) => [k, String(v).slice(0, 100)]),
	);
	if (!r.ok) return { ok: false, errors: r.errors, input };
	const v = r.values;
	const rrule =
		v.repeat === 'once'
			? null
			: v.repeat === 'monthly'
				? toRrule({ kind: 'monthly', weekday: v.weekday!, week: v.week! })
				: toRrule({ kind: v.repeat, weekday: v.weekday! });
	return {
		ok: true,
		input,
		values: {
			serviceId: v.serviceId,
			rrule,
			startsOn: v.startsOn,
			endsOn: v.repeat === 'once' ? null : v.endsOn,
			startTime: v.startTime,
			endTime: v.endTime,
			capacity: v.capacity,
			bookingMode: v.bookingMode,
			bookingOpensDays: v.bookingOpensDays,
			bookingClosesHours: v.bookingClosesHours,
			maxPlacesPerBooking: v.maxPlaces,
			waitingList: v.waitingList,
		},
	};
}

/** The form's fields for an existing pattern. */
export function patternToInput(p: PatternValues): PatternInput {
	const parts = new Map((p.rrule ?? '').split(';').map((x) => x.split('=') as [string, string]));
	const byDay = /^(-?\d)?([A-Z]{2})$/.exec(parts.get('BYDAY') ?? '');
	const weekday = byDay ? ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].indexOf(byDay[2]!) + 1 : 0;
	const repeat =
		p.rrule === null
			? 'once'
			: parts.get('FREQ') === 'MONTHLY'
				? 'monthly'
				: parts.get('INTERVAL') === '2'
					? 'fortnightly'
					: 'weekly';
	return {
		serviceId: p.serviceId,
		repeat,
		weekday: weekday ? String(weekday) : '',
		week: byDay?.[1] ?? '',
		startsOn: p.startsOn,
		endsOn: p.endsOn ?? '',
		startTime: p.startTime,
		endTime: p.endTime,
		capacity: String(p.capacity),
		bookingMode: p.bookingMode,
		bookingOpensDays: p.bookingOpensDays === null ? '' : String(p.bookingOpensDays),
		bookingClosesHours: p.bookingClosesHours === null ? '' : String(p.bookingClosesHours),
		maxPlaces: String(p.maxPlacesPerBooking),
		waitingList: p.waitingList,
	};
}
