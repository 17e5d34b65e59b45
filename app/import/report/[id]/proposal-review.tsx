'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ReviewProposal } from '@/db/queries/report-review';
import { summariseFieldErrors, type FieldErrors } from '@/lib/observation-input';
import { Alert } from '../../../_components/alert';
import { BulkChange, type BulkValues } from './bulk-change';
import { editableOf, Evidence, fieldId, ProposalCard, type Editable, type Option } from './proposal-card';

/** Whether a proposal is ticked at first: suggested figures are, numbers set apart are not. */
const tickedAtFirst = (p: ReviewProposal) => !p.likelyContext && (p.recorded === null || p.recorded.how === 'same-sentence');

/** The set-apart numbers by reason, the commonest reason first. */
function byReason(list: ReviewProposal[]): [string, ReviewProposal[]][] {
  const groups = new Map<string, ReviewProposal[]>();
  for (const p of list) {
    const reason = p.contextReason ?? 'no reason given';
    groups.set(reason, [...(groups.get(reason) ?? []), p]);
  }
  return [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

/** Cards without a metric (or programme) take one whose name is the one they proposed, once it exists. */
function adoptNamed(all: Record<string, Editable>, proposals: ReviewProposal[], metrics: Option[], programmes: Option[]): Record<string, Editable> {
  // Options read "Name (unit)" or "Name (board)": the name is what the card proposed.
  const byName = (options: Option[]) => new Map(options.map((o) => [o.label.replace(/\s+\([^)]*\)$/, '').toLowerCase(), o.value]));
  const metricByName = byName(metrics);
  const programmeByName = byName(programmes);
  let changed = false;
  const next = { ...all };
  for (const p of proposals) {
    const e = next[p.key];
    if (!e) continue;
    const metric = !e.metric && p.proposedMetric ? metricByName.get(p.proposedMetric.toLowerCase()) : undefined;
    const programme = !e.programme && p.proposedProgramme ? programmeByName.get(p.proposedProgramme.toLowerCase()) : undefined;
    if (metric || programme) {
      next[p.key] = { ...e, metric: metric ?? e.metric, programme: programme ?? e.programme };
      changed = true;
    }
  }
  return changed ? next : all;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * The review screen: every proposal with its sentence and the number marked, fields to correct,
 * ticks, changes to several ticked figures at once, and keys to do it all without the mouse.
 * Accepting sends the ticked ones in one request; the server saves all of them in one
 * transaction or none.
 */
export function ProposalReview({ sourceId, proposals, programmes, metrics }: { sourceId: number; proposals: ReviewProposal[]; programmes: Option[]; metrics: Option[] }) {
  const router = useRouter();
  const open = useMemo(() => proposals.filter((p) => p.recorded?.how !== 'this-report'), [proposals]);
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(open.filter(tickedAtFirst).map((p) => p.key)));
  const [edits, setEdits] = useState<Record<string, Editable>>(() =>
    adoptNamed(Object.fromEntries(proposals.map((p) => [p.key, editableOf(p)])), proposals, metrics, programmes),
  );
  const [errors, setErrors] = useState<Record<string, FieldErrors>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [current, setCurrent] = useState<string | null>(() => open[0]?.key ?? null);
  const listRef = useRef<HTMLDivElement>(null);

  const groups = useMemo(
    () => ({
      proposed: open.filter((p) => !p.likelyContext && p.recorded === null),
      recorded: open.filter((p) => p.recorded !== null),
      setApart: open.filter((p) => p.likelyContext && p.recorded === null),
      done: proposals.filter((p) => p.recorded?.how === 'this-report'),
    }),
    [open, proposals],
  );
  const tickedOpen = useMemo(() => open.filter((p) => ticked.has(p.key)), [open, ticked]);

  // A metric or programme added in another tab (from a card's "Add the metric …" link) appears
  // in the lists when the officer comes back; cards that proposed that name take it.
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === 'visible') router.refresh();
    };
    document.addEventListener('visibilitychange', refresh);
    return () => document.removeEventListener('visibilitychange', refresh);
  }, [router]);
  const [lists, setLists] = useState({ metrics, programmes });
  if (lists.metrics !== metrics || lists.programmes !== programmes) {
    setLists({ metrics, programmes });
    setEdits((all) => adoptNamed(all, proposals, metrics, programmes));
  }

  const toggle = useCallback(
    (key: string, on: boolean) =>
      setTicked((t) => {
        const next = new Set(t);
        if (on) next.add(key);
        else next.delete(key);
        return next;
      }),
    [],
  );
  const setAll = (list: ReviewProposal[], on: boolean) =>
    setTicked((t) => {
      const next = new Set(t);
      for (const p of list) if (on) next.add(p.key);
      else next.delete(p.key);
      return next;
    });
  const edit = useCallback((key: string, field: keyof Editable, value: string) => setEdits((e) => ({ ...e, [key]: { ...e[key]!, [field]: value } })), []);

  function applyToTicked(change: BulkValues): number {
    const keys = tickedOpen.filter((p) => p.recorded === null).map((p) => p.key);
    setEdits((all) => {
      const next = { ...all };
      for (const key of keys) next[key] = { ...next[key]!, ...change };
      return next;
    });
    return keys.length;
  }

  // Keyboard review. On a card: ↓/j and ↑/k move, Space or x ticks, Enter or e edits (into its
  // first field). In a field, Escape comes back to the card.
  const focusCard = useCallback((key: string) => setCurrent(key), []);
  const onCardKey = useCallback(
    (event: KeyboardEvent<HTMLLIElement>, key: string) => {
      const card = event.currentTarget;
      if (event.target !== card) {
        if (event.key === 'Escape') {
          event.preventDefault();
          card.focus();
        }
        return;
      }
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const move = (step: number) => {
        // Only cards on screen: a closed group of set-apart numbers is skipped.
        const cards = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-card]') ?? [])].filter((c) => c.getClientRects().length > 0);
        const at = cards.indexOf(card);
        const to = cards[at + step];
        if (to) {
          setCurrent(to.dataset.card!);
          to.focus();
        }
      };
      switch (event.key) {
        case 'ArrowDown':
        case 'j':
          event.preventDefault();
          move(1);
          break;
        case 'ArrowUp':
        case 'k':
          event.preventDefault();
          move(-1);
          break;
        case ' ':
        case 'x':
          event.preventDefault();
          setTicked((t) => {
            const next = new Set(t);
            if (next.has(key)) next.delete(key);
            else next.add(key);
            return next;
          });
          break;
        case 'Enter':
        case 'e': {
          const first = document.getElementById(fieldId(key, 'value'));
          if (first) {
            event.preventDefault();
            first.focus();
          }
          break;
        }
      }
    },
    [],
  );

  async function accept() {
    const chosen = tickedOpen;
    if (!chosen.length) return setMessage({ kind: 'error', text: 'Tick at least one figure to accept.' });
    setBusy(true);
    setMessage(null);
    try {
      const items = chosen.map((p) => {
        const e = edits[p.key]!;
        return {
          linkTo: p.recorded?.observationId ?? null,
          figure: {
            programme: e.programme, metric: e.metric, value: e.value, upper: e.upper, qualifier: e.qualifier, basis: e.basis, periodStart: e.periodStart ?? '',
            periodEnd: e.periodEnd, datePrecision: e.datePrecision, note: '', evidence: p.evidence, line: String(p.line),
          },
        };
      });
      const response = await fetch(`/api/import/report/${sourceId}/accept`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ items }) });
      const body = (await response.json().catch(() => ({}))) as { created?: number[]; linked?: number[]; error?: string; items?: Record<number, FieldErrors> };
      if (!response.ok) {
        const refused = Object.entries(body.items ?? {})
          .map(([i, e]) => ({ at: Number(i), proposal: chosen[Number(i)]!, errors: e }))
          .sort((a, b) => a.at - b.at);
        setErrors(Object.fromEntries(refused.map((r) => [r.proposal.key, r.errors])));
        const summary = summariseFieldErrors(refused.map((r) => ({ line: r.proposal.line, errors: r.errors })));
        // The keyboard goes to the first figure to correct.
        const first = refused[0]?.proposal.key;
        if (first) {
          setCurrent(first);
          listRef.current?.querySelector<HTMLElement>(`[data-card="${CSS.escape(first)}"]`)?.focus();
        }
        return setMessage({ kind: 'error', text: `${body.error ?? 'Nothing was saved.'} ${summary ? `${summary}. ` : ''}The figures to correct are marked below.` });
      }
      setErrors({});
      setMessage({ kind: 'ok', text: `Added ${plural(body.created!.length, 'figure', 'figures')} and linked this report to ${plural(body.linked!.length, 'recorded figure', 'recorded figures')}.` });
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  const card = (p: ReviewProposal) => (
    <ProposalCard
      key={p.key}
      p={p}
      e={edits[p.key]!}
      ticked={ticked.has(p.key)}
      current={current === p.key}
      errors={errors[p.key]}
      onTick={toggle}
      onEdit={edit}
      onFocusCard={focusCard}
      onCardKey={onCardKey}
      programmes={programmes}
      metrics={metrics}
    />
  );
  const editableTicked = tickedOpen.filter((p) => p.recorded === null).length;

  return (
    <div className="mt-6" ref={listRef}>
      {message && (
        <Alert tone={message.kind === 'ok' ? 'success' : 'error'} className="mb-4">
          {message.text}
        </Alert>
      )}
      <details className="mb-4 max-w-3xl rounded border border-slate-300 p-3 text-sm">
        <summary className="cursor-pointer font-semibold">Reviewing with the keyboard</summary>
        <p className="mt-2">Tab reaches the list of figures; then, on a figure:</p>
        <ul className="mt-1 list-disc pl-6">
          <li>
            <kbd>↓</kbd> or <kbd>j</kbd> next figure, <kbd>↑</kbd> or <kbd>k</kbd> previous
          </li>
          <li>
            <kbd>Space</kbd> or <kbd>x</kbd> tick or untick it
          </li>
          <li>
            <kbd>Enter</kbd> or <kbd>e</kbd> edit its fields (Tab moves between them); <kbd>Esc</kbd> back to the figure
          </li>
        </ul>
      </details>
      <BulkChange count={editableTicked} programmes={programmes} metrics={metrics} onApply={applyToTicked} />
      <section aria-labelledby="proposed-heading" className="mt-6">
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
      {groups.setApart.length > 0 && (
        <details className="mt-8" data-testid="set-apart">
          <summary className="cursor-pointer text-2xl font-semibold">Numbers set apart as probably not figures ({groups.setApart.length})</summary>
          <p className="mt-1 text-slate-700">Dates, ages, durations, phone numbers, other bodies’ funding and the like, grouped by why. Tick any that is a figure after all.</p>
          {byReason(groups.setApart).map(([reason, list]) => (
            <section key={reason} aria-label={`${reason} (${list.length})`} className="mt-4">
              <h3 className="text-lg font-semibold first-letter:uppercase">
                {reason} ({list.length})
              </h3>
              <ol className="mt-2 space-y-3">{list.map(card)}</ol>
            </section>
          ))}
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
          {busy ? 'Saving…' : `Accept ${tickedOpen.length} ticked ${tickedOpen.length === 1 ? 'figure' : 'figures'}`}
        </button>
        <p className="text-sm text-slate-700" data-testid="review-counts">
          {plural(groups.proposed.length + groups.recorded.length, 'proposed', 'proposed')} · {tickedOpen.length.toLocaleString('en-GB')} ticked ·{' '}
          {groups.done.length.toLocaleString('en-GB')} accepted · {groups.setApart.length.toLocaleString('en-GB')} set apart
        </p>
      </div>
    </div>
  );
}
