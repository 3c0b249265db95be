/**
 * Load generator for the booking benchmark: POSTs booking forms, each with its own form token,
 * at N connections for D seconds, and prints autocannon's JSON result.
 * Usage: node booking-load.ts URL CONNECTIONS SECONDS
 */
import autocannon from 'autocannon';

const [url, connections, seconds] = process.argv.slice(2) as [string, string, string];
let n = 0;
const letters = (i: number) =>
	i
		.toString(26)
		.split('')
		.map((d) => String.fromCharCode(97 + parseInt(d, 26)))
		.join('');
const result = await autocannon({
	url,
	connections: Number(connections),
	duration: Number(seconds),
	requests: [
		{
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(url).origin },
			setupRequest: (req) => ({
				...req,
				body: `formToken=${letters(++n).padStart(20, 'z')}&name=Bench+Person&email=bench%40example.org&phone=&places=1&needs=&action=book`,
			}),
		},
	],
});
console.log(JSON.stringify(result));
