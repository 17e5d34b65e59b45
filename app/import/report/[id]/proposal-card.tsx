'use client';

import Link from 'next/link';
import { memo, type KeyboardEvent } from 'react';
import type { ReviewProposal } from '@/db/queries/report-review';
import type { FieldErrors } from '@/lib/observation-input';

export interface Option {
  value: string;
  label: string;
}

/** The fields an officer may correct before accepting, as the form holds them. */
export type Editable = Pick<ReviewProposal, 'qualifier' | 'basis' | 'periodStart' | 'periodEnd' | 'datePrecision'> & {
  value: string;
  upper: string;
  metric: string;
  programme: string;
};

export const QUALIFIERS = [
  ['exact', 'exactly'],
  ['at_least', 'at least'],
  ['at_most', 'at most'],
  ['approx', 'approximately'],
] as const;
export const BASES = [
  ['period', 'in the period'],
  ['cumulative', 'running total'],
  ['planned', 'planned'],
] as const;
export const input = 'mt-1 block w-full rounded border border-slate-400 p-1.5';

export function editableOf(p: ReviewProposal): Editable {
  return {
    value: String(p.value),
    upper: p.upper === null ? '' : String(p.upper),
    qualifier: p.qualifier,
    basis: p.basis,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    datePrecision: p.datePrecision,
    metric: p.metric ?? '',
    programme: p.programme ?? '',
  };
}

/** The card's element id for a field, unique on the page. */
export const fieldId = (key: string, field: string) => `p-${key.replace(':', '-')}-${field}`;

function Evidence({ p }: { p: ReviewProposal }) {
  // React escapes all of it: the report's text is never treated as HTML.
  return (
    <q className="leading-relaxed">
      {p.evidence.slice(0, p.numberStart)}
      <mark className="rounded bg-yellow-200 px-0.5 font-semibold">{p.evidence.slice(p.numberStart, p.numberEnd)}</mark>
      {p.evidence.slice(p.numberEnd)}
    </q>
  );
}
export { Evidence };

interface CardProps {
  p: ReviewProposal;
  e: Editable;
  ticked: boolean;
  /** The card the keyboard is on: the one reached by Tab (a roving tab stop). */
  current: boolean;
  errors: FieldErrors | undefined;
  onTick: (key: string, on: boolean) => void;
  onEdit: (key: string, field: keyof Editable, value: string) => void;
  onFocusCard: (key: string) => void;
  onCardKey: (event: KeyboardEvent<HTMLLIElement>, key: string) => void;
  programmes: Option[];
  metrics: Option[];
}

/**
 * One proposed number: the sentence with the number marked, its tick, and the fields to correct.
 * Memoised: ticking one card re-renders that card only, so a review of hundreds stays quick.
 */
export const ProposalCard = memo(function ProposalCard(props: CardProps) {
  const { p, e, errors } = props;
  const id = (f: string) => fieldId(p.key, f);
  const set = (f: keyof Editable) => (ev: { target: { value: string } }) => props.onEdit(p.key, f, ev.target.value);
  const fieldError = (f: keyof FieldErrors) =>
    errors?.[f] ? (
      <span id={id(`${f}-error`)} className="block text-sm font-semibold text-orange-800">
        {errors[f]}
      </span>
    ) : null;
  const linkText = p.recorded && (p.recorded.how === 'same-figure' ? 'The same programme, metric, value and period are recorded as' : 'This sentence is already recorded as');
  const shown = p.evidence.slice(p.numberStart, p.numberEnd).replace(/\*\*|<\/?u>/g, '');
  return (
    <li
      className={`rounded border p-3 outline-offset-2 focus:outline focus:outline-3 focus:outline-oi-blue ${props.ticked ? 'border-oi-blue bg-sky-50/40' : 'border-slate-300'}`}
      data-testid="proposal"
      data-card={p.key}
      data-value={p.value}
      tabIndex={props.current ? 0 : -1}
      aria-labelledby={id('title')}
      onFocus={(ev) => {
        if (ev.target === ev.currentTarget) props.onFocusCard(p.key);
      }}
      onKeyDown={(ev) => props.onCardKey(ev, p.key)}
    >
      <div className="flex items-start gap-3">
        <input id={id('tick')} type="checkbox" className="mt-1.5 h-5 w-5 shrink-0" checked={props.ticked} onChange={(ev) => props.onTick(p.key, ev.target.checked)} />
        <div className="min-w-0">
          <label id={id('title')} htmlFor={id('tick')} className="font-semibold">
            {p.recorded ? 'Link this report to' : 'Accept'} {shown} ({p.counted || 'figure'}), line {p.line}
          </label>
          <p className="mt-1 break-words text-slate-800">
            <Evidence p={p} />
          </p>
          {p.table && (p.table.column || p.table.row) && (
            <p className="mt-1 text-sm text-slate-700">
              In a table{p.table.column ? <>, column “{p.table.column}”</> : null}
              {p.table.row ? <>, row “{p.table.row}”</> : null}.
            </p>
          )}
          {p.likelyContext && p.contextReason && <p className="mt-1 text-sm text-slate-600">Set apart: {p.contextReason}.</p>}
          {p.recorded && (
            <p className="mt-1 text-sm">
              {linkText}{' '}
              <Link href={`/observations/${p.recorded.observationId}`} className="underline">
                figure {p.recorded.observationId}
              </Link>
              .
            </p>
          )}
          {errors?.form && <p className="mt-1 font-semibold text-orange-800">{errors.form}</p>}
        </div>
      </div>
      {!p.recorded && (
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <label className="text-sm" htmlFor={id('value')}>
            Value
            <input id={id('value')} inputMode="decimal" value={e.value} onChange={set('value')} className={input} aria-describedby={errors?.value ? id('value-error') : undefined} />
            {fieldError('value')}
          </label>
          <label className="text-sm" htmlFor={id('upper')}>
            Up to (a range’s top)
            <input id={id('upper')} inputMode="decimal" value={e.upper} onChange={set('upper')} className={input} aria-describedby={errors?.upper ? id('upper-error') : undefined} />
            {fieldError('upper')}
          </label>
          <label className="text-sm" htmlFor={id('qualifier')}>
            Qualifier
            <select id={id('qualifier')} value={e.qualifier} onChange={set('qualifier')} className={input}>
              {QUALIFIERS.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm" htmlFor={id('basis')}>
            Basis
            <select id={id('basis')} value={e.basis} onChange={set('basis')} className={input}>
              {BASES.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <div className="text-sm">
            <label htmlFor={id('metric')}>Metric</label>
            <select id={id('metric')} value={e.metric} onChange={set('metric')} className={input} aria-describedby={errors?.metric ? id('metric-error') : undefined}>
              <option value="">Choose a metric</option>
              {props.metrics.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            {fieldError('metric')}
            {!e.metric && p.proposedMetric && (
              <span className="mt-1 block">
                None fits?{' '}
                <Link href={`/manage/new/metric?name=${encodeURIComponent(p.proposedMetric)}`} target="_blank" className="underline">
                  Add the metric “{p.proposedMetric}”
                </Link>{' '}
                (opens a new tab; this list updates when you come back).
              </span>
            )}
          </div>
          <div className="text-sm">
            <label htmlFor={id('programme')}>Programme</label>
            <select id={id('programme')} value={e.programme} onChange={set('programme')} className={input} aria-describedby={errors?.programme ? id('programme-error') : undefined}>
              <option value="">Choose a programme</option>
              {props.programmes.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            {fieldError('programme')}
            {!e.programme && p.proposedProgramme && (
              <span className="mt-1 block">
                The report names{' '}
                <Link href={`/manage/new/programme?name=${encodeURIComponent(p.proposedProgramme)}`} target="_blank" className="underline">
                  add the programme “{p.proposedProgramme}”
                </Link>{' '}
                (opens a new tab).
              </span>
            )}
          </div>
          <label className="text-sm" htmlFor={id('periodStart')}>
            Period start
            <input id={id('periodStart')} type="date" value={e.periodStart ?? ''} onChange={set('periodStart')} className={input} />
            {fieldError('periodStart')}
          </label>
          <label className="text-sm" htmlFor={id('periodEnd')}>
            Period end
            <input id={id('periodEnd')} type="date" value={e.periodEnd} onChange={set('periodEnd')} className={input} aria-describedby={errors?.periodEnd ? id('periodEnd-error') : undefined} />
            {fieldError('periodEnd')}
          </label>
          <label className="text-sm" htmlFor={id('datePrecision')}>
            Date exact to the
            <select id={id('datePrecision')} value={e.datePrecision} onChange={set('datePrecision')} className={input}>
              <option value="day">day</option>
              <option value="month">month</option>
              <option value="year">year</option>
            </select>
          </label>
        </div>
      )}
    </li>
  );
});
