// A one-time link an administrator handed out: set a first password (an invitation) or a new one
// (a reset), and be signed in. A link that has expired, been used or been replaced says so.
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { findToken } from '@/db/auth/accounts';
import { Alert } from '@/app/_components/alert';
import { LinkPasswordForm } from './password-form';

export const metadata: Metadata = { title: 'Set your password', referrer: 'no-referrer' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const found = findToken(getDb(), token);
  return (
    <>
      <h1 className="text-3xl font-bold">{found?.kind === 'reset' ? 'Set a new password' : 'Set your password'}</h1>
      {found ? (
        <>
          <p className="mt-2 max-w-xl text-slate-700">
            For <strong>{found.email}</strong>. This link works once; after this you sign in with your email address and this password.
          </p>
          <LinkPasswordForm token={token} />
        </>
      ) : (
        <Alert tone="error" className="mt-4 max-w-xl">
          This link has expired or has been used. Ask an administrator for a new one.
        </Alert>
      )}
    </>
  );
}
