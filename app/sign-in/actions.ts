'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { safeReturnPath } from '@/app/_server/current-user';
import { clientAddress, viaHttps } from '@/app/_server/proxy-headers';
import { cookieOptions, SESSION_COOKIE } from '@/db/auth/sessions';
import { signIn } from '@/db/auth/sign-in';
import { serverLog, userRef } from '@/lib/log';

const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address').max(320).email('Enter an email address like name@council.gov.uk'),
  password: z.string().min(1, 'Enter your password').max(1024),
  next: z.string().max(2000).optional(),
});

export interface SignInState {
  email: string;
  errors: { email?: string; password?: string; form?: string };
}

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({ email: form.get('email'), password: form.get('password'), next: form.get('next') ?? undefined });
  const email = String(form.get('email') ?? '').slice(0, 320);
  if (!parsed.success) {
    const fields = parsed.error.flatten().fieldErrors;
    return { email, errors: { email: fields.email?.[0], password: fields.password?.[0] } };
  }
  const h = await headers();
  // Known only behind a trusted proxy (TRUST_PROXY=1); without one, sign-in slows accounts down
  // but holds off no address (db/auth/sign-in.ts).
  const address = clientAddress(h);
  const result = await signIn(getDb(), parsed.data.email, parsed.data.password, address);
  if (!result.ok) {
    // The email tried and the address are logged, never the password.
    serverLog().warn({ event: 'sign_in.refused', email: parsed.data.email, address, throttled: !!result.waitSeconds }, 'sign_in.refused');
    return { email, errors: { form: result.message } };
  }
  serverLog().info({ event: 'sign_in', user: userRef(result.user), address }, 'sign_in');
  const secure = viaHttps(h);
  (await cookies()).set(SESSION_COOKIE, result.session.id, cookieOptions(result.session.expiresAt, secure));
  redirect(safeReturnPath(parsed.data.next));
}
