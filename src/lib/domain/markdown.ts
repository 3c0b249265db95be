/**
 * A small, safe subset of Markdown for descriptions: paragraphs, bulleted lists ("- " or "* "),
 * links ([text](https://…) or mailto:/tel:), and bold (**text**). Everything else is text: all
 * input is HTML-escaped first, so tags, script and event-handler attributes can never get through,
 * and link targets are limited to https, http, mailto and tel.
 */

function escapeHtml(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

function inline(escaped: string): string {
	return escaped
		.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
		.replace(
			/\[([^\]]+)\]\(((?:https?:\/\/|mailto:|tel:)[^\s)]+)\)/g,
			(_, label: string, href: string) => `<a href="${href}">${label}</a>`,
		);
}

/** The HTML for a description written in the safe Markdown subset. */
export function renderMarkdown(source: string): string {
	const blocks = source
		.replace(/\r\n?/g, '\n')
		.trim()
		.split(/\n{2,}/);
	return blocks
		.filter((b) => b.trim() !== '')
		.map((block) => {
			const lines = block.split('\n');
			if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
				return `<ul>${lines.map((l) => `<li>${inline(escapeHtml(l.replace(/^\s*[-*]\s+/, '')))}</li>`).join('')}</ul>`;
			}
			return `<p>${lines.map((l) => inline(escapeHtml(l))).join('<br>')}</p>`;
		})
		.join('');
}
