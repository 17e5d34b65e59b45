'use client';

import { useActionState } from 'react';
import { Alert } from '../_components/alert';
import { signInAction, type SignInState } from './actions';

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { email: '', errors: {} });
  return (
    <form action={action} className="mt-4 max-w-sm space-y-4" noValidate>
      {state.errors.form && (
        <Alert tone="error" className="text-sm">
          {state.errors.form}
        </Alert>
      )}
      <input type="hidden" name="next" value={next} />
      <div>
        <label htmlFor="email" className="block font-semibold">Email address</label>
        {state.errors.email && <p id="email-error" className="text-sm text-red-800">{state.errors.email}</p>}
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={state.email}
          aria-invalid={!!state.errors.email}
          aria-describedby={state.errors.email ? 'email-error' : undefined}
          className="mt-1 w-full rounded border border-slate-600 px-2 py-1"
        />
      </div>
      <div>
        <label htmlFor="password" className="block font-semibold">Password</label>
        {state.errors.password && <p id="password-error" className="text-sm text-red-800">{state.errors.password}</p>}
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={!!state.errors.password}
          aria-describedby={state.errors.password ? 'password-error' : undefined}
          className="mt-1 w-full rounded border border-slate-600 px-2 py-1"
        />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 text-white disabled:opacity-60">
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
