'use client';
// The new-password fields both password forms share: the password and its repeat, each with its
// message, and the rule said before anything is typed.
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rule';

export function NewPasswordFields({ errors }: { errors: { password?: string; repeat?: string } }) {
  return (
    <>
      <div>
        <label htmlFor="password" className="block font-semibold">New password</label>
        <p id="password-hint" className="text-sm text-slate-600">At least {MIN_PASSWORD_LENGTH} characters; a few words together are easy to remember.</p>
        {errors.password && <p id="password-error" className="text-sm text-red-800">{errors.password}</p>}
        <input id="password" name="password" type="password" autoComplete="new-password" aria-invalid={!!errors.password}
          aria-describedby={errors.password ? 'password-hint password-error' : 'password-hint'} className="mt-1 w-full rounded border border-slate-600 px-2 py-1" />
      </div>
      <div>
        <label htmlFor="repeat" className="block font-semibold">New password again</label>
        {errors.repeat && <p id="repeat-error" className="text-sm text-red-800">{errors.repeat}</p>}
        <input id="repeat" name="repeat" type="password" autoComplete="new-password" aria-invalid={!!errors.repeat}
          aria-describedby={errors.repeat ? 'repeat-error' : undefined} className="mt-1 w-full rounded border border-slate-600 px-2 py-1" />
      </div>
    </>
  );
}
