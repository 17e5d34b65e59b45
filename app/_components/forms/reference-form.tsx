'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { REFERENCE_SCHEMAS, type ReferenceKind } from '@/lib/reference-input';
import { Alert } from '../alert';
import { useHydrated } from './use-hydrated';
import { ReadyFieldset } from './ready-fieldset';

export interface ReferenceField {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'date' | 'select';
  options?: { value: string; label: string }[];
  hint?: string;
}

/** Adding a board, programme, metric or source: the same schema checks here and on the server. */
export function ReferenceForm({ kind, fields, after, initial = {} }: { kind: ReferenceKind; fields: ReferenceField[]; after: string; initial?: Record<string, string> }) {
  const hydrated = useHydrated();
  const router = useRouter();
  // `initial` fills fields from the address (a name the review screen suggests); a select keeps it only if it is one of its options.
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      fields.map((f) => {
        const given = initial[f.name];
        const usable = given !== undefined && (!f.options || f.options.some((o) => o.value === given));
        return [f.name, usable ? given : (f.options?.[0]?.value ?? '')];
      }),
    ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const check = REFERENCE_SCHEMAS[kind].safeParse(values);
    if (!check.success) {
      const found: Record<string, string> = {};
      for (const issue of check.error.issues) found[String(issue.path[0])] ??= issue.message;
      setErrors({ ...found, form: 'Check the highlighted fields; nothing has been saved.' });
      return;
    }
    setBusy(true);
    try {
      const response = await fetch(`/api/reference/${kind}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(values) });
      const body = (await response.json().catch(() => ({}))) as { id?: number; slug?: string; fields?: Record<string, string>; error?: string };
      if (!response.ok) {
        setErrors({ ...(body.fields ?? {}), form: body.error ?? 'Nothing was saved.' });
        return;
      }
      router.push(after.replace('{slug}', body.slug ?? '').replace('{id}', String(body.id)));
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="mt-4 max-w-xl space-y-4">
      <ReadyFieldset spacing="space-y-4">
      {errors.form && (
        <Alert tone="error" className="text-sm font-semibold">{errors.form}</Alert>
      )}
      {fields.map((f) => {
        const props = {
          id: f.name,
          name: f.name,
          value: values[f.name] ?? '',
          onChange: (e: { target: { value: string } }) => setValues({ ...values, [f.name]: e.target.value }),
          'aria-invalid': !!errors[f.name],
          'aria-describedby': [errors[f.name] ? `${f.name}-error` : '', f.hint ? `${f.name}-hint` : ''].filter(Boolean).join(' ') || undefined,
          className: 'mt-1 w-full rounded border border-slate-600 bg-white px-2 py-1',
        };
        return (
          <div key={f.name}>
            <label htmlFor={f.name} className="block font-semibold">{f.label}</label>
            {f.hint && <p id={`${f.name}-hint`} className="text-sm text-slate-600">{f.hint}</p>}
            {errors[f.name] && <p id={`${f.name}-error`} className="text-sm font-semibold text-red-800">{errors[f.name]}</p>}
            {f.type === 'textarea' ? (
              <textarea {...props} rows={3} />
            ) : f.type === 'select' ? (
              <select {...props}>
                {f.options!.map((o) => (
                  <option key={o.value} value={o.value}>{o.label}</option>
                ))}
              </select>
            ) : (
              <input {...props} type={f.type} />
            )}
          </div>
        );
      })}
      <button type="submit" disabled={busy || !hydrated} className="rounded bg-slate-900 px-4 py-2 text-white disabled:opacity-60">
        {busy ? 'Saving…' : 'Add'}
      </button>
      </ReadyFieldset>
    </form>
  );
}
