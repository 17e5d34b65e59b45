// Your account: who you are signed in as, and changing your own password.
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/app/_server/current-user';
import { ChangePasswordForm } from './password-form';

export const metadata: Metadata = { title: 'Your account' };

const ROLE_WORDS = { viewer: 'a viewer', officer: 'an officer', admin: 'an administrator' } as const;

export default async function AccountPage() {
  await connection();
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?next=/account');
  return (
    <>
      <h1 className="text-3xl font-bold">Your account</h1>
      <p className="mt-2 text-slate-700">
        Signed in as <strong>{user.email}</strong>, {ROLE_WORDS[user.role]}.
      </p>
      <h2 className="mt-6 text-xl font-semibold">Change your password</h2>
      <ChangePasswordForm />
    </>
  );
}
