import { describe, expect, it } from 'vitest';
import {
	DROPPED_REASON,
	planSessions,
	type PatternShape,
	type StoredSession,
} from '../../../src/lib/domain/schedule/plan.ts';
import type { Closure } from '../../../src/lib/domain/directory/opening-hours.ts';

const pattern: PatternShape = {
	rrule: 'FREQ=WEEKLY;BYDAY=MO',
	startsOn: '2026-11-02',
	endsOn: null,
	startTime: '10:00',
	endTime: '12:00',
	capacity: 6,
};
const stored = (originalDate: string, extra: Partial<StoredSession> = {}): StoredSession => ({
	id: `s-${originalDate}`,
	originalDate,
	date: originalDate,
	startTime: '10:00',
	endTime: '12:00',
	capacity: 6,
	placesTaken: 0,
	status: 'scheduled',
	cancelReason: null,
	isException: false,
	...extra,
});
const stAndrews: Closure = {
	startsOn: '2026-11-30',
	endsOn: '2026-11-30',
	reason: 'St Andrew’s Day',
	allHubs: true,
};

describe('planSessions', () => {
	it('creates missing dates, cancelled where a closure falls', () => {
		const plan = planSessions(pattern, [], [stAndrews], '2026-11-23', '2026-12-07');
		expect(plan.create).toEqual([
			{ originalDate: '2026-11-23', status: 'scheduled', cancelReason: null },
			{ originalDate: '2026-11-30', status: 'cancelled', cancelReason: 'St Andrew’s Day' },
			{ originalDate: '2026-12-07', status: 'scheduled', cancelReason: null },
		]);
	});

	it('changes only unbooked dates when the pattern is edited', () => {
		const edited = { ...pattern, startTime: '13:00', endTime: '15:00', capacity: 8 };
		const plan = planSessions(
			edited,
			[stored('2026-11-23', { placesTaken: 2 }), stored('2026-12-07')],
			[],
			'2026-11-23',
			'2026-12-07',
		);
		expect(plan.update).toEqual([
			{ id: 's-2026-12-07', startTime: '13:00', endTime: '15:00', capacity: 8 },
		]);
	});

	it('cancels, never deletes, a date that drops out; keeps it when booked, for a volunteer to deal with', () => {
		const tuesdays = { ...pattern, rrule: 'FREQ=WEEKLY;BYDAY=TU' };
		const plan = planSessions(
			tuesdays,
			[stored('2026-11-23'), stored('2026-11-30', { placesTaken: 1 })],
			[],
			'2026-11-23',
			'2026-12-01',
		);
		expect(plan.cancel).toEqual([
			{ id: 's-2026-11-23', reason: DROPPED_REASON, hasBookings: false },
		]);
		expect(plan.create.map((c) => c.originalDate)).toEqual(['2026-11-24', '2026-12-01']);
	});

	it('cancels every session on a closure day, flagging the booked ones', () => {
		const plan = planSessions(
			pattern,
			[stored('2026-11-30', { placesTaken: 3 })],
			[stAndrews],
			'2026-11-23',
			'2026-11-30',
		);
		expect(plan.cancel).toEqual([
			{ id: 's-2026-11-30', reason: 'St Andrew’s Day', hasBookings: true },
		]);
	});

	it('leaves dates a volunteer changed by hand, and past dates, alone', () => {
		const moved = stored('2026-11-23', {
			date: '2026-11-24',
			isException: true,
			startTime: '09:00',
		});
		const past = stored('2026-11-16', { startTime: '09:00' });
		const plan = planSessions(
			{ ...pattern, startTime: '11:00' },
			[moved, past],
			[],
			'2026-11-23',
			'2026-11-23',
		);
		expect(plan).toEqual({ create: [], update: [], cancel: [], restore: [] });
	});

	it('restores a date cancelled by a closure that has been removed', () => {
		const cancelled = stored('2026-11-30', {
			status: 'cancelled',
			cancelReason: 'St Andrew’s Day',
		});
		const plan = planSessions(pattern, [cancelled], [], '2026-11-30', '2026-11-30');
		expect(plan.restore).toEqual([{ id: 's-2026-11-30' }]);
	});
});
