'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { annotationInputSchema } from '@/lib/annotation-input';
import type { Annotation } from '@/db/queries/annotations';
import { Alert } from '../_components/alert';
import { useHydrated } from '../_components/forms/use-hydrated';
import { sendJson, useFormSender } from '../_components/forms/send-form';
import { ReadyFieldset } from '@/app/_components/forms/ready-fieldset';

type Option = { value: string; label: string };
type Field = 'date' | 'text' | 'scope';
const EMPTY = { date: '', text: '', scope: '' };

/** Adding a dated note, and changing or removing one from the list; the same schema checks here and on the server. */
export function AnnotationEditor({ notes, scopes }: { notes: Annotation[]; scopes: Option[] }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [editing, setEditing] = useState<number | null>(null);
  const [values, setValues] = useState<Record<Field, string>>(EMPTY);
  const { errors, setErrors, done, setDone, busy, submit: send } = useFormSender<Record<Field, string>>(
    annotationInputSchema,
    () => (editing ? ['PUT', `/api/annotations/${editing}`] : ['POST', '/api/annotations']),
    () => {
      const said = editing ? 'Note changed.' : 'Note added.';
      setEditing(null);
      setValues(EMPTY);
      return said;
    },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(values);
  };

  async function remove(n: Annotation) {
    const refused = await sendJson('DELETE', `/api/annotations/${n.id}`, {}, 'Nothing was removed.');
    if (refused) return setErrors(refused);
    setDone('Note removed.');
    router.refresh();
  }

  const props = (name: Field) => ({
    id: `note-${name}`,
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues({ ...values, [name]: e.target.value }),
    'aria-invalid': !!errors[name],
    'aria-describedby': errors[name] ? `note-${name}-error` : undefined,
    className: 'mt-1 w-full rounded border border-slate-600 bg-white px-2 py-1',
  });
  const label = (name: Field, text: string) => (
    <>
      <label htmlFor={`note-${name}`} className="block font-semibold">{text}</label>
      {errors[name] && <p id={`note-${name}-error`} className="text-sm font-semibold text-red-800">{errors[name]}</p>}
    </>
  );

  return (
    <>
      <form onSubmit={submit} noValidate className="mt-4 grid max-w-3xl gap-4 rounded border border-slate-300 p-4 sm:grid-cols-[10rem_1fr]">
        <ReadyFieldset>
        {errors.form && <Alert tone="error" className="text-sm font-semibold sm:col-span-2">{errors.form}</Alert>}
        {done && <p role="status" className="font-semibold text-green-800 sm:col-span-2">{done}</p>}
        <div>{label('date', 'Date')}<input type="date" {...props('date')} /></div>
        <div>{label('text', 'Note')}<input type="text" {...props('text')} /></div>
        <div className="sm:col-span-2">
          {label('scope', 'About')}
          <select {...props('scope')}>
            <option value="">Everything</option>
            {scopes.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </div>
        <div className="flex gap-3 sm:col-span-2">
          <button type="submit" disabled={busy || !hydrated} className="rounded bg-slate-900 px-4 py-2 text-white disabled:opacity-60">
            {busy ? 'Saving…' : editing ? 'Save changes' : 'Add note'}
          </button>
          {editing && <button type="button" onClick={() => { setEditing(null); setValues(EMPTY); setErrors({}); }} className="rounded border border-slate-900 px-4 py-2">Cancel</button>}
        </div>
        </ReadyFieldset>
      </form>
      <ul className="mt-6 divide-y divide-slate-300" aria-label="Notes, latest first" data-testid="annotations">
        {notes.length === 0 && <li className="py-2 text-slate-700">No notes yet.</li>}
        {notes.map((n) => (
          <li key={n.id} className="flex flex-wrap items-baseline gap-3 py-2">
            <span className="tabular whitespace-nowrap font-semibold">{n.date}</span>{' '}
            <span>{n.text}</span>{' '}
            <span className="text-sm text-slate-700">({n.about})</span>{' '}
            <span className="ml-auto flex gap-2">
              <button type="button" disabled={!hydrated} onClick={() => { setEditing(n.id); setValues({ date: n.date, text: n.text, scope: n.scope }); setDone(null); }} className="rounded border border-slate-900 px-2 py-0.5 text-sm" aria-label={`Change the note: ${n.text}`}>
                Change
              </button>
              <button type="button" disabled={!hydrated} onClick={() => void remove(n)} className="rounded border border-slate-900 px-2 py-0.5 text-sm" aria-label={`Remove the note: ${n.text}`}>
                Remove
              </button>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
