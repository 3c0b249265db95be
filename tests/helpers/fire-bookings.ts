/**
 * A separate client process for concurrency tests: posts `count` booking forms at once to a
 * session page (each with its own form token) and prints the HTTP statuses as JSON.
 * Usage: node fire-bookings.ts URL SESSION_ID COUNT LABEL
 */
export {};

const [url, sessionId, count, label] = process.argv.slice(2) as [string, string, string, string];
const statuses = await Promise.all(
	Array.from({ length: Number(count) }, async (_, i) => {
		// Each request its own form token: letters only, so no two collide.
		const token =
			`${label}${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`.padEnd(
				20,
				'z',
			);
		const body = new URLSearchParams({
			formToken: token,
			name: `Client ${label} ${i}`,
			email: `${label}${i}@example.org`,
			phone: '',
			places: '1',
			action: 'book',
		});
		try {
			const res = await fetch(`${url}/sessions/${sessionId}`, {
				method: 'POST',
				body,
				redirect: 'manual',
				headers: { Origin: url },
			});
			await res.arrayBuffer();
			return res.status;
		} catch {
			return 0;
		}
	}),
);
console.log(JSON.stringify(statuses));
