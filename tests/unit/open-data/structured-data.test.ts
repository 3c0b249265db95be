import { describe, expect, it } from 'vitest';
import {
	hubStructuredData,
	jsonLdText,
	londonDateTime,
	robotsTxt,
	sessionStructuredData,
	sitemapXml,
	type SessionForStructuredData,
} from '../../../src/lib/domain/open-data/structured-data.ts';

const session: SessionForStructuredData = {
	id: 'abc',
	date: '2027-03-30',
	startTime: '10:00',
	endTime: '12:00',
	capacity: 6,
	placesTaken: 4,
	status: 'scheduled',
	bookingMode: 'booking',
	service: { name: 'Benefits check', summary: 'A check.' },
	hub: { slug: 'govan', name: 'Govan Hub', addressLine1: '1 Road', postcode: 'G51 3QX' },
	serviceDetail: { isFree: true },
	hubDetail: { town: 'Glasgow', latitude: 55.86, longitude: -4.31 },
};

describe('structured data', () => {
	it.each([
		['2027-03-23', '10:00', '2027-03-23T10:00:00+00:00'],
		['2027-03-30', '10:00', '2027-03-30T10:00:00+01:00'],
		['2027-11-02', '14:30', '2027-11-02T14:30:00+00:00'],
	])('writes %s %s in London as %s', (date, time, expected) => {
		expect(londonDateTime(date, time)).toBe(expected);
	});

	it('makes JSON-LD safe inside a script element', () => {
		const text = jsonLdText({ name: '</script><script>alert(1)</script> & co' });
		expect(text).not.toContain('<');
		expect(text).not.toContain('>');
		expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script> & co' });
	});

	it('describes an open session with the places left and an offer', () => {
		const data = sessionStructuredData(
			session,
			{ kind: 'open', placesLeft: 2 },
			'https://h.example',
		);
		expect(data).toMatchObject({
			'@type': 'Event',
			startDate: '2027-03-30T10:00:00+01:00',
			eventStatus: 'https://schema.org/EventScheduled',
			remainingAttendeeCapacity: 2,
			maximumAttendeeCapacity: 6,
			offers: { availability: 'https://schema.org/InStock', price: 0, priceCurrency: 'GBP' },
		});
	});

	it('marks a cancelled session and gives walk-in sessions no capacity', () => {
		const cancelled = sessionStructuredData(
			{ ...session, status: 'cancelled' },
			{ kind: 'cancelled', reason: null },
			'',
		) as Record<string, unknown>;
		expect(cancelled['eventStatus']).toBe('https://schema.org/EventCancelled');
		expect(cancelled['offers']).toBeUndefined();
		expect(cancelled['url']).toBe('/sessions/abc');
		const walkIn = sessionStructuredData(
			{ ...session, bookingMode: 'walk-in' },
			{ kind: 'walk-in' },
			'',
		) as Record<string, unknown>;
		expect(walkIn['remainingAttendeeCapacity']).toBeUndefined();
	});

	it('describes a hub with opening hours, closures still to come and accessibility', () => {
		const data = hubStructuredData(
			{
				slug: 'govan',
				name: 'Govan Hub',
				summary: 'A hub.',
				addressLine1: '1 Road',
				addressLine2: null,
				town: 'Glasgow',
				postcode: 'G51 3QX',
				latitude: null,
				longitude: null,
				phone: '0141 496 0101',
				email: null,
				website: null,
				accessFeatures: ['step-free'],
				openingHours: [
					{ weekday: 3, opensAt: '13:00', closesAt: '16:00' },
					{ weekday: 1, opensAt: '09:00', closesAt: '12:00' },
				],
				closures: [
					{ startsOn: '2026-01-01', endsOn: '2026-01-02', reason: 'Old', allHubs: true },
					{ startsOn: '2026-12-25', endsOn: '2026-12-26', reason: 'Christmas', allHubs: true },
				],
				organisation: { name: 'HSCP' },
			},
			'',
			'2026-11-23',
		) as Record<string, unknown>;
		expect(data['openingHoursSpecification']).toEqual([
			expect.objectContaining({ dayOfWeek: 'https://schema.org/Monday', opens: '09:00' }),
			expect.objectContaining({ dayOfWeek: 'https://schema.org/Wednesday', closes: '16:00' }),
		]);
		expect(data['specialOpeningHoursSpecification']).toEqual([
			expect.objectContaining({ validFrom: '2026-12-25', opens: '00:00', closes: '00:00' }),
		]);
		expect(data['geo']).toBeUndefined();
		expect(data['telephone']).toBe('0141 496 0101');
		expect(data['amenityFeature']).toEqual([
			{ '@type': 'LocationFeatureSpecification', name: 'Step-free access', value: true },
		]);
	});

	it('writes a sitemap with escaped absolute URLs and a robots.txt', () => {
		const xml = sitemapXml('https://h.example', [
			{ path: '/' },
			{ path: '/hubs/a&b', lastModified: '2026-11-01' },
		]);
		expect(xml).toContain('<loc>https://h.example/hubs/a&amp;b</loc><lastmod>2026-11-01</lastmod>');
		expect(robotsTxt('https://h.example')).toContain('Sitemap: https://h.example/sitemap.xml');
	});
});
