'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import type { ReviewProposal } from '@/db/queries/report-review';
import type { FieldErrors } from '@/lib/observation-input';

interface Option {
  value: string;
  label: string;
}

type Editable = Pick<ReviewProposal, 'qualifier' | 'basis' | 'periodStart' | 'periodEnd' | 'datePrecision'> & {
  value: string;
  metric: string;
  programme: string;
};

const QUALIFIERS = [
  ['exact', 'exactly'],
  ['at_least', 'at least'],
  ['at_most', 'at most'],
  ['approx', 'approximately'],
] as const;
const BASES = [
  ['period', 'in the period'],
  ['cumulative', 'running total'],
  ['planned', 'planned'],
] as const;
const input = 'mt-1 block w-full rounded border border-slate-400 p-1.5';

/** Whether a proposal is ticked at first: suggested figures are, numbers that look like context are not. */
const tickedAtFirst = (p: ReviewProposal) => !p.likelyContext && (p.recorded === null || p.recorded.how === 'same-sentence');

/**
 * The review screen: every proposal with its sentence and the number marked, fields to correct,
 * accept/reject ticks and bulk choices. Accepting sends the ticked ones in one request; the server
 * saves all of them in one transaction or none.
 */
export function ProposalReview({ sourceId, proposals, programmes, metrics }: { sourceId: number; proposals: ReviewProposal[]; programmes: Option[]; metrics: Option[] }) {
  const router = useRouter();
  const open = useMemo(() => proposals.filter((p) => p.recorded?.how !== 'this-report'), [proposals]);
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(open.filter(tickedAtFirst).map((p) => p.key)));
  const [edits, setEdits] = useState<Record<string, Editable>>(() =>
    Object.fromEntries(
      proposals.map((p) => [
        p.key,
        { value: String(p.value), qualifier: p.qualifier, basis: p.basis, periodStart: p.periodStart, periodEnd: p.periodEnd, datePrecision: p.datePrecision, metric: p.metric ?? '', programme: p.programme ?? '' },
      ]),
    ),
  );
  const [errors, setErrors] = useState<Record<string, FieldErrors>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const groups = useMemo(
    () => ({
      proposed: open.filter((p) => !p.likelyContext && p.recorded === null),
      recorded: open.filter((p) => p.recorded !== null),
      context: open.filter((p) => p.likelyContext && p.recorded === null),
      done: proposals.filter((p) => p.recorded?.how === 'this-report'),
    }),
    [open, proposals],
  );

  const toggle = (key: string, on: boolean) =>
    setTicked((t) => {
      const next = new Set(t);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const setAll = (list: ReviewProposal[], on: boolean) =>
    setTicked((t) => {
      const next = new Set(t);
      for (const p of list) if (on) next.add(p.key);
      else next.delete(p.key);
      return next;
    });
  const edit = (key: string, field: keyof Editable, value: string) => setEdits((e) => ({ ...e, [key]: { ...e[key]!, [field]: value } }));

  async function accept() {
    const chosen = open.filter((p) => ticked.has(p.key));
    if (!chosen.length) return setMessage({ kind: 'error', text: 'Tick at least one figure to accept.' });
    setBusy(true);
    setMessage(null);
    try {
      const items = chosen.map((p) => {
        const e = edits[p.key]!;
        return {
          linkTo: p.recorded?.observationId ?? null,
          figure: {
            programme: e.programme, metric: e.metric, value: e.value, qualifier: e.qualifier, basis: e.basis, periodStart: e.periodStart ?? '',
            periodEnd: e.periodEnd, datePrecision: e.datePrecision, note: '', evidence: p.evidence, line: String(p.line),
          },
        };
      });
      const response = await fetch(`/api/import/report/${sourceId}/accept`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ items }) });
      const body = (await response.json().catch(() => ({}))) as { created?: number[]; linked?: number[]; error?: string; items?: Record<number, FieldErrors> };
      if (!response.ok) {
        setErrors(Object.fromEntries(Object.entries(body.items ?? {}).map(([i, e]) => [chosen[Number(i)]!.key, e])));
        return setMessage({ kind: 'error', text: `${body.error ?? 'Nothing was saved.'} The figures to correct are marked below.` });
      }
      setErrors({});
      setMessage({ kind: 'ok', text: `Added ${body.created!.length} ${body.created!.length === 1 ? 'figure' : 'figures'} and linked this report to ${body.linked!.length} recorded ${body.linked!.length === 1 ? 'figure' : 'figures'}.` });
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  const card = (p: ReviewProposal) => (
    <ProposalCard key={p.key} p={p} e={edits[p.key]!} ticked={ticked.has(p.key)} errors={errors[p.key]} onTick={toggle} onEdit={edit} programmes={programmes} metrics={metrics} />
  );

  return (
    <div className="mt-6">
      {message && (
        <p role={message.kind === 'ok' ? 'status' : 'alert'} className={`mb-4 rounded border-l-4 p-3 ${message.kind === 'ok' ? 'border-oi-green bg-emerald-50' : 'border-oi-vermillion bg-orange-50'}`}>
          {message.text}
        </p>
      )}
      <section aria-labelledby="proposed-heading">
        <h2 id="proposed-heading" className="text-2xl font-semibold">
          Proposed figures ({groups.proposed.length})
        </h2>
        <div className="mt-2 flex flex-wrap gap-3">
          <button type="button" className="rounded border border-slate-500 px-3 py-1" onClick={() => setAll(groups.proposed, true)}>
            Tick all proposed figures
          </button>
          <button type="button" className="rounded border border-slate-500 px-3 py-1" onClick={() => setAll(open, false)}>
            Untick everything
          </button>
        </div>
        {groups.proposed.length ? <ol className="mt-3 space-y-3">{groups.proposed.map(card)}</ol> : <p className="mt-2">No new figures are proposed.</p>}
      </section>
      {groups.recorded.length > 0 && (
        <section aria-labelledby="recorded-heading" className="mt-8">
          <h2 id="recorded-heading" className="text-2xl font-semibold">
            Already recorded ({groups.recorded.length})
          </h2>
          <p className="mt-1 text-slate-700">These figures are in the dashboard from another source. Accepting one links this report to it as a further source; it is not added twice.</p>
          <ol className="mt-3 space-y-3">{groups.recorded.map(card)}</ol>
        </section>
      )}
      {groups.context.length > 0 && (
        <details className="mt-8">
          <summary className="cursor-pointer text-2xl font-semibold">Numbers that are probably not figures ({groups.context.length})</summary>
          <p className="mt-1 text-slate-700">Dates, ages, durations, phone numbers, funding announcements and the like. Tick any that is a figure after all.</p>
          <ol className="mt-3 space-y-3">{groups.context.map(card)}</ol>
        </details>
      )}
      {groups.done.length > 0 && (
        <section aria-labelledby="done-heading" className="mt-8">
          <h2 id="done-heading" className="text-2xl font-semibold">
            Recorded from this report ({groups.done.length})
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {groups.done.map((p) => (
              <li key={p.key}>
                <Evidence p={p} />{' '}
                <Link href={`/observations/${p.recorded!.observationId}`} className="underline">
                  Figure {p.recorded!.observationId}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="sticky bottom-0 mt-6 flex flex-wrap items-center gap-4 border-t border-slate-300 bg-white py-3">
        <button type="button" disabled={busy} onClick={() => void accept()} className="rounded bg-oi-blue px-4 py-2 font-semibold text-white disabled:opacity-60">
          {busy ? 'Saving…' : `Accept ${ticked.size} ticked ${ticked.size === 1 ? 'figure' : 'figures'}`}
        </button>
        <span className="text-sm text-slate-600">Unticked numbers are left out. You can come back to this page later.</span>
      </div>
    </div>
  );
}

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

function ProposalCard(props: {
  p: ReviewProposal;
  e: Editable;
  ticked: boolean;
  errors: FieldErrors | undefined;
  onTick: (key: string, on: boolean) => void;
  onEdit: (key: string, field: keyof Editable, value: string) => void;
  programmes: Option[];
  metrics: Option[];
}) {
  const { p, e, errors } = props;
  const id = (f: string) => `p-${p.key.replace(':', '-')}-${f}`;
  const set = (f: keyof Editable) => (ev: { target: { value: string } }) => props.onEdit(p.key, f, ev.target.value);
  const fieldError = (f: keyof FieldErrors) =>
    errors?.[f] ? (
      <span id={id(`${f}-error`)} className="block text-sm font-semibold text-orange-800">
        {errors[f]}
      </span>
    ) : null;
  const linkText = p.recorded && (p.recorded.how === 'same-figure' ? 'The same programme, metric, value and period are recorded as' : 'This sentence is already recorded as');
  return (
    <li className={`rounded border p-3 ${props.ticked ? 'border-oi-blue bg-sky-50/40' : 'border-slate-300'}`} data-testid="proposal" data-value={p.value}>
      <div className="flex items-start gap-3">
        <input id={id('tick')} type="checkbox" className="mt-1.5 h-5 w-5 shrink-0" checked={props.ticked} onChange={(ev) => props.onTick(p.key, ev.target.checked)} />
        <div className="min-w-0">
          <label htmlFor={id('tick')} className="font-semibold">
            {p.recorded ? 'Link this report to' : 'Accept'} {p.evidence.slice(p.numberStart, p.numberEnd).replace(/\*\*|<\/?u>/g, '')} ({p.counted || 'figure'}), line {p.line}
          </label>
          <p className="mt-1 break-words text-slate-800">
            <Evidence p={p} />
          </p>
          {p.likelyContext && p.contextReason && <p className="mt-1 text-sm text-slate-600">Probably not a figure: {p.contextReason}.</p>}
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
          <label className="text-sm" htmlFor={id('metric')}>
            Metric
            <select id={id('metric')} value={e.metric} onChange={set('metric')} className={input} aria-describedby={errors?.metric ? id('metric-error') : undefined}>
              <option value="">Choose a metric</option>
              {props.metrics.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            {fieldError('metric')}
          </label>
          <label className="text-sm" htmlFor={id('programme')}>
            Programme
            <select id={id('programme')} value={e.programme} onChange={set('programme')} className={input} aria-describedby={errors?.programme ? id('programme-error') : undefined}>
              <option value="">Choose a programme</option>
              {props.programmes.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            {fieldError('programme')}
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
}
