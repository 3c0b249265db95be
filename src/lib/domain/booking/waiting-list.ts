/**
 * The waiting list. When places free up they go, in order of joining, to the first entry whose
 * whole party fits; an entry that does not fit keeps its place in the queue. Depending on the
 * session's setting the person is moved in automatically, or offered the place with a hold.
 */

/** A waiting-list entry, as far as promotion needs. */
export interface WaitingEntry {
	id: string;
	places: number;
	createdAt: string;
}

/** The entries to promote, in order, given how many places are free. */
export function entriesToPromote(
	waiting: readonly WaitingEntry[],
	freePlaces: number,
): WaitingEntry[] {
	// A stable sort: entries that joined in the same instant keep the order they were given in.
	const ordered = [...waiting].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
	const chosen: WaitingEntry[] = [];
	let free = freePlaces;
	for (const entry of ordered) {
		if (entry.places <= free) {
			chosen.push(entry);
			free -= entry.places;
		}
		if (free === 0) break;
	}
	return chosen;
}
