/**
 * The words of booking messages, in plain English. Each includes the hub's name and phone, and no
 * personal data beyond what the recipient gave. Each has a subject and body for email and a short
 * text for a text message (`sms`), since a text is paid for by its length.
 */
import { formatLongDate, formatTime } from '../time.ts';

/** What every booking message talks about. */
export interface MessageContext {
	reference: string;
	name: string;
	places: number;
	serviceName: string;
	hubName: string;
	hubPhone: string | null;
	date: string;
	startTime: string;
	endTime: string;
	manageUrl: string;
}

/** A message's subject and plain-text body, and its words as a text message. */
export interface MessageText {
	subject: string;
	body: string;
	sms: string;
}

function contact(c: MessageContext): string {
	return c.hubPhone ? `${c.hubName} on ${c.hubPhone}` : c.hubName;
}

function shortWhen(c: MessageContext): string {
	return `${formatLongDate(c.date)} at ${formatTime(c.startTime)}`;
}

function when(c: MessageContext): string {
	return `${formatLongDate(c.date)}, ${formatTime(c.startTime)} to ${formatTime(c.endTime)}`;
}

function footer(c: MessageContext): string {
	const phone = c.hubPhone ? ` on ${c.hubPhone}` : '';
	return `To see or cancel your booking, go to ${c.manageUrl}\n\nIf you have a question, contact ${c.hubName}${phone}.`;
}

const placeWords = (n: number) => (n === 1 ? '1 place' : `${n} places`);

/** Booking confirmed. */
export function confirmationMessage(c: MessageContext): MessageText {
	return {
		subject: `Booking confirmed: ${c.serviceName}, ${formatLongDate(c.date)} (${c.reference})`,
		body: `Hello ${c.name},\n\nYour booking is confirmed.\n\nReference: ${c.reference}\nWhat: ${c.serviceName}\nWhere: ${c.hubName}\nWhen: ${when(c)}\nPlaces: ${placeWords(c.places)}\n\n${footer(c)}`,
		sms: `Booking confirmed: ${c.serviceName} at ${c.hubName}, ${shortWhen(c)}. Reference ${c.reference}. To see or cancel: ${c.manageUrl} Questions: ${contact(c)}`,
	};
}

/** Joined the waiting list. */
export function waitingListMessage(c: MessageContext): MessageText {
	return {
		subject: `You are on the waiting list: ${c.serviceName}, ${formatLongDate(c.date)} (${c.reference})`,
		body: `Hello ${c.name},\n\nYou are on the waiting list for ${c.serviceName} at ${c.hubName}, ${when(c)}, for ${placeWords(c.places)}. We will tell you if a place comes up.\n\nReference: ${c.reference}\n\n${footer(c)}`,
		sms: `You are on the waiting list for ${c.serviceName} at ${c.hubName}, ${shortWhen(c)}. We will tell you if a place comes up. Reference ${c.reference}. Questions: ${contact(c)}`,
	};
}

/** Moved from the waiting list into a place. */
export function promotedMessage(c: MessageContext): MessageText {
	return {
		subject: `A place came up: your booking is confirmed (${c.reference})`,
		body: `Hello ${c.name},\n\nA place came up and your booking is now confirmed.\n\nWhat: ${c.serviceName}\nWhere: ${c.hubName}\nWhen: ${when(c)}\nPlaces: ${placeWords(c.places)}\n\n${footer(c)}`,
		sms: `A place came up: your booking for ${c.serviceName} at ${c.hubName}, ${shortWhen(c)}, is confirmed. Reference ${c.reference}. To see or cancel: ${c.manageUrl}`,
	};
}

/** Offered a place, to accept by a deadline. */
export function offerMessage(c: MessageContext, deadline: string): MessageText {
	return {
		subject: `A place is free for you: accept by ${deadline} (${c.reference})`,
		body: `Hello ${c.name},\n\nA place has come up on ${c.serviceName} at ${c.hubName}, ${when(c)}. We are holding it for you until ${deadline}.\n\nTo accept it, go to ${c.manageUrl} and press "Accept this place".\n\nIf you have a question, contact ${c.hubName}${c.hubPhone ? ` on ${c.hubPhone}` : ''}.`,
		sms: `A place is free for you on ${c.serviceName} at ${c.hubName}, ${shortWhen(c)}. Accept it by ${deadline}: ${c.manageUrl} Questions: ${contact(c)}`,
	};
}

/** An offer ran out. */
export function offerExpiredMessage(c: MessageContext): MessageText {
	return {
		subject: `Your place offer has ended (${c.reference})`,
		body: `Hello ${c.name},\n\nThe place we held for you on ${c.serviceName}, ${when(c)}, was not accepted in time, so it has gone to the next person on the waiting list.\n\nIf you have a question, contact ${c.hubName}${c.hubPhone ? ` on ${c.hubPhone}` : ''}.`,
		sms: `The place we held for you on ${c.serviceName}, ${shortWhen(c)}, was not accepted in time. Questions: ${contact(c)}`,
	};
}

/** Cancelled by the person. */
export function cancelledMessage(c: MessageContext): MessageText {
	return {
		subject: `Booking cancelled: ${c.serviceName}, ${formatLongDate(c.date)} (${c.reference})`,
		body: `Hello ${c.name},\n\nYour booking for ${c.serviceName} at ${c.hubName}, ${when(c)}, is cancelled. You do not need to do anything else.\n\nIf you have a question, contact ${c.hubName}${c.hubPhone ? ` on ${c.hubPhone}` : ''}.`,
		sms: `Your booking for ${c.serviceName} at ${c.hubName}, ${shortWhen(c)}, is cancelled. Reference ${c.reference}. Questions: ${contact(c)}`,
	};
}

/** Sent a new manage link after finding the booking by reference. */
export function manageLinkMessage(c: MessageContext): MessageText {
	return {
		subject: `Your booking link (${c.reference})`,
		body: `Hello ${c.name},\n\nHere is a new link to see or cancel your booking for ${c.serviceName} at ${c.hubName}, ${when(c)}. Earlier links no longer work.\n\n${footer(c)}`,
		sms: `Your new link for booking ${c.reference} (${c.serviceName} at ${c.hubName}, ${shortWhen(c)}): ${c.manageUrl} Earlier links no longer work.`,
	};
}

/** The hub cancelled the session date. */
export function sessionCancelledMessage(c: MessageContext, reason: string): MessageText {
	return {
		subject: `Cancelled: ${c.serviceName}, ${formatLongDate(c.date)}`,
		body: `Hello ${c.name},\n\nSorry: ${c.serviceName} at ${c.hubName} on ${when(c)} has been cancelled.\n\nReason: ${reason}\n\nYou do not need to do anything. Your booking (reference ${c.reference}) is cancelled.\n\nIf you have a question, contact ${c.hubName}${c.hubPhone ? ` on ${c.hubPhone}` : ''}.`,
		sms: `Sorry: ${c.serviceName} at ${c.hubName}, ${shortWhen(c)}, is cancelled (${reason}). Your booking ${c.reference} is cancelled. Questions: ${contact(c)}`,
	};
}

/** The hub moved the session date or time. */
export function sessionMovedMessage(
	c: MessageContext,
	previous: string,
	reason: string,
): MessageText {
	return {
		subject: `Changed: ${c.serviceName} is now ${formatLongDate(c.date)}`,
		body: `Hello ${c.name},\n\n${c.serviceName} at ${c.hubName} has moved from ${previous} to ${when(c)}.\n\nReason: ${reason}\n\nYour booking (reference ${c.reference}) has moved with it. If you cannot come at the new time, please cancel so someone else can have the place: ${c.manageUrl}\n\nIf you have a question, contact ${c.hubName}${c.hubPhone ? ` on ${c.hubPhone}` : ''}.`,
		sms: `${c.serviceName} at ${c.hubName} has moved from ${previous} to ${shortWhen(c)} (${reason}). Your booking ${c.reference} has moved with it. If you cannot come, please cancel: ${c.manageUrl}`,
	};
}

/** The hub cancelled one person's booking. */
export function cancelledByHubMessage(c: MessageContext): MessageText {
	return {
		subject: `Booking cancelled by the hub (${c.reference})`,
		body: `Hello ${c.name},\n\n${c.hubName} has cancelled your booking for ${c.serviceName}, ${when(c)}.\n\nIf you did not expect this, contact ${c.hubName}${c.hubPhone ? ` on ${c.hubPhone}` : ''}.`,
		sms: `${c.hubName} has cancelled your booking ${c.reference} for ${c.serviceName}, ${shortWhen(c)}. Questions: ${contact(c)}`,
	};
}

/** A date, time and place written the way messages say them: "Tuesday 1 December 2026, 10am to midday". */
export function describeWhen(date: string, startTime: string, endTime: string): string {
	return `${formatLongDate(date)}, ${formatTime(startTime)} to ${formatTime(endTime)}`;
}

/** The hub moved one person's booking to another date. */
export function bookingMovedMessage(c: MessageContext, previous: string): MessageText {
	return {
		subject: `Your booking has moved to ${formatLongDate(c.date)} (${c.reference})`,
		body: `Hello ${c.name},\n\n${c.hubName} has moved your booking for ${c.serviceName} from ${previous} to ${when(c)}.\n\n${footer(c)}`,
		sms: `${c.hubName} has moved your booking ${c.reference} for ${c.serviceName} to ${shortWhen(c)}. To see or cancel: ${c.manageUrl}`,
	};
}

/** A reminder before the session. */
export function reminderMessage(c: MessageContext, address: string): MessageText {
	return {
		subject: `Reminder: ${c.serviceName}, ${formatLongDate(c.date)} (${c.reference})`,
		body: `Hello ${c.name},\n\nThis is a reminder of your booking.\n\nWhat: ${c.serviceName}\nWhere: ${c.hubName}, ${address}\nWhen: ${when(c)}\nPlaces: ${placeWords(c.places)}\nReference: ${c.reference}\n\nIf you cannot come, please cancel so someone else can have the place.\n\n${footer(c)}`,
		sms: `Reminder: ${c.serviceName} at ${c.hubName}, ${address}, ${shortWhen(c)}. Reference ${c.reference}. If you cannot come, please cancel: ${c.manageUrl}`,
	};
}
