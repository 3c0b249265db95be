/**
 * The fields each account, register, booking, people, import and staff request may post, declared
 * once with the shared schema module: which actions a button may send, how long each text may be,
 * what an id, token, date, time or number looks like, with the message shown when it is wrong. The
 * request handlers read their forms only through these; the use-cases keep the rules that need the
 * database (a booking still on the register, a date not yet past).
 */
import { z } from 'zod';
import {
	blankOr,
	calendarDate,
	checkFields,
	clockTime,
	emailAddress,
	normalised,
	oneOf,
	readForm,
	required,
	someOf,
	text,
	token,
	wholeNumber,
	type Problem,
} from '../../domain/forms/schema.ts';
import { MAX_PASSWORD_LENGTH } from '../../domain/auth/password-rules.ts';
import { MAX_REMINDER_HOURS } from '../../domain/booking/reminders.ts';
import { normaliseReference } from '../../domain/booking/reference.ts';
import { parseContact } from '../use-cases/people.ts';
import { actions } from './posted.ts';

/** Ids of records (UUIDs) and other short ids the site makes. */
const id = (message: string) => token(40, message);

// Signing in, passwords and accounts.

export const SIGN_IN_MISSING = 'Enter your email address and password';
export const SIGN_IN_WRONG = 'The email address or password is not right. Check them and try again';

/** Where to go after signing in (a page of this site: lib/server/auth/guard.ts safeNext). */
export const nextPage = text(500, 'The page to go to');

/**
 * Signing in. An address or password that cannot belong to any account (too long, not an email
 * address) gets the same answer as a wrong one, so nothing tells which accounts exist. `next` is
 * where to go afterwards: one that is too long is dropped, not cut short.
 */
export const signInFields = {
	email: z.string().min(1, SIGN_IN_MISSING).pipe(emailAddress(SIGN_IN_WRONG)),
	password: z.string().min(1, SIGN_IN_MISSING).max(MAX_PASSWORD_LENGTH, SIGN_IN_WRONG),
	next: nextPage.catch(''),
};

export const PASSWORDS_DIFFER = 'The two passwords do not match. Type the same password twice';

/** Choosing a password from a link (the password rules themselves are checked when it is set). */
export const setPasswordFields = {
	password: text(MAX_PASSWORD_LENGTH, 'Password'),
	// A second password longer than any allowed cannot be the same as an allowed first one.
	confirm: z.string().max(MAX_PASSWORD_LENGTH, PASSWORDS_DIFFER),
};

/** The two passwords typed must be the same. */
export function samePasswords(
	values: { password?: string; confirm?: string },
	problem: Problem,
): void {
	if (values.password !== undefined && values.password !== values.confirm)
		problem('confirm', PASSWORDS_DIFFER);
}

export const EMAIL_FORMAT = 'Enter an email address in the correct format, like name@example.org';

/** Asking for a password reset link. */
export const forgotPasswordFields = {
	email: z.string().min(1, 'Enter your email address').pipe(emailAddress(EMAIL_FORMAT)),
};

/** Staff actions on an account: sign out everywhere, make inactive or active again. */
export const accountChangeFields = {
	accountAction: oneOf(
		['end-sessions', 'deactivate', 'reactivate'] as const,
		'Choose what to do with the account',
	),
	user: id('That account does not exist'),
};

/** Inviting someone: the hubs must be among `hubIds`; a volunteer needs at least one. */
export const invitationFields = (hubIds: readonly string[]) => ({
	name: required(100, 'Enter the person’s name', 'Name'),
	email: emailAddress(EMAIL_FORMAT).transform((email) => email.toLowerCase()),
	role: oneOf(['staff', 'volunteer'] as const, 'Select staff or volunteer'),
	hubs: someOf(hubIds, 'Select hubs from the list', 100),
});

/** A volunteer runs sessions at chosen hubs, so must have at least one. */
export function hubsForVolunteer(
	values: { role?: 'staff' | 'volunteer'; hubs?: string[] },
	problem: Problem,
): void {
	if (values.role === 'volunteer' && values.hubs?.length === 0)
		problem('hubs', 'Select at least one hub for a volunteer');
}

/** Reads and checks the invitation form, whose boxes are posted as "hub", one for each ticked. */
export function checkInvitation(form: FormData, hubIds: readonly string[]) {
	const fields = invitationFields(hubIds);
	const input = readForm(form, fields);
	input['hubs'] = readForm(form, { hub: fields.hubs }, ['hub'])['hub']!;
	return { ...checkFields(input, fields, hubsForVolunteer), input };
}

// The register and changes to sessions and hubs.

export const CHECK_IN_FAILED =
	'That check-in could not be recorded. Reload the register and try again';
export const CALL_FAILED = 'That call could not be recorded. Reload the register and try again';
export const WALK_INS = 'Enter the number of walk-ins as a whole number from 0 to 999';

/** The register's buttons: check-in, walk-ins, moving, cancelling or offering a place, "phoned". */
export const registerActions = actions({
	fields: {
		'walk-ins': { walkIns: wholeNumber(0, 999, WALK_INS) },
		'move-booking': {
			booking: id('That booking or date is not available any more'),
			to: id('That booking or date is not available any more'),
		},
		phoned: { booking: id(CALL_FAILED) },
		'cancel-booking': { booking: id('That booking is not on this register any more') },
		offer: { booking: id('That person is not on the waiting list any more') },
		attended: { booking: id(CHECK_IN_FAILED) },
		'no-show': { booking: id(CHECK_IN_FAILED) },
		clear: { booking: id(CHECK_IN_FAILED) },
	},
	unknown: CHECK_IN_FAILED,
});

const TIMES = 'Enter start and end times like 10:00 or 14:30';

/** The "change this session" forms: change the places, move the date or time, or cancel it. */
export const sessionChangeActions = actions({
	fields: {
		capacity: {
			capacity: wholeNumber(
				1,
				10_000,
				'Enter the number of places as a whole number from 1 to 10000',
			),
		},
		move: {
			date: calendarDate('Enter a real date for the session'),
			startTime: clockTime(TIMES),
			endTime: clockTime(TIMES),
			moveReason: required(
				300,
				'Enter the reason, so people know why the session has moved',
				'Reason',
			),
		},
		cancel: {
			cancelReason: required(
				300,
				'Enter the reason, so people know why the session is cancelled',
				'Reason',
			),
		},
	},
	unknown: 'Choose whether to change the places, move the session or cancel it',
	rules: {
		move: (values, problem) => {
			if (values.startTime && values.endTime && values.endTime <= values.startTime)
				problem('endTime', 'The end time must be after the start time');
		},
	},
});

const CLOSURE_DATES = 'Enter real dates for the start and end of the closure';
const CLOSURE_REASON = 'Enter the reason for the closure, in 200 characters or fewer';

/** Closing a hub (or every hub) from one day to another. */
export const closureFields = {
	startsOn: calendarDate(CLOSURE_DATES),
	endsOn: calendarDate(CLOSURE_DATES),
	reason: z.string().min(1, CLOSURE_REASON).max(200, CLOSURE_REASON),
};

/** A closure's last day is not before its first. */
export function closureInOrder(
	values: { startsOn?: string; endsOn?: string },
	problem: Problem,
): void {
	if (values.startsOn && values.endsOn && values.endsOn < values.startsOn)
		problem('endsOn', 'The last day must be the same as or after the first day');
}

/** A hub's reminder time in hours before each session; empty for the site's usual time (null). */
export const reminderFields = {
	reminderHours: blankOr(
		wholeNumber(
			1,
			MAX_REMINDER_HOURS,
			`Enter the number of hours as a whole number from 1 to ${MAX_REMINDER_HOURS}, or leave it empty for the usual time`,
		),
		null,
	),
};

/** Sending a message again. */
export const messageRetryFields = {
	message: id('That message could not be sent again. It may have been retried already'),
};

// Bookings.

export const BOOKING_UNREADABLE =
	'The form could not be read. Go back to the form and send it again.';

/** The form token of a booking form: a random token in lower-case base 32. */
const formToken = (message: string) => z.string().regex(/^[a-z2-7]{16,64}$/, message);
/** The buttons under a booking form: book a place, or join the waiting list. */
const bookingModes = ['book', 'wait'] as const;

/**
 * What a booking form posts besides the person's details (lib/domain/forms/booking-form.ts): the
 * button pressed, and the form's token, which makes sending it twice book once.
 */
export const bookingRequestFields = {
	action: oneOf(bookingModes, BOOKING_UNREADABLE),
	formToken: formToken('The form had expired. Check your details and send it again.'),
};

/** The same for a volunteer booking someone in; with no token, the booking gets a new one. */
export const assistedBookingRequestFields = {
	action: oneOf(bookingModes, 'The form could not be read. Try again'),
	formToken: blankOr(formToken('The form had expired. Check the details and send it again.'), null),
};

/** The buttons on a booking's own page: accept an offered place, or cancel. */
export const manageActions = actions({
	fields: { accept: {}, cancel: {} },
	unknown: BOOKING_UNREADABLE,
});

/** Finding a booking by its reference and the contact detail given. */
export const findBookingFields = {
	reference: z
		.string()
		.min(1, 'Enter your booking reference')
		.pipe(
			normalised(
				normaliseReference,
				'Enter the reference as it appears on your confirmation, like KT7-4MX',
			),
		),
	contact: required(
		254,
		'Enter the email address or phone number you gave when you booked',
		'Email address or phone number',
	),
};

// A person's data.

const CONTACT = 'Enter an email address, like name@example.org, or a UK phone number';
const contact = z
	.string()
	.max(254, CONTACT)
	.transform((typed, ctx) => {
		const parsed = parseContact(typed);
		if (parsed) return parsed;
		ctx.addIssue({ code: 'custom', message: CONTACT });
		return z.NEVER;
	});

/** Finding, copying or erasing a person's data; erasing needs the box ticked. */
export const peopleActions = actions({
	fields: {
		find: { contact },
		export: { contact },
		erase: {
			contact,
			confirm: oneOf(['yes'] as const, 'Confirm that you have checked this is the right person'),
		},
	},
	unknown: 'Send the form again',
});

/** How many bookings and messages were erased, as the people page's address carries them. */
export const erasedCount = wholeNumber(0, 999_999, 'Not a count');

// The import page.

/** Largest file the import page takes (the whole request is limited to this too). */
export const MAX_UPLOAD_BYTES = 1024 * 1024;
/** Most files the import page takes at once (a data package has fewer than 20 tables). */
export const MAX_UPLOAD_FILES = 30;
export const UPLOAD_TOO_BIG =
	'The file could not be read. It must be smaller than 1 MB: for a larger directory, upload the .zip data package or use npm run import';
export const IMPORT_NOT_HELD =
	'The checked file is no longer held (after an hour, or a restart). Choose the file again';

/** The files chosen for an import (those posted empty, as when none is chosen, left out). */
export const uploads = z
	.array(
		z.object({
			name: z.string().max(200, 'File names must be 200 characters or fewer'),
			size: z.number().max(MAX_UPLOAD_BYTES, UPLOAD_TOO_BIG),
		}),
	)
	.max(
		MAX_UPLOAD_FILES,
		`Choose at most ${MAX_UPLOAD_FILES} files: for a larger directory, upload the .zip data package`,
	);

/** The token of a checked or applied import, as the import page's address carries it. */
export const importToken = token(64, IMPORT_NOT_HELD);

/** Checking a file (a dry run), or importing the one checked, held under a token. */
export const importActions = actions({
	fields: {
		check: {
			json: z
				.string()
				.max(
					MAX_UPLOAD_BYTES,
					'The pasted JSON must be smaller than 1 MB: for a larger directory, upload the .zip data package or use npm run import',
				),
		},
		apply: { token: importToken },
	},
	unknown: 'The form could not be read. Choose the file and check it again',
	raw: ['json'],
});

// Staff editing of the directory.

export const EDIT_UNREADABLE = 'The form could not be read. Send it again';

/** The buttons on a hub's or service's page: save the draft, publish, unpublish, review, discard. */
export const draftedEditActions = actions({
	fields: { save: {}, publish: {}, unpublish: {}, reviewed: {}, discard: {} },
	unknown: EDIT_UNREADABLE,
});
