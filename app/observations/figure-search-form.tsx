'use client';

import Form from 'next/form';
import { useRef, useState } from 'react';
import { FilterSelect, type Option } from '../_components/forms/filter-select';

/**
 * The figures page's search, as a GET form: the words, the usual filters, the kind of figure and
 * the order become the address, so a search is a link. A choice applies at once; the words apply
 * with the button (or Enter). Empty fields send nothing.
 */
export function FigureSearchForm(props: {
  boards: Option[];
  programmes: Option[];
  metrics: Option[];
  periods: Option[];
  orders: Option[];
  /** The day of a view as the board saw it, kept when the form is sent. */
  seen?: string;
  values: { q: string; board?: string; programme?: string; metric?: string; from?: string; to?: string; basis?: string; sort: string };
}) {
  const form = useRef<HTMLFormElement>(null);
  const [q, setQ] = useState(props.values.q);
  const submit = () => form.current?.requestSubmit();
  const select = (name: string, label: string, options: Option[], value: string | undefined, all?: string) => (
    <FilterSelect name={name} label={label} options={options} value={value} all={all} onChange={submit} />
  );
  return (
    <div className="no-print mt-4 rounded border border-slate-300 bg-slate-50 p-3">
      <Form key={JSON.stringify(props.values)} action="/observations" ref={form} className="flex flex-wrap items-end gap-3" aria-label="Search figures">
        {props.seen && <input type="hidden" name="seen" value={props.seen} />}
        <div className="flex w-full flex-col text-sm sm:w-auto">
          <label htmlFor="figure-search" className="font-semibold">
            Search
          </label>
          <span id="figure-search-hint" className="text-xs text-slate-600">
            Words in the sentence, note, programme, board or metric
          </span>
          <input
            id="figure-search"
            type="search"
            name={q.trim() ? 'q' : undefined}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            aria-describedby="figure-search-hint"
            className="mt-1 w-full rounded border border-slate-600 bg-white px-2 py-1 sm:w-72"
          />
        </div>
        {select('board', 'Board', props.boards, props.values.board, 'All boards')}
        {select('programme', 'Programme', props.programmes, props.values.programme, 'All programmes')}
        {select('metric', 'Metric', props.metrics, props.values.metric, 'All metrics')}
        {select('from', 'From', props.periods, props.values.from, 'Earliest')}
        {select('to', 'To', props.periods, props.values.to, 'Latest')}
        {select(
          'basis',
          'Kind of figure',
          [
            { value: 'period', label: 'In period' },
            { value: 'cumulative', label: 'Running total' },
            { value: 'planned', label: 'Planned' },
          ],
          props.values.basis,
          'Every kind',
        )}
        {select('sort', 'Sort by', props.orders.slice(1), props.values.sort === props.orders[0]!.value ? undefined : props.values.sort, props.orders[0]!.label)}
        <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white">
          Search
        </button>
      </Form>
    </div>
  );
}
