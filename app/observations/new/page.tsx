import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { getCurrentUser } from '@/app/_server/current-user';
import { can } from '@/lib/auth/roles';
import { Alert } from '../../_components/alert';
import { EMPTY_FORM, ObservationForm } from '../../_components/forms/observation-form';
import { formOptions } from '../form-options';

export const metadata: Metadata = { title: 'Add a figure' };

export default async function NewObservationPage() {
  await connection();
  const user = await getCurrentUser();
  if (!can(user?.role, 'edit_figures'))
    return (
      <>
        <h1 className="text-3xl font-bold">Add a figure</h1>
        <Alert tone="error" role={null} className="mt-4">
          You need an officer account to add or change figures.{' '}
          {user ? 'Ask an administrator to change your role.' : <Link href="/sign-in?next=/observations/new" className="underline">Sign in</Link>}
        </Alert>
      </>
    );
  return (
    <>
      <h1 className="text-3xl font-bold">Add a figure</h1>
      <p className="mt-2 max-w-2xl text-slate-700">Record one figure with its qualifier, basis, period and the sentence it comes from.</p>
      <ObservationForm mode="create" initial={EMPTY_FORM} {...formOptions(getDb())} />
    </>
  );
}
