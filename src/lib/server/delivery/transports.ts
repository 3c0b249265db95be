/**
 * How messages leave the site. With NOTIFY_API_KEY, email and text messages go through GOV.UK
 * Notify with its official client, as personalisation of one generic template per channel. Else,
 * with SMTP_URL, email goes over SMTP with nodemailer and text messages cannot be sent (people who
 * gave only a phone number are listed on registers to phone). With neither, nothing is sent: each
 * message is logged (id and kind, never its words) and staff read it on the mail page.
 * A failure that will not pass by trying again (an address refused) is marked permanent.
 */
import nodemailer from 'nodemailer';
import { NotifyClient } from 'notifications-node-client';
import { composeEmail, composeNotify, type QueuedText } from '../../domain/messages/compose.ts';
import type { DeliverySettings } from '../config.ts';

/** A failed send; `permanent` when trying again cannot help. */
export class DeliveryError extends Error {
	permanent: boolean;
	constructor(message: string, permanent: boolean) {
		super(message);
		this.name = 'DeliveryError';
		this.permanent = permanent;
	}
}

/** Sends messages of one channel. */
export interface Transport {
	name: 'smtp' | 'notify';
	/** Sends a message; resolves with the id the service gave it. Rejects with DeliveryError. */
	send(message: QueuedText): Promise<{ providerId: string | null }>;
}

/** The transports of each channel (null: the channel cannot be sent here). */
export interface Delivery {
	email: Transport | null;
	sms: Transport | null;
	/** For the log at start-up, without secrets. */
	description: string;
	close(): void;
}

// A send that hangs is abandoned before the worker's lease runs out (the message is tried again
// with the same id, so a late arrival is recognisably the same message).
const SEND_TIMEOUT_MS = 60_000;

async function withTimeout<T>(promise: Promise<T>): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(
			() => reject(new DeliveryError('No answer within 60 seconds', false)),
			SEND_TIMEOUT_MS,
		);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

/** Email over SMTP: the plain text, an HTML part made from it, the .ics attached; Message-ID from the outbox id. */
export function smtpTransport(url: string, from: string): Transport & { close(): void } {
	const mailer = nodemailer.createTransport({
		url,
		pool: true,
		maxConnections: 2,
		connectionTimeout: 30_000,
		greetingTimeout: 30_000,
		socketTimeout: 50_000,
	});
	return {
		name: 'smtp',
		async send(message) {
			const email = composeEmail(message, from);
			try {
				const info = await withTimeout(
					mailer.sendMail({
						from,
						to: email.to,
						subject: email.subject,
						text: email.text,
						html: email.html,
						messageId: email.messageId,
						attachments: email.attachments,
					}),
				);
				return { providerId: info.messageId ?? email.messageId };
			} catch (error) {
				if (error instanceof DeliveryError) throw error;
				const code = (error as { responseCode?: number }).responseCode;
				// 5xx answers (mailbox unknown, address refused) are final; 4xx and lost connections pass.
				throw new DeliveryError(
					String((error as Error).message ?? error),
					code !== undefined && code >= 500,
				);
			}
		},
		close: () => mailer.close(),
	};
}

/** Email and text messages through GOV.UK Notify: one generic template per channel, the outbox id as reference. */
export function notifyTransports(settings: Extract<DeliverySettings, { kind: 'notify' }>): {
	email: Transport;
	sms: Transport;
} {
	const client = settings.baseUrl
		? new NotifyClient(settings.baseUrl, settings.apiKey)
		: new NotifyClient(settings.apiKey);
	const send = async (message: QueuedText) => {
		const personalisation = composeNotify(message);
		try {
			const options = { personalisation, reference: message.id };
			const response: { data: { id?: string } } = await withTimeout<{ data: { id?: string } }>(
				message.channel === 'email'
					? client.sendEmail(settings.emailTemplateId, message.recipient, options)
					: client.sendSms(settings.smsTemplateId, message.recipient, options),
			);
			return { providerId: response.data.id ?? null };
		} catch (error) {
			if (error instanceof DeliveryError) throw error;
			const response = (
				error as { response?: { status?: number; data?: { errors?: { message?: string }[] } } }
			).response;
			const status = response?.status;
			const detail = response?.data?.errors?.map((e) => e.message).join('; ');
			// 400: Notify refused the message itself (say, not a mobile number); anything else may pass.
			throw new DeliveryError(
				status
					? `GOV.UK Notify answered ${status}${detail ? `: ${detail}` : ''}`
					: String((error as Error).message ?? error),
				status === 400,
			);
		}
	};
	return { email: { name: 'notify', send }, sms: { name: 'notify', send } };
}

/** The transports the configuration asks for. */
export function createDelivery(settings: DeliverySettings): Delivery {
	if (settings.kind === 'notify') {
		const { email, sms } = notifyTransports(settings);
		return {
			email,
			sms,
			description: 'email and text messages through GOV.UK Notify',
			close: () => {},
		};
	}
	if (settings.kind === 'smtp') {
		const smtp = smtpTransport(settings.url, settings.from);
		const host = new URL(settings.url).host;
		return {
			email: smtp,
			sms: null,
			description: `email over SMTP to ${host}; no text messages (people who gave only a phone number are listed on registers to phone)`,
			close: () => smtp.close(),
		};
	}
	return {
		email: null,
		sms: null,
		description:
			'nothing sent: set SMTP_URL or NOTIFY_API_KEY to send messages; until then staff read them at /admin/mail',
		close: () => {},
	};
}
