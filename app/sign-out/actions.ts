'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { destroySession, getSessionUser, SESSION_COOKIE } from '@/db/auth/sessions';
import { serverLog, userRef } from '@/lib/log';

/** Ends the session on the server, not only in the browser. */
export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  const id = jar.get(SESSION_COOKIE)?.value;
  if (id) {
    const user = getSessionUser(getDb(), id);
    await queueWrite(() => destroySession(getDb(), id));
    if (user) serverLog().info({ event: 'sign_out', user: userRef(user) }, 'sign_out');
  }
  jar.delete(SESSION_COOKIE);
  redirect('/');
}
