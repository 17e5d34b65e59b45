'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { destroySession, SESSION_COOKIE } from '@/lib/auth/sessions';

/** Ends the session on the server, not only in the browser. */
export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  const id = jar.get(SESSION_COOKIE)?.value;
  if (id) destroySession(getDb(), id);
  jar.delete(SESSION_COOKIE);
  redirect('/');
}
