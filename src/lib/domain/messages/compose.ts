/**
 * Turning a queued message into what a channel sends. Email: the plain text as written, plus an
 * HTML part made from it (every HTML part has its plain-text part), and the booking's .ics file
 * attached. GOV.UK Notify sends only its own templates, so it gets the subject and body as
 * personalisation of one generic template, and the .ics travels as a link. The Message-ID and
 * Notify reference are the outbox id, so a message sent twice is recognisably the same message.
 */

/** A message as the outbox holds it. */
export interface QueuedText {
	id: string;
	channel: 'email' | 'sms';
	recipient: string;
	subject: string;
	body: string;
	/** The text of an .ics file to attach, if any. */
	calendar: string | null;
	/** The public address of the same .ics file, for channels that cannot attach. */
	calendarUrl: string | null;
}

/** An email ready for SMTP. */
export interface ComposedEmail {
	messageId: string;
	to: string;
	subject: string;
	text: string;
	html: string;
	attachments: { filename: string; content: string; contentType: string }[];
}

/** The address part of a From header: `Hubs <hubs@example.org>` gives `hubs@example.org`. */
export function addressOf(from: string): string {
	const match = /<([^>]+)>\s*$/.exec(from);
	return (match ? match[1]! : from).trim();
}

/** The Message-ID of an outbox message: its id at the sender's domain. */
export function messageIdFor(outboxId: string, from: string): string {
	const domain = addressOf(from).split('@')[1] ?? 'localhost';
	return `<${outboxId}@${domain}>`;
}

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const URL_PATTERN = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;

function linkify(escapedLine: string): string {
	return escapedLine.replace(URL_PATTERN, (url) => `<a href="${url}">${url}</a>`);
}

/**
 * The HTML part of an email, made from its plain text: a paragraph per blank-line block, line
 * breaks kept, addresses as links. Escaped first, so nothing in the text becomes markup.
 */
export function htmlFromText(subject: string, text: string): string {
	const paragraphs = text
		.split(/\n{2,}/)
		.map((block) => block.split('\n').map((line) => linkify(escapeHtml(line))))
		.map((lines) => `<p style="margin:0 0 16px">${lines.join('<br>\n')}</p>`);
	return [
		'<!doctype html>',
		'<html lang="en-GB">',
		'<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(subject)}</title></head>`,
		// Plain, large, high-contrast text: many recipients read email on a phone or with a screen reader.
		'<body style="margin:0;padding:16px;font-family:Arial,sans-serif;font-size:19px;line-height:1.4;color:#0b0c0c;background:#ffffff">',
		...paragraphs,
		'</body>',
		'</html>',
	].join('\n');
}

/** An email for SMTP, with the .ics attached when there is one. */
export function composeEmail(message: QueuedText, from: string): ComposedEmail {
	return {
		messageId: messageIdFor(message.id, from),
		to: message.recipient,
		subject: message.subject,
		text: message.body,
		html: htmlFromText(message.subject, message.body),
		attachments: message.calendar
			? [
					{
						filename: 'session.ics',
						content: message.calendar,
						contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
					},
				]
			: [],
	};
}

/** The personalisation of Notify's generic template: the .ics as a link, since Notify cannot attach it. */
export function composeNotify(message: QueuedText): { subject: string; body: string } {
	const link =
		message.channel === 'email' && message.calendarUrl
			? `\n\nTo add the session to your calendar, open ${message.calendarUrl}`
			: '';
	return { subject: message.subject, body: message.body + link };
}

/** Whether a phone number can take a text message: UK mobile numbers start 07 (landlines cannot). */
export function canText(phone: string): boolean {
	return /^07\d{9}$/.test(phone.replace(/[\s-]/g, ''));
}
