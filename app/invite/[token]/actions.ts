'use server';
// Setting a password from a one-time link (an invitation or a reset an administrator handed
// out), then signing in. Open to anyone holding a link that still works: the link is the proof.

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { redeemToken } from '@/db/auth/accounts';
import { cookieOptions, createSession, SESSION_COOKIE } from '@/db/auth/sessions';
import { queueWrite } from '@/db/write-queue';
import { viaHttps } from '@/app/_server/proxy-headers';
import { hashPassword, passwordProblem } from '@/lib/auth/password';
import { InputError } from '@/lib/errors';
import { serverLog, userRef } from '@/lib/log';

export interface PasswordState {
  errors: { password?: string; repeat?: string; form?: string; current?: string };
}

export async function setPasswordFromLinkAction(_previous: PasswordState, form: FormData): Promise<PasswordState> {
  const token = String(form.get('token') ?? '').slice(0, 100);
  const password = String(form.get('password') ?? '');
  const repeat = String(form.get('repeat') ?? '');
  const problem = passwordProblem(password);
  if (problem) return { errors: { password: problem } };
  if (repeat !== password) return { errors: { repeat: 'The two passwords are not the same.' } };
  const hashed = await hashPassword(password);
  let session;
  try {
    session = await queueWrite(() => {
      const user = redeemToken(getDb(), token, hashed);
      return { user, ...createSession(getDb(), user.id) };
    });
  } catch (error) {
    if (error instanceof InputError) return { errors: { form: error.message } };
    throw error;
  }
  serverLog().info({ event: 'user.password_set', user: userRef(session.user) }, 'user.password_set');
  (await cookies()).set(SESSION_COOKIE, session.id, cookieOptions(session.expiresAt, viaHttps(await headers())));
  redirect('/');
}
