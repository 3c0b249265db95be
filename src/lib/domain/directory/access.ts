/** The accessibility features a hub can record, in the order they are shown and filtered. */
export const ACCESS_FEATURES = [
	{ code: 'step-free', label: 'Step-free access' },
	{ code: 'accessible-toilet', label: 'Accessible toilet' },
	{ code: 'hearing-loop', label: 'Hearing loop' },
	{ code: 'parking', label: 'Parking' },
	{ code: 'blue-badge-parking', label: 'Blue Badge parking' },
	{ code: 'quiet-space', label: 'Quiet space' },
	{ code: 'baby-changing', label: 'Baby changing' },
	{ code: 'bsl', label: 'British Sign Language on request' },
] as const;

/** The code of an accessibility feature. */
export type AccessFeature = (typeof ACCESS_FEATURES)[number]['code'];

const byCode = new Map<string, string>(ACCESS_FEATURES.map((f) => [f.code, f.label]));

/** Whether a string is a known accessibility feature code. */
export function isAccessFeature(code: string): code is AccessFeature {
	return byCode.has(code);
}

/** The label of a feature code. */
export function accessFeatureLabel(code: AccessFeature): string {
	return byCode.get(code) ?? code;
}
