import { describe, expect, it } from 'vitest';
import { fitWholeDays } from '../../src/lib/domain/search/session-query.ts';

const day = (date: string, n: number) => Array.from({ length: n }, (_, i) => ({ date, i }));
const sessions = [...day('2026-12-01', 2), ...day('2026-12-02', 3), ...day('2026-12-03', 2)];

describe('a page of sessions at city scale', () => {
	it('keeps everything when it fits', () => {
		expect(fitWholeDays(sessions, 7)).toBeNull();
	});

	it('shows as many whole days as fit, never half a day', () => {
		const five = fitWholeDays(sessions, 5)!;
		expect(five.lastDate).toBe('2026-12-02');
		expect(five.sessions).toHaveLength(5);
		const four = fitWholeDays(sessions, 4)!;
		expect(four.lastDate).toBe('2026-12-01');
		expect(four.sessions).toHaveLength(2);
		expect(fitWholeDays(sessions, 6)!.sessions).toHaveLength(5);
	});

	it('always shows the first day, however full', () => {
		const one = fitWholeDays(sessions, 1)!;
		expect(one.lastDate).toBe('2026-12-01');
		expect(one.sessions).toHaveLength(2);
	});
});
