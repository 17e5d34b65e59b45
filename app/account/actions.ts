'use server';
// A signed-in user changes their own password, giving the current one first. Open to every
// signed-in user, viewers too: it changes nothing but the caller's own password.

import { cookies } from 'next/headers';
import { getDb } from '@/db/client';
import { passwordHashOf, setOwnPassword } from '@/db/auth/accounts';
import { SESSION_COOKIE } from '@/db/auth/sessions';
import { queueWrite } from '@/db/write-queue';
import { getCurrentUser } from '@/app/_server/current-user';
import { hashPassword, passwordProblem, verifyPassword } from '@/lib/auth/password';
import { logWrite } from '@/lib/log';
import type { PasswordState } from '../invite/[token]/actions';

export async function changeOwnPasswordAction(_previous: PasswordState & { done?: boolean }, form: FormData): Promise<PasswordState & { done?: boolean }> {
  const user = await getCurrentUser();
  if (!user) return { errors: { form: 'Sign in first.' } };
  const current = String(form.get('current') ?? '');
  const password = String(form.get('password') ?? '');
  const repeat = String(form.get('repeat') ?? '');
  const stored = passwordHashOf(getDb(), user.id);
  if (!current || !stored || !(await verifyPassword(current, stored))) return { errors: { current: 'That is not your current password.' } };
  const problem = passwordProblem(password);
  if (problem) return { errors: { password: problem } };
  if (repeat !== password) return { errors: { repeat: 'The two passwords are not the same.' } };
  const hashed = await hashPassword(password);
  const session = (await cookies()).get(SESSION_COOKIE)?.value ?? null;
  await queueWrite(() => setOwnPassword(getDb(), user, hashed, session));
  logWrite(user, 'user.password_change', { userId: user.id });
  return { errors: {}, done: true };
}
