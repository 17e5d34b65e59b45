'use client';

import { useActionState } from 'react';
import { Alert } from '@/app/_components/alert';
import { NewPasswordFields } from '@/app/_components/forms/password-fields';
import { setPasswordFromLinkAction, type PasswordState } from './actions';

export function LinkPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<PasswordState, FormData>(setPasswordFromLinkAction, { errors: {} });
  return (
    <form action={action} className="mt-4 max-w-sm space-y-4" noValidate>
      {state.errors.form && <Alert tone="error" className="text-sm">{state.errors.form}</Alert>}
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields errors={state.errors} />
      <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 text-white disabled:opacity-60">
        {pending ? 'Saving…' : 'Set my password and sign in'}
      </button>
    </form>
  );
}
