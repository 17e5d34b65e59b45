'use client';

import { useActionState } from 'react';
import { Alert } from '@/app/_components/alert';
import { NewPasswordFields } from '@/app/_components/forms/password-fields';
import { changeOwnPasswordAction } from './actions';
import type { PasswordState } from '../invite/[token]/actions';

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<PasswordState & { done?: boolean }, FormData>(changeOwnPasswordAction, { errors: {} });
  return (
    <form action={action} className="mt-4 max-w-sm space-y-4" noValidate>
      {state.errors.form && <Alert tone="error" className="text-sm">{state.errors.form}</Alert>}
      {state.done && <Alert tone="success" className="text-sm">Your password has been changed. Your other sessions have been signed out.</Alert>}
      <div>
        <label htmlFor="current" className="block font-semibold">Current password</label>
        {state.errors.current && <p id="current-error" className="text-sm text-red-800">{state.errors.current}</p>}
        <input id="current" name="current" type="password" autoComplete="current-password" aria-invalid={!!state.errors.current}
          aria-describedby={state.errors.current ? 'current-error' : undefined} className="mt-1 w-full rounded border border-slate-600 px-2 py-1" />
      </div>
      <NewPasswordFields errors={state.errors} />
      <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 text-white disabled:opacity-60">
        {pending ? 'Saving…' : 'Change my password'}
      </button>
    </form>
  );
}
