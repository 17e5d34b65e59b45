'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { BASES, input, type Editable, type Option } from './proposal-card';
import { useHydrated } from '@/app/_components/forms/use-hydrated';
import { ReadyFieldset } from '@/app/_components/forms/ready-fieldset';

export type BulkValues = Partial<Pick<Editable, 'metric' | 'programme' | 'basis' | 'periodStart' | 'periodEnd'>>;

/**
 * Setting metric, programme, basis or period for every ticked figure at once. A field left at
 * "Leave as it is" is not changed; nothing is saved until the figures are accepted.
 */
export function BulkChange({ count, programmes, metrics, onApply }: { count: number; programmes: Option[]; metrics: Option[]; onApply: (change: BulkValues) => number }) {
  const hydrated = useHydrated();
  const [values, setValues] = useState({ metric: '', programme: '', basis: '', periodStart: '', periodEnd: '' });
  const [said, setSaid] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const set = (field: keyof typeof values) => (ev: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: ev.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const change = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')) as BulkValues;
    if (!Object.keys(change).length) return setSaid({ kind: 'error', text: 'Choose what to change first.' });
    if (!count) return setSaid({ kind: 'error', text: 'Tick the figures to change first.' });
    const changed = onApply(change);
    const what = [
      change.metric && `metric ${metrics.find((o) => o.value === change.metric)?.label}`,
      change.programme && `programme ${programmes.find((o) => o.value === change.programme)?.label}`,
      change.basis && `basis ${BASES.find(([v]) => v === change.basis)?.[1]}`,
      change.periodStart && `period start ${change.periodStart}`,
      change.periodEnd && `period end ${change.periodEnd}`,
    ].filter(Boolean);
    setSaid({ kind: 'ok', text: `Set ${what.join(', ')} for ${changed} ticked ${changed === 1 ? 'figure' : 'figures'}. Check them, then accept.` });
  }

  const labelled = (id: keyof typeof values, label: string, control: ReactNode) => (
    <label className="text-sm" htmlFor={`bulk-${id}`}>
      {label}
      {control}
    </label>
  );
  return (
    <form onSubmit={submit} aria-labelledby="bulk-heading" className="rounded border border-slate-300 bg-slate-50 p-3">
      <ReadyFieldset>
      <h2 id="bulk-heading" className="text-lg font-semibold">
        Change all ticked figures
      </h2>
      <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {labelled(
          'metric',
          'Metric for ticked',
          <select id="bulk-metric" value={values.metric} onChange={set('metric')} className={input}>
            <option value="">Leave as it is</option>
            {metrics.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>,
        )}
        {labelled(
          'programme',
          'Programme for ticked',
          <select id="bulk-programme" value={values.programme} onChange={set('programme')} className={input}>
            <option value="">Leave as it is</option>
            {programmes.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>,
        )}
        {labelled(
          'basis',
          'Basis for ticked',
          <select id="bulk-basis" value={values.basis} onChange={set('basis')} className={input}>
            <option value="">Leave as it is</option>
            {BASES.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>,
        )}
        {labelled('periodStart', 'Period start for ticked', <input id="bulk-periodStart" type="date" value={values.periodStart} onChange={set('periodStart')} className={input} />)}
        {labelled('periodEnd', 'Period end for ticked', <input id="bulk-periodEnd" type="date" value={values.periodEnd} onChange={set('periodEnd')} className={input} />)}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" disabled={!hydrated} className="rounded border border-slate-600 bg-white px-3 py-1 font-semibold">
          Apply to {count} ticked {count === 1 ? 'figure' : 'figures'}
        </button>
        {said && (
          <p role={said.kind === 'ok' ? 'status' : 'alert'} className={`text-sm ${said.kind === 'error' ? 'font-semibold text-orange-800' : ''}`}>
            {said.text}
          </p>
        )}
      </div>
      </ReadyFieldset>
    </form>
  );
}
