'use client';

import { useRouter } from 'next/navigation';
import Link from 'next/link';
import { useState, type FormEvent, type ReactNode } from 'react';
import { fieldErrors, observationInputSchema, type FieldErrors, type ObservationFields } from '@/lib/observation-input';
import { Alert } from '../alert';
import { useHydrated } from './use-hydrated';
import { ReadyFieldset } from './ready-fieldset';

interface Option {
  value: string;
  label: string;
}

export type ObservationFormValues = Record<ObservationFields, string>;

export const EMPTY_FORM: ObservationFormValues = {
  programme: '', metric: '', value: '', upper: '', qualifier: 'exact', basis: 'period', periodStart: '', periodEnd: '',
  datePrecision: 'month', note: '', sourceId: '', evidence: '', line: '', reason: '', partOf: '', version: '',
};

/**
 * Adding or correcting a figure. The same zod schema checks the form here (hints) and on the
 * server (the authority); errors sit beside their fields and what was typed is kept.
 */
export function ObservationForm(props: {
  mode: 'create' | 'edit';
  id?: number;
  initial: ObservationFormValues;
  programmes: Option[];
  metrics: Option[];
  sources: Option[];
  fromReport?: boolean;
  /** The figure's quarter is final: a change needs a reason (as one from a report does). */
  reasonRequired?: boolean;
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [duplicateOf, setDuplicateOf] = useState<number | null>(null);
  // Someone else's changes since this form was filled, when a save was refused for them.
  const [conflict, setConflict] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: ObservationFields) => (e: { target: { value: string } }) => setValues({ ...values, [k]: e.target.value });

  async function send(url: string, method: string, extra: Record<string, string> = {}) {
    setBusy(true);
    try {
      const response = await fetch(url, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...values, ...extra }) });
      const body = (await response.json().catch(() => ({}))) as {
        id?: number;
        fields?: FieldErrors;
        error?: string;
        duplicateOf?: number;
        conflict?: { version: number; changes: string[] };
      };
      if (response.status === 409 && body.conflict) {
        // Keep what the officer typed; the next save names the version they have now seen.
        setConflict(body.conflict.changes);
        setValues({ ...values, version: String(body.conflict.version) });
        setErrors({ form: body.error });
        return;
      }
      if (response.status === 409 && body.duplicateOf) {
        setDuplicateOf(body.duplicateOf);
        setErrors({ form: body.error });
        return;
      }
      if (!response.ok) {
        setErrors({ ...(body.fields ?? {}), form: body.error ?? 'Nothing was saved.' });
        return;
      }
      router.push(`/observations/${body.id}`);
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setDuplicateOf(null);
    setConflict(null);
    const check = observationInputSchema.safeParse(values);
    if (!check.success) {
      setErrors({ ...fieldErrors(check.error), form: 'Check the highlighted fields; nothing has been saved.' });
      return;
    }
    setErrors({});
    void send(props.mode === 'create' ? '/api/observations' : `/api/observations/${props.id}`, props.mode === 'create' ? 'POST' : 'PUT');
  }

  const field = (k: ObservationFields, label: string, control: ReactNode, hint?: string) => (
    <div>
      <label htmlFor={k} className="block font-semibold">{label}</label>
      {hint && <p id={`${k}-hint`} className="text-sm text-slate-600">{hint}</p>}
      {errors[k] && <p id={`${k}-error`} className="text-sm font-semibold text-red-800">{errors[k]}</p>}
      {control}
    </div>
  );
  const common = (k: ObservationFields) => ({
    id: k,
    name: k,
    value: values[k],
    onChange: set(k),
    'aria-invalid': !!errors[k],
    'aria-describedby': [errors[k] ? `${k}-error` : '', `${k}-hint`].filter(Boolean).join(' ') || undefined,
    className: 'mt-1 w-full max-w-md rounded border border-slate-600 bg-white px-2 py-1',
  });
  const select = (k: ObservationFields, options: Option[], placeholder?: string) => (
    <select {...common(k)}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>{o.label}</option>
      ))}
    </select>
  );

  return (
    <form onSubmit={submit} noValidate className="mt-4 space-y-4">
      <ReadyFieldset spacing="space-y-4">
      {errors.form && (
        <Alert tone="error" title={errors.form} className="text-sm">
          {conflict && (
            <>
              <p className="mt-2">Changed since you opened this form:</p>
              <ul className="mt-1 list-disc pl-5" data-testid="conflict-changes">
                {conflict.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
              <p className="mt-2">
                <Link href={props.id ? `/observations/${props.id}` : '#'} className="underline">Reload the figure</Link> to start from their
                version, or press “Save correction” again to apply yours over it.
              </p>
            </>
          )}
          {duplicateOf !== null && (
            <p className="mt-2 flex flex-wrap gap-3">
              <Link href={`/observations/${duplicateOf}`} className="underline">Open the existing figure</Link>
              {values.sourceId && (
                <button type="button" className="underline" onClick={() => void send(`/api/observations/${duplicateOf}/sources`, 'POST')}>
                  Link this source to it instead
                </button>
              )}
              <button type="button" className="underline" onClick={() => void send('/api/observations', 'POST', { confirmDuplicate: '1' })}>
                Save as a new figure anyway
              </button>
            </p>
          )}
        </Alert>
      )}
      {field('programme', 'Programme', select('programme', props.programmes, 'Choose a programme'))}
      {field('metric', 'Metric', select('metric', props.metrics, 'Choose a metric'))}
      <div className="flex flex-wrap gap-4">
        {field('value', 'Value', <input {...common('value')} inputMode="decimal" />, 'The number only, e.g. 600 for “over 600”')}
        {field('upper', 'Top of a range', <input {...common('upper')} inputMode="decimal" />, 'For a range only: 30 for “20-30”')}
        {field('qualifier', 'Qualifier', select('qualifier', [
          { value: 'exact', label: 'Exact' }, { value: 'at_least', label: 'At least (“over 600”)' },
          { value: 'at_most', label: 'At most (“up to 40”)' }, { value: 'approx', label: 'Approximately (“nearly 400”)' },
        ]))}
        {field('basis', 'Basis', select('basis', [
          { value: 'period', label: 'In period' }, { value: 'cumulative', label: 'Running total (as of a date)' }, { value: 'planned', label: 'Planned' },
        ]))}
      </div>
      <div className="flex flex-wrap gap-4">
        {field('periodStart', 'Period start', <input {...common('periodStart')} type="date" />, 'Leave empty for a running total')}
        {field('periodEnd', 'Period end', <input {...common('periodEnd')} type="date" />, 'The as-of date for a running total')}
        {field('datePrecision', 'Dates known to the', select('datePrecision', [
          { value: 'day', label: 'Day' }, { value: 'month', label: 'Month' }, { value: 'year', label: 'Year' },
        ]))}
      </div>
      {field('sourceId', 'Source', select('sourceId', props.sources, 'No source yet'))}
      {field('evidence', 'Evidence', <textarea {...common('evidence')} rows={3} />, 'The sentence the figure comes from, copied exactly')}
      {field('line', 'Line in the source', <input {...common('line')} inputMode="numeric" />)}
      {field('note', 'Note', <textarea {...common('note')} rows={2} />)}
      {field(
        'partOf',
        'Part of figure number',
        <input {...common('partOf')} inputMode="numeric" />,
        'For a breakdown only (“32 of which are chief executives”): the number of the total’s figure. A part is shown under its total and never added to anything.',
      )}
      {(props.mode === 'edit' || values.reason) &&
        field('reason', props.fromReport || props.reasonRequired ? 'Reason for the change (required)' : 'Reason for the change', <textarea {...common('reason')} rows={2} />, 'Kept in the figure’s history')}
      <button type="submit" disabled={busy || !hydrated} className="rounded bg-slate-900 px-4 py-2 text-white disabled:opacity-60">
        {busy ? 'Saving…' : props.mode === 'create' ? 'Add figure' : 'Save correction'}
      </button>
      </ReadyFieldset>
    </form>
  );
}
