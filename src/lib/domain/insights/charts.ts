/**
 * Charts drawn as SVG on the server, with no script. Accessibility (WCAG 2.2 AA): each chart is
 * role="img" named by its own title and description (which says where the same figures are as a
 * table); series differ by line style and marker shape or by fill pattern as well as by colour,
 * so colour is never the only cue; lines, bars and markers have at least 3:1 contrast against the
 * white background and text at least 4.5:1. Every piece of text is escaped.
 */

/** How each line of a line chart is drawn, in order: colour, dashes and marker shape. */
export const LINE_STYLES = [
	{ colour: '#505a5f', dash: '8 5', marker: 'none', markerName: 'dashed line' },
	{ colour: '#0065bd', dash: '', marker: 'circle', markerName: 'solid line with circles' },
	{ colour: '#00703c', dash: '', marker: 'square', markerName: 'solid line with squares' },
	{ colour: '#8e1f5a', dash: '3 3', marker: 'triangle', markerName: 'dotted line with triangles' },
] as const;

/** How each bar of a bar chart is drawn, in order. */
export const BAR_STYLES = [
	{ fill: 'hatch', colour: '#505a5f', outline: '#1a1a1a', patternName: 'striped bar' },
	{ fill: 'solid', colour: '#0065bd', outline: '#0065bd', patternName: 'solid bar' },
] as const;

/** The colour of text in charts. */
export const TEXT_COLOUR = '#1a1a1a';

const GRID_COLOUR = '#b3b3b3';

/** Escapes text for SVG (XML) content and attributes. */
export function escapeXml(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A step for axis ticks: a whole number from 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(max: number, ticks = 4): number {
	const raw = Math.max(1, max / ticks);
	const magnitude = 10 ** Math.floor(Math.log10(raw));
	for (const m of [1, 2, 2.5, 5, 10]) {
		const step = m * magnitude;
		if (step >= raw && Number.isInteger(step)) return step;
	}
	return 10 * magnitude;
}

/** One line or bar series: its name and a value for each label. */
export interface ChartSeries {
	name: string;
	values: number[];
}

function frame(id: string, title: string, description: string, width: number, height: number) {
	return `<svg xmlns="http://www.w3.org/2000/svg" class="insights-chart__svg" role="img" focusable="false" viewBox="0 0 ${width} ${height}" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>`;
}

function marker(shape: string, x: number, y: number, colour: string): string {
	if (shape === 'circle')
		return `<circle cx="${round(x)}" cy="${round(y)}" r="4.5" fill="${colour}"/>`;
	if (shape === 'square')
		return `<rect x="${round(x - 4.5)}" y="${round(y - 4.5)}" width="9" height="9" fill="${colour}"/>`;
	if (shape === 'triangle')
		return `<path d="M${round(x)} ${round(y - 5.5)}L${round(x + 5.5)} ${round(y + 4.5)}L${round(x - 5.5)} ${round(y + 4.5)}Z" fill="${colour}"/>`;
	return '';
}

/** A line chart of series over labelled points (weeks or months), as an SVG string. */
export function lineChart(options: {
	id: string;
	title: string;
	description: string;
	labels: string[];
	series: ChartSeries[];
}): string {
	const { id, labels, series } = options;
	const width = 640;
	const height = 320;
	const left = 56;
	const right = 32;
	const top = 16;
	const bottom = 48;
	const plotWidth = width - left - right;
	const plotHeight = height - top - bottom;
	const max = Math.max(0, ...series.flatMap((s) => s.values));
	const step = niceStep(max);
	const yMax = Math.max(step, Math.ceil(max / step) * step);
	const x = (i: number) =>
		labels.length <= 1 ? left + plotWidth / 2 : left + (i * plotWidth) / (labels.length - 1);
	const y = (v: number) => top + plotHeight - (v / yMax) * plotHeight;
	const parts = [frame(id, options.title, options.description, width, height)];
	for (let v = 0; v <= yMax; v += step) {
		parts.push(
			`<line x1="${left}" x2="${width - right}" y1="${round(y(v))}" y2="${round(y(v))}" stroke="${v === 0 ? TEXT_COLOUR : GRID_COLOUR}" stroke-width="1"/>`,
			`<text x="${left - 8}" y="${round(y(v) + 5)}" text-anchor="end" font-size="14" fill="${TEXT_COLOUR}">${v}</text>`,
		);
	}
	const every = Math.ceil(labels.length / 8);
	labels.forEach((label, i) => {
		if (i % every !== 0) return;
		parts.push(
			`<text x="${round(x(i))}" y="${height - bottom + 22}" text-anchor="middle" font-size="14" fill="${TEXT_COLOUR}">${escapeXml(label)}</text>`,
		);
	});
	series.forEach((s, n) => {
		const style = LINE_STYLES[n % LINE_STYLES.length]!;
		const points = s.values.map((v, i) => `${round(x(i))},${round(y(v))}`).join(' ');
		parts.push(
			`<polyline points="${points}" fill="none" stroke="${style.colour}" stroke-width="3" stroke-linejoin="round"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`,
			...s.values.map((v, i) => marker(style.marker, x(i), y(v), style.colour)),
		);
	});
	parts.push('</svg>');
	return parts.join('');
}

function hatch(id: string, colour: string): string {
	return `<pattern id="${id}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${colour}" stroke-width="3"/></pattern>`;
}

/** A horizontal bar chart, one group of bars a row (the name above its bars), as an SVG string. */
export function barChart(options: {
	id: string;
	title: string;
	description: string;
	rows: { label: string; values: number[] }[];
}): string {
	const { id, rows } = options;
	const width = 640;
	const bars = Math.max(1, ...rows.map((r) => r.values.length));
	const barHeight = 18;
	const rowHeight = 24 + bars * (barHeight + 4) + 12;
	const height = Math.max(rowHeight, rows.length * rowHeight) + 8;
	const barSpace = width - 72;
	const max = Math.max(1, ...rows.flatMap((r) => r.values));
	const parts = [
		frame(id, options.title, options.description, width, height),
		`<defs>${hatch(`${id}-hatch`, BAR_STYLES[0].colour)}</defs>`,
	];
	rows.forEach((row, r) => {
		const top = 8 + r * rowHeight;
		parts.push(
			`<text x="0" y="${top + 16}" font-size="16" font-weight="bold" fill="${TEXT_COLOUR}">${escapeXml(row.label)}</text>`,
		);
		row.values.forEach((v, b) => {
			const style = BAR_STYLES[b % BAR_STYLES.length]!;
			const barTop = top + 24 + b * (barHeight + 4);
			const length = Math.max(2, (v / max) * barSpace);
			const fill = style.fill === 'hatch' ? `url(#${id}-hatch)` : style.colour;
			parts.push(
				`<rect x="1" y="${barTop}" width="${round(length)}" height="${barHeight}" fill="${fill}" stroke="${style.outline}" stroke-width="1.5"/>`,
				`<text x="${round(length + 8)}" y="${barTop + 14}" font-size="14" fill="${TEXT_COLOUR}">${v}</text>`,
			);
		});
	});
	parts.push('</svg>');
	return parts.join('');
}

/** A small picture of a line series for a legend (hidden from assistive technology: the legend text says it). */
export function lineSwatch(index: number): string {
	const style = LINE_STYLES[index % LINE_STYLES.length]!;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="16" viewBox="0 0 40 16" aria-hidden="true" focusable="false"><line x1="2" y1="8" x2="38" y2="8" stroke="${style.colour}" stroke-width="3"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>${marker(style.marker, 20, 8, style.colour)}</svg>`;
}

/** A small picture of a bar series for a legend; `id` makes its pattern's id unique on the page. */
export function barSwatch(index: number, id: string): string {
	const style = BAR_STYLES[index % BAR_STYLES.length]!;
	const fill = style.fill === 'hatch' ? `url(#${id})` : style.colour;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="18" viewBox="0 0 32 18" aria-hidden="true" focusable="false">${style.fill === 'hatch' ? `<defs>${hatch(id, style.colour)}</defs>` : ''}<rect x="1" y="1" width="30" height="16" fill="${fill}" stroke="${style.outline}" stroke-width="1.5"/></svg>`;
}

/** The WCAG contrast ratio of two colours written #rrggbb. */
export function contrastRatio(a: string, b: string): number {
	const luminance = (hex: string) => {
		const [r, g, bl] = [1, 3, 5].map((i) => {
			const c = parseInt(hex.slice(i, i + 2), 16) / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		}) as [number, number, number];
		return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
	};
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}
