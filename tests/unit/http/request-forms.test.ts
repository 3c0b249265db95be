import { describe, expect, it } from 'vitest';
import { checkAction, checkPosted, flag, param } from '../../../src/lib/server/http/posted.ts';
import {
	CHECK_IN_FAILED,
	EMAIL_FORMAT,
	IMPORT_NOT_HELD,
	PASSWORDS_DIFFER,
	SIGN_IN_MISSING,
	SIGN_IN_WRONG,
	UPLOAD_TOO_BIG,
	accountChangeFields,
	assistedBookingRequestFields,
	bookingRequestFields,
	closureFields,
	closureInOrder,
	draftedEditActions,
	erasedCount,
	findBookingFields,
	forgotPasswordFields,
	checkInvitation,
	importActions,
	manageActions,
	messageRetryFields,
	nextPage,
	peopleActions,
	registerActions,
	reminderFields,
	samePasswords,
	sessionChangeActions,
	setPasswordFields,
	signInFields,
	uploads,
} from '../../../src/lib/server/http/request-forms.ts';

/** A posted form: each value once, or a list of values posted under the same name. */
function posted(fields: Record<string, string | string[]>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields))
		for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
	return form;
}

const ID = '3f6d2a8e-0b1c-5d4e-8f9a-0123456789ab';
const messages = (r: { ok: boolean; errors?: { field: string; message: string }[] }) =>
	r.ok ? [] : r.errors!.map((e) => e.message);

describe('forms with actions', () => {
	it('refuses an action no button posts, with the form’s own message, and reads nothing else', () => {
		for (const action of ['', 'explode', 'walk_ins', 'WALK-INS', 'x'.repeat(5000)]) {
			const r = checkAction(posted({ action, walkIns: '2' }), registerActions);
			expect(r, action.slice(0, 20)).toEqual({
				ok: false,
				action: null,
				errors: [{ field: 'action', message: CHECK_IN_FAILED }],
				input: {},
			});
		}
		const missing = checkAction(posted({}), sessionChangeActions);
		expect(messages(missing)).toEqual([
			'Choose whether to change the places, move the session or cancel it',
		]);
		expect(checkAction(posted({ action: 'save!' }), draftedEditActions).ok).toBe(false);
		expect(checkAction(posted({ action: 'delete' }), manageActions).ok).toBe(false);
		expect(
			checkAction(posted({ action: 'drop', contact: 'a@example.org' }), peopleActions),
		).toMatchObject({
			ok: false,
			errors: [{ message: 'Send the form again' }],
		});
	});

	it('gives the chosen action its own fields, typed', () => {
		const r = checkAction(posted({ action: 'walk-ins', walkIns: ' 12 ' }), registerActions);
		expect(r.ok && r.request).toEqual({ action: 'walk-ins', walkIns: 12 });
		const move = checkAction(
			posted({ action: 'move-booking', booking: ID, to: ID.toUpperCase() }),
			registerActions,
		);
		expect(move.ok && move.request).toEqual({
			action: 'move-booking',
			booking: ID,
			to: ID.toUpperCase(),
		});
		expect(checkAction(posted({ action: 'publish' }), draftedEditActions)).toMatchObject({
			ok: true,
			request: { action: 'publish' },
		});
	});
});

describe('the register', () => {
	it.each([
		['attended', CHECK_IN_FAILED],
		['no-show', CHECK_IN_FAILED],
		['clear', CHECK_IN_FAILED],
		['phoned', 'That call could not be recorded. Reload the register and try again'],
		['cancel-booking', 'That booking is not on this register any more'],
		['offer', 'That person is not on the waiting list any more'],
		['move-booking', 'That booking or date is not available any more'],
	])('refuses a booking id that the site never makes for %s', (action, message) => {
		for (const booking of ['', "1' or '1'='1", '<script>', 'x'.repeat(41), 'a b']) {
			const r = checkAction(posted({ action, booking, to: ID }), registerActions);
			expect(messages(r), booking.slice(0, 20)).toEqual([message]);
		}
	});

	it('takes 0 to 999 walk-ins, as a whole number', () => {
		const walkIns = (value: string) =>
			checkAction(posted({ action: 'walk-ins', walkIns: value }), registerActions);
		expect(walkIns('0').ok).toBe(true);
		expect(walkIns('999').ok).toBe(true);
		for (const bad of ['', '-1', '1000', '1.5', '1e3', '99999999999999999999', 'two'])
			expect(messages(walkIns(bad)), bad).toEqual([
				'Enter the number of walk-ins as a whole number from 0 to 999',
			]);
	});
});

describe('changing a session', () => {
	const change = (fields: Record<string, string>) =>
		checkAction(posted(fields), sessionChangeActions);

	it('checks the places', () => {
		expect(change({ action: 'capacity', capacity: '12' })).toMatchObject({
			ok: true,
			request: { capacity: 12 },
		});
		for (const bad of ['0', '10001', 'x', ''])
			expect(change({ action: 'capacity', capacity: bad })).toMatchObject({
				ok: false,
				action: 'capacity',
				errors: [
					{
						field: 'capacity',
						message: 'Enter the number of places as a whole number from 1 to 10000',
					},
				],
			});
	});

	it('checks a move: a real date, times, the end after the start, a reason of a sensible size', () => {
		const move = {
			action: 'move',
			date: '2027-01-05',
			startTime: '10:00',
			endTime: '11:30',
			moveReason: 'The hall is booked',
		};
		expect(change(move).ok).toBe(true);
		expect(messages(change({ ...move, date: '2027-02-30' }))).toEqual([
			'Enter a real date for the session',
		]);
		expect(messages(change({ ...move, startTime: '25:61' }))).toEqual([
			'Enter start and end times like 10:00 or 14:30',
		]);
		expect(messages(change({ ...move, endTime: '09:00' }))).toEqual([
			'The end time must be after the start time',
		]);
		expect(messages(change({ ...move, moveReason: '' }))).toEqual([
			'Enter the reason, so people know why the session has moved',
		]);
		expect(messages(change({ ...move, moveReason: 'x'.repeat(301) }))).toEqual([
			'Reason must be 300 characters or fewer',
		]);
	});

	it('checks a cancellation’s reason', () => {
		expect(change({ action: 'cancel', cancelReason: '  Storm  ' })).toMatchObject({
			ok: true,
			request: { cancelReason: 'Storm' },
		});
		expect(messages(change({ action: 'cancel', cancelReason: ' ' }))).toEqual([
			'Enter the reason, so people know why the session is cancelled',
		]);
		expect(messages(change({ action: 'cancel', cancelReason: 'x'.repeat(301) }))).toEqual([
			'Reason must be 300 characters or fewer',
		]);
	});
});

describe('closing a hub', () => {
	const close = (fields: Record<string, string>) =>
		checkPosted(posted(fields), closureFields, { rules: closureInOrder });
	const closure = { startsOn: '2027-05-01', endsOn: '2027-05-02', reason: 'Refurbishment' };

	it('takes real dates in order and a reason of up to 200 characters', () => {
		expect(close(closure)).toMatchObject({ ok: true, values: closure });
		expect(close({ ...closure, endsOn: '2027-05-01' }).ok).toBe(true);
		expect(messages(close({ ...closure, startsOn: '2027-02-29' }))).toEqual([
			'Enter real dates for the start and end of the closure',
		]);
		expect(messages(close({ ...closure, endsOn: '2027-04-30' }))).toEqual([
			'The last day must be the same as or after the first day',
		]);
		for (const reason of ['', 'x'.repeat(201)])
			expect(messages(close({ ...closure, reason }))).toEqual([
				'Enter the reason for the closure, in 200 characters or fewer',
			]);
	});
});

describe('signing in and passwords', () => {
	const signIn = (fields: Record<string, string>) =>
		checkPosted(posted(fields), signInFields, { raw: ['password'] });

	it('keeps the password exactly as typed, and drops a return address that is too long', () => {
		const r = signIn({ email: ' staff@example.org ', password: ' pass word ', next: '/admin' });
		expect(r).toMatchObject({
			ok: true,
			values: { email: 'staff@example.org', password: ' pass word ', next: '/admin' },
		});
		const long = signIn({ email: 'a@example.org', password: 'p', next: `/${'x'.repeat(600)}` });
		expect(long.ok && long.values.next).toBe('');
	});

	it('asks for both, and answers anything that cannot be an account as a wrong password', () => {
		expect(messages(signIn({ email: '', password: 'p' }))).toEqual([SIGN_IN_MISSING]);
		expect(messages(signIn({ email: 'a@example.org', password: '' }))).toEqual([SIGN_IN_MISSING]);
		expect(messages(signIn({ email: 'not an email', password: 'p' }))).toEqual([SIGN_IN_WRONG]);
		expect(messages(signIn({ email: `${'a'.repeat(250)}@example.org`, password: 'p' }))).toEqual([
			SIGN_IN_WRONG,
		]);
		expect(messages(signIn({ email: 'a@example.org', password: 'p'.repeat(257) }))).toEqual([
			SIGN_IN_WRONG,
		]);
	});

	it('wants the same new password twice, of at most 256 characters', () => {
		const set = (password: string, confirm: string) =>
			checkPosted(posted({ password, confirm }), setPasswordFields, {
				raw: ['password', 'confirm'],
				rules: samePasswords,
			});
		expect(set(' three random words ', ' three random words ')).toMatchObject({
			ok: true,
			values: { password: ' three random words ' },
		});
		expect(messages(set('three random words', 'three random word'))).toEqual([PASSWORDS_DIFFER]);
		expect(messages(set('three random words', 'three random words '))).toEqual([PASSWORDS_DIFFER]);
		expect(messages(set('w'.repeat(257), 'w'.repeat(257)))[0]).toBe(
			'Password must be 256 characters or fewer',
		);
		expect(messages(set('w'.repeat(20), 'w'.repeat(300)))).toEqual([PASSWORDS_DIFFER]);
	});

	it('asks for an email address for a reset link', () => {
		const forgot = (email: string) => checkPosted(posted({ email }), forgotPasswordFields);
		expect(forgot(' staff@example.org ')).toMatchObject({
			ok: true,
			values: { email: 'staff@example.org' },
		});
		expect(messages(forgot(''))).toEqual(['Enter your email address']);
		expect(messages(forgot('staff'))).toEqual([EMAIL_FORMAT]);
		expect(messages(forgot(`${'a'.repeat(250)}@example.org`))).toEqual([EMAIL_FORMAT]);
	});
});

describe('accounts', () => {
	it('changes an account only with a known action and an id the site makes', () => {
		const change = (fields: Record<string, string>) =>
			checkPosted(posted(fields), accountChangeFields);
		expect(change({ accountAction: 'deactivate', user: ID })).toMatchObject({
			ok: true,
			values: { accountAction: 'deactivate', user: ID },
		});
		expect(messages(change({ accountAction: 'delete', user: ID }))).toEqual([
			'Choose what to do with the account',
		]);
		expect(messages(change({ accountAction: 'end-sessions', user: `${ID}'--` }))).toEqual([
			'That account does not exist',
		]);
	});

	it('invites with every wrong field named at once, in form order', () => {
		const check = (fields: Record<string, string | string[]>) =>
			checkInvitation(posted(fields), ['hub-a', 'hub-b']);
		expect(
			check({ name: 'Ann', email: 'Ann@Example.org', role: 'volunteer', hub: ['hub-b', 'hub-b'] }),
		).toMatchObject({
			ok: true,
			values: { name: 'Ann', email: 'ann@example.org', role: 'volunteer', hubs: ['hub-b'] },
		});
		expect(check({ name: 'Sam', email: 'sam@example.org', role: 'staff' }).ok).toBe(true);
		const wrong = check({ name: 'x'.repeat(101), email: 'nope', role: 'admin', hub: ['x'] });
		expect(!wrong.ok && wrong.errors).toEqual([
			{ field: 'name', message: 'Name must be 100 characters or fewer' },
			{ field: 'email', message: EMAIL_FORMAT },
			{ field: 'role', message: 'Select staff or volunteer' },
			{ field: 'hubs', message: 'Select hubs from the list' },
		]);
		const none = check({ name: '', email: 'v@example.org', role: 'volunteer' });
		expect(!none.ok && none.errors).toEqual([
			{ field: 'name', message: 'Enter the person’s name' },
			{ field: 'hubs', message: 'Select at least one hub for a volunteer' },
		]);
		expect(
			messages(
				check({
					name: 'Ann',
					email: 'a@example.org',
					role: 'volunteer',
					hub: Array(101).fill('hub-a'),
				}),
			),
		).toEqual(['Select hubs from the list']);
	});
});

describe('a hub’s reminder time and messages', () => {
	it('reads an empty reminder time as the usual one, else 1 to 168 hours', () => {
		const hours = (reminderHours: string) => checkPosted(posted({ reminderHours }), reminderFields);
		expect(hours(' ')).toMatchObject({ ok: true, values: { reminderHours: null } });
		expect(hours('48')).toMatchObject({ ok: true, values: { reminderHours: 48 } });
		for (const bad of ['0', '169', 'soon', '-1'])
			expect(messages(hours(bad)), bad).toEqual([
				'Enter the number of hours as a whole number from 1 to 168, or leave it empty for the usual time',
			]);
	});

	it('retries only a message id the site makes', () => {
		expect(checkPosted(posted({ message: ID }), messageRetryFields).ok).toBe(true);
		expect(messages(checkPosted(posted({ message: '../../x' }), messageRetryFields))).toEqual([
			'That message could not be sent again. It may have been retried already',
		]);
	});
});

describe('bookings', () => {
	it('refuses a booking form sent without its button or with a token the site never made', () => {
		const token = 'abcdefghijklmnop2345';
		expect(
			checkPosted(posted({ action: 'wait', formToken: token }), bookingRequestFields),
		).toMatchObject({ ok: true, values: { action: 'wait', formToken: token } });
		const r = checkPosted(posted({ action: 'pay', formToken: 'short' }), bookingRequestFields);
		expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['action', 'formToken']);
		const assisted = checkPosted(posted({ action: 'book' }), assistedBookingRequestFields);
		expect(assisted).toMatchObject({ ok: true, values: { formToken: null } });
	});

	it('finds a booking by a reference written any way, and a contact detail of a sensible size', () => {
		const find = (fields: Record<string, string>) => checkPosted(posted(fields), findBookingFields);
		expect(find({ reference: ' kt7 4mx ', contact: 'ann@example.org' })).toMatchObject({
			ok: true,
			values: { reference: 'KT7-4MX', contact: 'ann@example.org' },
		});
		expect(messages(find({ reference: '', contact: '' }))).toEqual([
			'Enter your booking reference',
			'Enter the email address or phone number you gave when you booked',
		]);
		expect(messages(find({ reference: 'KT7-4M', contact: 'x'.repeat(255) }))).toEqual([
			'Enter the reference as it appears on your confirmation, like KT7-4MX',
			'Email address or phone number must be 254 characters or fewer',
		]);
	});
});

describe('a person’s data', () => {
	const people = (fields: Record<string, string>) => checkAction(posted(fields), peopleActions);

	it('finds by an email address or UK phone number', () => {
		expect(people({ action: 'find', contact: ' Ann@Example.org ' })).toMatchObject({
			ok: true,
			request: { action: 'find', contact: { email: 'ann@example.org' } },
		});
		expect(people({ action: 'export', contact: '0141 496 0999' }).ok).toBe(true);
		for (const contact of ['', 'not a contact', `${'a'.repeat(250)}@example.org`])
			expect(messages(people({ action: 'find', contact }))).toEqual([
				'Enter an email address, like name@example.org, or a UK phone number',
			]);
	});

	it('erases only with the box ticked', () => {
		const erase = people({ action: 'erase', contact: 'ann@example.org' });
		expect(!erase.ok && erase.errors).toEqual([
			{ field: 'confirm', message: 'Confirm that you have checked this is the right person' },
		]);
		expect(people({ action: 'erase', contact: 'ann@example.org', confirm: 'yes' }).ok).toBe(true);
	});
});

describe('the import page', () => {
	it('applies only a token the site makes, and keeps pasted JSON exactly as sent', () => {
		const apply = checkAction(posted({ action: 'apply', token: 'a/../b' }), importActions);
		expect(messages(apply)).toEqual([IMPORT_NOT_HELD]);
		const json = '\n\n  {"services": []}\r\n';
		const check = checkAction(posted({ action: 'check', json }), importActions);
		expect(check.ok && check.request).toEqual({ action: 'check', json });
		expect(messages(checkAction(posted({ action: 'import' }), importActions))).toEqual([
			'The form could not be read. Choose the file and check it again',
		]);
	});

	it('takes at most 30 files of at most 1 MB each', () => {
		const file = (size: number) => ({ name: 'services.csv', size });
		expect(uploads.safeParse([file(10), file(1024 * 1024)]).success).toBe(true);
		expect(uploads.safeParse([file(1024 * 1024 + 1)]).error?.issues[0]?.message).toBe(
			UPLOAD_TOO_BIG,
		);
		expect(uploads.safeParse(Array(31).fill(file(10))).error?.issues[0]?.message).toMatch(
			/^Choose at most 30 files/,
		);
	});
});

describe('query flags', () => {
	const url = (query: string) => new URL(`http://localhost/page?${query}`);

	it('reads a flag only when it is one of the values the page shows', () => {
		expect(flag(url('done=saved'), 'done', ['saved', 'created'])).toBe('saved');
		expect(flag(url('done=deleted'), 'done', ['saved', 'created'])).toBeNull();
		expect(flag(url('other=1'), 'done', ['saved'])).toBeNull();
		expect(flag(url('changed=1'), 'changed', ['1'])).toBe('1');
		expect(flag(url('changed=yes'), 'changed', ['1'])).toBeNull();
	});

	it('reads a count only as a number, so an address cannot put words in a confirmation', () => {
		expect(param(url('erased=3'), 'erased', erasedCount)).toBe(3);
		expect(param(url('erased=all+of+them'), 'erased', erasedCount)).toBeNull();
		expect(param(url('erased=-1'), 'erased', erasedCount)).toBeNull();
		expect(param(url(`next=/${'x'.repeat(600)}`), 'next', nextPage)).toBeNull();
		expect(param(url('next=/admin'), 'next', nextPage)).toBe('/admin');
	});
});
