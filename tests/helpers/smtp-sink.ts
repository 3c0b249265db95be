/** A real SMTP server on loopback (the smtp-server package) that keeps every message it receives, parsed. */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
	port: number;
	messages: ParsedMail[];
	/** Resolves with the first message that matches, waiting for it to arrive. */
	waitFor(match: (m: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
	stop(): Promise<void>;
}

/** The address a parsed message was sent to. */
export function recipientOf(m: ParsedMail): string {
	const to = Array.isArray(m.to) ? m.to[0] : m.to;
	return to?.value[0]?.address ?? '';
}

/** Starts the sink on a free port of 127.0.0.1. */
export async function startSmtpSink(): Promise<SmtpSink> {
	const messages: ParsedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		// Plain SMTP on loopback: no certificate to trust.
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then((parsed) => {
					messages.push(parsed);
					callback();
				})
				.catch((error: Error) => callback(error));
		},
	});
	const port = await new Promise<number>((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const address = server.server.address();
			resolve(typeof address === 'object' && address ? address.port : 0);
		});
	});
	return {
		port,
		messages,
		async waitFor(match, timeoutMs = 15_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const found = messages.find(match);
				if (found) return found;
				if (Date.now() > deadline)
					throw new Error(
						`No matching email arrived; got: ${messages.map((m) => `${recipientOf(m)}: ${m.subject}`).join(' | ')}`,
					);
				await new Promise((r) => setTimeout(r, 50));
			}
		},
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
