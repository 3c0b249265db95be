/**
 * Password rules (NCSC guidance: length over complexity): at least 12 characters, at most 256, not
 * one of the commonly used passwords (checked by the caller against a list), and not the email.
 */

/** Shortest password allowed. */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password allowed. */
export const MAX_PASSWORD_LENGTH = 256;

/** What is wrong with a new password, or null when it is acceptable. */
export function passwordProblem(
	password: string,
	email: string,
	isCommon: (p: string) => boolean,
): string | null {
	if (password.length === 0) return 'Enter a password';
	if ([...password].length < MIN_PASSWORD_LENGTH)
		return `Password must be ${MIN_PASSWORD_LENGTH} characters or more. Three random words make a good password`;
	if (password.length > MAX_PASSWORD_LENGTH)
		return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
	if (password.trim().toLowerCase() === email.trim().toLowerCase())
		return 'Password must not be your email address';
	if (isCommon(password) || isCommon(password.toLowerCase()))
		return 'That password is too common and easy to guess. Choose a different one';
	return null;
}
