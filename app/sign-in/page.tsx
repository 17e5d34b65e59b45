import type { Metadata } from 'next';
import { connection } from 'next/server';
import { redirect } from 'next/navigation';
import { getCurrentUser, safeReturnPath } from '@/app/_server/current-user';
import type { SearchParams } from '@/lib/filters';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const raw = (await searchParams).next;
  const next = safeReturnPath(Array.isArray(raw) ? raw[0] : raw);
  if (await getCurrentUser()) redirect(next);
  return (
    <>
      <h1 className="text-3xl font-bold">Sign in</h1>
      <p className="mt-2 max-w-xl text-slate-700">
        Officers sign in to keep the figures. Ask an administrator for an account; there are no shared or default passwords.
      </p>
      <SignInForm next={next} />
    </>
  );
}
