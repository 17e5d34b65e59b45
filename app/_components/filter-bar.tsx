'use client';

import Form from 'next/form';
import Link from 'next/link';
import { useRef } from 'react';

import { FilterSelect, type Option } from './forms/filter-select';

export interface FilterBarProps {
  action: string;
  boards?: Option[];
  programmes?: Option[];
  metrics?: Option[];
  periods: Option[];
  values: { board?: string; programme?: string; metric?: string; from?: string; to?: string; by: string };
  presets: { label: string; href: string; current: boolean }[];
  /** Parameters fixed by the page (kept when the form is sent). */
  hidden?: Record<string, string>;
  showGrouping?: boolean;
}

/**
 * The filters of a view, as a GET form: every choice becomes the URL, so a view is a link that
 * survives a reload. Choosing an option applies it at once; the button is there without JavaScript.
 */
export function FilterBar(props: FilterBarProps) {
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  const select = (name: string, label: string, options: Option[], value: string | undefined, all?: string) => (
    <FilterSelect name={name} label={label} options={options} value={value} all={all} onChange={submit} />
  );
  return (
    <div className="no-print mt-4 rounded border border-slate-300 bg-slate-50 p-3">
      <nav aria-label="Period presets" className="mb-3 flex flex-wrap gap-2 text-sm">
        {props.presets.map((p) => (
          <Link
            key={p.label}
            href={p.href}
            aria-current={p.current ? 'true' : undefined}
            className={`rounded-full border px-3 py-1 ${p.current ? 'border-slate-900 bg-slate-900 text-white' : 'border-slate-500 bg-white'}`}
          >
            {p.label}
          </Link>
        ))}
      </nav>
      <Form
        // Remount when the URL's values change (a preset link), so the selects show them.
        key={JSON.stringify(props.values)}
        action={props.action}
        ref={form} className="flex flex-wrap items-end gap-3" aria-label="Filter figures">
        {Object.entries(props.hidden ?? {}).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        {props.boards && select('board', 'Board', props.boards, props.values.board, 'All boards')}
        {props.programmes && select('programme', 'Programme', props.programmes, props.values.programme, 'All programmes')}
        {props.metrics && select('metric', 'Metric', props.metrics, props.values.metric, 'All metrics')}
        {select('from', 'From', props.periods, props.values.from, 'Earliest')}
        {select('to', 'To', props.periods, props.values.to, 'Latest')}
        {props.showGrouping !== false && (
          <div className="flex flex-col text-sm">
            <label htmlFor="filter-group-by" className="font-semibold">
              Group by
            </label>
            <select
              id="filter-group-by"
              name="by"
              defaultValue={props.values.by}
              onChange={submit}
              className="mt-1 rounded border border-slate-600 bg-white px-2 py-1"
            >
              <option value="month">Month</option>
              <option value="quarter">Financial quarter</option>
              <option value="year">Financial year</option>
            </select>
          </div>
        )}
        <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white">
          Apply
        </button>
      </Form>
    </div>
  );
}
