'use client';

import { useState, type FormEvent } from 'react';
import { targetInputSchema } from '@/lib/target-input';
import { Alert } from '../alert';
import { useHydrated } from './use-hydrated';
import { useFormSender } from './send-form';
import { ReadyFieldset } from './ready-fieldset';

type Option = { value: string; label: string };
type Field = 'metric' | 'programme' | 'period' | 'basis' | 'value' | 'amberBelowPct' | 'redBelowPct';

/** Setting a target: the same schema checks here and on the server; setting one that exists changes it. */
export function TargetForm({ metrics, programmes, periods, initialPeriod }: { metrics: Option[]; programmes: Option[]; periods: Option[]; initialPeriod: string }) {
  const hydrated = useHydrated();
  const [values, setValues] = useState<Record<Field, string>>({
    metric: metrics[0]?.value ?? '',
    programme: '',
    period: initialPeriod,
    basis: 'period',
    value: '',
    amberBelowPct: '100',
    redBelowPct: '80',
  });
  const { errors, done, busy, submit: send } = useFormSender<Record<Field, string>>(targetInputSchema, () => ['POST', '/api/targets'], () => {
    setValues((v) => ({ ...v, value: '' }));
    return 'Target saved.';
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(values);
  };

  const field = (name: Field, label: string, control: (props: Record<string, unknown>) => React.ReactNode, hint?: string) => (
    <div>
      <label htmlFor={`target-${name}`} className="block font-semibold">{label}</label>
      {hint && <p id={`target-${name}-hint`} className="text-sm text-slate-600">{hint}</p>}
      {errors[name] && <p id={`target-${name}-error`} className="text-sm font-semibold text-red-800">{errors[name]}</p>}
      {control({
        id: `target-${name}`,
        name,
        value: values[name],
        onChange: (e: { target: { value: string } }) => setValues({ ...values, [name]: e.target.value }),
        'aria-invalid': !!errors[name],
        'aria-describedby': [hint ? `target-${name}-hint` : '', errors[name] ? `target-${name}-error` : ''].filter(Boolean).join(' ') || undefined,
        className: 'mt-1 w-full rounded border border-slate-600 bg-white px-2 py-1',
      })}
    </div>
  );
  const select = (options: Option[]) =>
    function Select(props: Record<string, unknown>) {
      return <select {...props}>{options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</select>;
    };
  const text = (props: Record<string, unknown>) => <input type="text" inputMode="decimal" {...props} />;

  return (
    <form onSubmit={submit} noValidate className="mt-4 grid max-w-3xl gap-4 rounded border border-slate-300 p-4 sm:grid-cols-2">
      <ReadyFieldset>
      {errors.form && <Alert tone="error" className="text-sm font-semibold sm:col-span-2">{errors.form}</Alert>}
      {done && <p role="status" className="font-semibold text-green-800 sm:col-span-2">{done}</p>}
      {field('metric', 'Metric', select(metrics))}
      {field('programme', 'Programme', select([{ value: '', label: 'Every programme' }, ...programmes]))}
      {field('period', 'Period', select(periods), 'A financial year or a quarter')}
      {field('basis', 'Counted as', select([{ value: 'period', label: 'Delivered in the period' }, { value: 'cumulative', label: 'Running total at the period’s end' }]))}
      {field('value', 'Target', text)}
      <div className="grid grid-cols-2 gap-3">
        {field('amberBelowPct', 'Green from (% of target)', text)}
        {field('redBelowPct', 'Red below (% of target)', text, 'Amber between the two')}
      </div>
      <div className="sm:col-span-2">
        <button type="submit" disabled={busy || !hydrated} className="rounded bg-slate-900 px-4 py-2 text-white disabled:opacity-60">
          {busy ? 'Saving…' : 'Set target'}
        </button>
      </div>
      </ReadyFieldset>
    </form>
  );
}
