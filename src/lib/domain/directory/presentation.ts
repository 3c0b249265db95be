/**
 * How directory records are grouped and described for people.
 */

/** A service with its themes, as far as grouping needs. */
export interface Themed {
	themes: { slug: string; name: string }[];
}

/** Services grouped under their first theme (themes in display order), each service once. */
export function groupByFirstTheme<T extends Themed>(
	services: readonly T[],
): { theme: { slug: string; name: string }; services: T[] }[] {
	const groups = new Map<string, { theme: { slug: string; name: string }; services: T[] }>();
	for (const service of services) {
		const theme = service.themes[0] ?? { slug: 'other', name: 'Other help' };
		const group = groups.get(theme.slug) ?? { theme, services: [] };
		group.services.push(service);
		groups.set(theme.slug, group);
	}
	return [...groups.values()];
}

/** Who a service is for by age, in words, or null when there is no age rule. */
export function describeAges(minimumAge: number | null, maximumAge: number | null): string | null {
	if (minimumAge !== null && maximumAge !== null) return `Ages ${minimumAge} to ${maximumAge}`;
	if (minimumAge !== null) return `Aged ${minimumAge} and over`;
	if (maximumAge !== null) return `Aged ${maximumAge} and under`;
	return null;
}

/** A link that opens a place in OpenStreetMap (by coordinates when known, else by address). */
export function mapHref(place: {
	latitude: number | null;
	longitude: number | null;
	addressLine1: string;
	postcode: string;
}): string {
	if (place.latitude !== null && place.longitude !== null) {
		const lat = place.latitude.toFixed(5);
		const lon = place.longitude.toFixed(5);
		return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
	}
	return `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${place.addressLine1}, ${place.postcode}`)}`;
}

/** A phone number as a tel: link target (digits only, UK national format kept). */
export function telHref(phone: string): string {
	return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

/** "1 hub", "2 hubs". */
export function plural(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`;
}
