// The signed-in user of the current request (server only).
import { cookies } from 'next/headers';
import { getDb } from '../../db/client';
import { getSessionUser, SESSION_COOKIE } from '../../db/auth/sessions';
import { type SessionUser } from '../../lib/auth/roles';
import { env } from '../../lib/env';

export async function getCurrentUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  return getSessionUser(getDb(), jar.get(SESSION_COOKIE)?.value);
}

/** REQUIRE_SIGN_IN=1 makes every page and export need a signed-in user. */
export function signInRequired(): boolean {
  return env().REQUIRE_SIGN_IN === '1';
}

/** Only a path on this site may be returned to after signing in (no open redirects). */
export function safeReturnPath(next: string | null | undefined): string {
  return next && /^\/(?!\/)[^\s\\]*$/.test(next) && !next.startsWith('/sign-in') ? next : '/';
}
