// The rule for a new password, apart from hashing (lib/auth/password.ts) so that forms in the
// browser can say it too.
export const MIN_PASSWORD_LENGTH = 12;

/** Why a new password is not acceptable, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 1024) return 'Use at most 1,024 characters.';
  return null;
}
