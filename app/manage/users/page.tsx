// Users (administrators): who may sign in, in what role; invite, change a role, disable or
// enable, and force a password reset (db/auth/accounts.ts). Every change is audited.
import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { listUsers } from '@/db/auth/accounts';
import { getCurrentUser } from '@/app/_server/current-user';
import { can } from '@/lib/auth/roles';
import { UsersManager } from './users-manager';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  await connection();
  const user = await getCurrentUser();
  if (!can(user?.role, 'manage_users'))
    return (
      <>
        <h1 className="text-3xl font-bold">Users</h1>
        <p className="mt-2">
          Only administrators manage users.{!user && <> <Link href="/sign-in?next=/manage/users" className="underline">Sign in</Link>.</>}
        </p>
      </>
    );
  return (
    <>
      <h1 className="text-3xl font-bold">Users</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Invite someone and hand them the one-time link (there is no email from the dashboard); change a role; disable a user, whose open sessions
        end at once; or force a password reset. There is always at least one administrator. Every change is in the{' '}
        <Link href="/audit?entity=user" className="underline">audit trail</Link>.
      </p>
      <UsersManager users={listUsers(getDb())} me={user!.id} />
    </>
  );
}
