import Link from 'next/link';
import type { SessionUser } from '@/lib/auth/roles';
import { Alert } from './alert';

/** What a page for officers shows to everyone else: why, and how to get in. */
export function OfficersOnly({ title, doing, user, returnTo }: { title: string; doing: string; user: SessionUser | null; returnTo: string }) {
  return (
    <>
      <h1 className="text-3xl font-bold">{title}</h1>
      <Alert tone="error" role={null} className="mt-4">
        You need an officer account to {doing}.{' '}
        {user ? 'Ask an administrator to change your role.' : <Link href={`/sign-in?next=${encodeURIComponent(returnTo)}`} className="underline">Sign in</Link>}
      </Alert>
    </>
  );
}
