/**
 * The capacity guard, in one place. Policy: places are taken only by an update that succeeds while
 * the session is scheduled and enough places are left (`places_taken + n <= capacity`), checked by
 * its change count; callers run it inside an IMMEDIATE transaction after re-checking the rules.
 * `places_taken` counts confirmed places and places held for waiting-list offers.
 */
import type { Db } from '../db/open-database.ts';

/** Takes `places` places on a session; false (and nothing changed) when they are not there. */
export function takePlaces(db: Db, sessionId: string, places: number): boolean {
	return (
		db.$client
			.prepare(
				"update session set places_taken = places_taken + ? where id = ? and status = 'scheduled' and places_taken + ? <= capacity",
			)
			.run(places, sessionId, places).changes === 1
	);
}

/** Gives `places` places back to a session. */
export function releasePlaces(db: Db, sessionId: string, places: number): void {
	db.$client
		.prepare('update session set places_taken = max(0, places_taken - ?) where id = ?')
		.run(places, sessionId);
}
