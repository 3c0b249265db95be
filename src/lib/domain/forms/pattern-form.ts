/**
 * The drop-in pattern form: how a session repeats (weekly, fortnightly, monthly on the nth or last
 * weekday, or once), its times, places and booking rules. One parser returning values or errors.
 */
import { toRrule } from '../schedule/recurrence.ts';
import { isCalendarDate } from '../time.ts';

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

const FIELDS = [
	'serviceId',
	'repeat',
	'weekday',
	'week',
	'startsOn',
	'endsOn',
	'startTime',
	'endTime',
	'capacity',
	'bookingMode',
	'bookingOpensDays',
	'bookingClosesHours',
	'maxPlaces',
	'waitingList',
] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const isDate = isCalendarDate;

function whole(text: string, min: number, max: number): number | null {
	if (!/^\d{1,6}$/.test(text)) return null;
	const n = Number(text);
	return n >= min && n <= max ? n : null;
}

/** Reads the posted pattern form; `serviceIds` are the services the hub runs. */
export function parsePatternForm(
	form: FormData,
	serviceIds: readonly string[],
	today: string,
):
	| { ok: true; values: PatternValues; input: PatternInput }
	| { ok: false; errors: PatternError[]; input: PatternInput } {
	const input: PatternInput = {};
	for (const f of FIELDS) {
		const v = form.get(f);
		input[f] = typeof v === 'string' ? v.trim().slice(0, 100) : '';
	}
	const errors: PatternError[] = [];
	if (!serviceIds.includes(input['serviceId']!))
		errors.push({ field: 'serviceId', message: 'Select the service this session is for' });
	const repeat = input['repeat'];
	if (!['weekly', 'fortnightly', 'monthly', 'once'].includes(repeat!))
		errors.push({ field: 'repeat', message: 'Select how often the session runs' });
	const weekday = whole(input['weekday']!, 1, 7);
	if (repeat !== 'once' && weekday === null)
		errors.push({ field: 'weekday', message: 'Select the day of the week' });
	const week = ['1', '2', '3', '4', '-1'].includes(input['week']!)
		? (Number(input['week']) as 1 | 2 | 3 | 4 | -1)
		: null;
	if (repeat === 'monthly' && week === null)
		errors.push({ field: 'week', message: 'Select which week of the month' });
	if (!isDate(input['startsOn']!))
		errors.push({
			field: 'startsOn',
			message:
				repeat === 'once' ? 'Enter the date of the session' : 'Enter the date of the first session',
		});
	else if (repeat === 'once' && input['startsOn']! < today)
		errors.push({ field: 'startsOn', message: 'The date must be today or later' });
	if (
		input['endsOn'] !== '' &&
		(!isDate(input['endsOn']!) || input['endsOn']! < input['startsOn']!)
	)
		errors.push({
			field: 'endsOn',
			message: 'The last date must be a real date on or after the first',
		});
	if (!TIME.test(input['startTime']!))
		errors.push({ field: 'startTime', message: 'Enter the start time like 10:00 or 14:30' });
	if (!TIME.test(input['endTime']!))
		errors.push({ field: 'endTime', message: 'Enter the end time like 12:00 or 16:30' });
	else if (TIME.test(input['startTime']!) && input['endTime']! <= input['startTime']!)
		errors.push({ field: 'endTime', message: 'The end time must be after the start time' });
	const capacity = whole(input['capacity']!, 1, 10000);
	if (capacity === null)
		errors.push({
			field: 'capacity',
			message: 'Enter the number of places as a whole number from 1 to 10000',
		});
	const bookingMode =
		input['bookingMode'] === 'walk-in'
			? 'walk-in'
			: input['bookingMode'] === 'booking'
				? 'booking'
				: null;
	if (bookingMode === null)
		errors.push({ field: 'bookingMode', message: 'Select whether people book or just walk in' });
	const opens = input['bookingOpensDays'] === '' ? null : whole(input['bookingOpensDays']!, 1, 365);
	if (input['bookingOpensDays'] !== '' && opens === null)
		errors.push({
			field: 'bookingOpensDays',
			message: 'Enter how many days before booking opens, from 1 to 365, or leave it empty',
		});
	const closes =
		input['bookingClosesHours'] === '' ? null : whole(input['bookingClosesHours']!, 0, 168);
	if (input['bookingClosesHours'] !== '' && closes === null)
		errors.push({
			field: 'bookingClosesHours',
			message: 'Enter how many hours before booking closes, from 0 to 168, or leave it empty',
		});
	const maxPlaces = whole(input['maxPlaces']!, 1, 20);
	if (maxPlaces === null)
		errors.push({
			field: 'maxPlaces',
			message: 'Enter the most places one booking can take, from 1 to 20',
		});
	const waitingList = input['waitingList'] === 'offer' ? 'offer' : 'automatic';
	if (errors.length) return { ok: false, errors, input };
	const rrule =
		repeat === 'once'
			? null
			: repeat === 'monthly'
				? toRrule({ kind: 'monthly', weekday: weekday!, week: week! })
				: toRrule({ kind: repeat as 'weekly' | 'fortnightly', weekday: weekday! });
	return {
		ok: true,
		input,
		values: {
			serviceId: input['serviceId']!,
			rrule,
			startsOn: input['startsOn']!,
			endsOn: repeat === 'once' || input['endsOn'] === '' ? null : input['endsOn']!,
			startTime: input['startTime']!,
			endTime: input['endTime']!,
			capacity: capacity!,
			bookingMode: bookingMode!,
			bookingOpensDays: opens,
			bookingClosesHours: closes,
			maxPlacesPerBooking: maxPlaces!,
			waitingList,
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
