'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { targetInputSchema } from '@/lib/target-input';
import { Alert } from '../alert';
import { useHydrated } from './use-hydrated';

type Option = { value: string; label: string };
type Field = 'metric' | 'programme' | 'period' | 'basis' | 'value' | 'amberBelowPct' | 'redBelowPct';

/** Setting a target: the same schema checks here and on the server; setting one that exists changes it. */
export function TargetForm({ metrics, programmes, periods, initialPeriod }: { metrics: Option[]; programmes: Option[]; periods: Option[]; initialPeriod: string }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [values, setValues] = useState<Record<Field, string>>({
    metric: metrics[0]?.value ?? '',
    programme: '',
    period: initialPeriod,
    basis: 'period',
    value: '',
    amberBelowPct: '100',
    redBelowPct: '80',
  });
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const check = targetInputSchema.safeParse(values);
    if (!check.success) {
      const found: Partial<Record<Field | 'form', string>> = {};
      for (const issue of check.error.issues) found[String(issue.path[0]) as Field] ??= issue.message;
      setErrors({ ...found, form: 'Check the highlighted fields; nothing has been saved.' });
      return;
    }
    setBusy(true);
    try {
      const response = await fetch('/api/targets', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(values) });
      const body = (await response.json().catch(() => ({}))) as { fields?: Record<string, string>; error?: string };
      if (!response.ok) {
        setErrors({ ...(body.fields ?? {}), form: body.error ?? 'Nothing was saved.' });
        return;
      }
      setErrors({});
      setDone('Target saved.');
      setValues({ ...values, value: '' });
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

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
    </form>
  );
}
