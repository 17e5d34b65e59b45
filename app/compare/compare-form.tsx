'use client';

import Form from 'next/form';
import Link from 'next/link';
import { useRef } from 'react';

import { FilterSelect, type Option } from '../_components/forms/filter-select';

/** Periods A and B and the filters, as a GET form: the comparison is a link. */
export function CompareForm(props: {
  periods: Option[];
  boards: Option[];
  programmes: Option[];
  metrics: Option[];
  values: { a: string; b: string; board?: string; programme?: string; metric?: string };
  quick: { label: string; href: string; current: boolean }[];
}) {
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  const withCurrent = (options: Option[], value: string) =>
    options.some((o) => o.value === value) ? options : [{ value, label: value }, ...options];
  const select = (name: string, label: string, options: Option[], value: string | undefined, all?: string) => (
    <FilterSelect name={name} label={label} options={options} value={value} all={all} onChange={submit} />
  );
  return (
    <div className="no-print mt-4 rounded border border-slate-300 bg-slate-50 p-3">
      <nav aria-label="Quick comparisons" className="mb-3 flex flex-wrap gap-2 text-sm">
        {props.quick.map((q) => (
          <Link
            key={q.label}
            href={q.href}
            aria-current={q.current ? 'true' : undefined}
            className={`rounded-full border px-3 py-1 ${q.current ? 'border-slate-900 bg-slate-900 text-white' : 'border-slate-500 bg-white'}`}
          >
            {q.label}
          </Link>
        ))}
      </nav>
      <Form key={JSON.stringify(props.values)} action="/compare" ref={form} className="flex flex-wrap items-end gap-3" aria-label="Choose what to compare">
        {select('a', 'Period A', withCurrent(props.periods, props.values.a), props.values.a)}
        {select('b', 'Period B', withCurrent(props.periods, props.values.b), props.values.b)}
        {select('board', 'Board', props.boards, props.values.board, 'All boards')}
        {select('programme', 'Programme', props.programmes, props.values.programme, 'All programmes')}
        {select('metric', 'Metric', props.metrics, props.values.metric, 'All metrics')}
        <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white">
          Compare
        </button>
      </Form>
    </div>
  );
}
