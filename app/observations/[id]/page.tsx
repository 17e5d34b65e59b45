import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { listFigureHistory, type HistoryEntry } from '@/db/queries/figure-history';
import { getFigureSummary, getObservation, listPartsOf, type FigureSummary } from '@/db/queries/observations';
import { getNamesById } from '@/db/queries/reference';
import { getFigureQuarter, listRestatementsOf } from '@/db/queries/quarters';
import { reportedLine } from '@/db/queries/meetings';
import { FLAG_LABELS, flagsOfFigure } from '@/db/queries/flags';
import { getCurrentUser } from '@/app/_server/current-user';
import { can } from '@/lib/auth/roles';
import { plainEvidence } from '@/lib/evidence';
import { describeChanges } from '@/lib/figure-changes';
import { describePeriod } from '@/lib/period-label';
import { BASIS_LABELS, describeQualifier, formatQualified } from '@/lib/qualifiers';
import { Alert } from '../../_components/alert';
import { ObservationForm } from '../../_components/forms/observation-form';
import { DataTable, type DataTableColumn } from '../../_components/tables/data-table';
import { formOptions } from '../form-options';
import { FigureActions } from './figure-actions';

type Props = { params: Promise<{ id: string }> };
const figureId = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

export const metadata: Metadata = { title: 'Figure' };

type Names = ReturnType<typeof getNamesById>;

/** The figure's audit entries: who changed what, when and why; `restated`: the entries that restated a final quarter. */
function historyColumns(names: Names, restated: Map<number, string>): DataTableColumn<HistoryEntry>[] {
  return [
    { header: 'When', className: 'whitespace-nowrap', cell: (h) => h.at.slice(0, 16).replace('T', ' ') },
    { header: 'Who', cell: (h) => h.who },
    {
      header: 'What',
      cell: (h) => (
        <>
          {h.action.replace('_', ' ')}
          {restated.has(h.id) && <strong className="block">Restatement of {restated.get(h.id)}, after it was final</strong>}
        </>
      ),
    },
    { header: 'Changes', className: 'text-xs [overflow-wrap:anywhere]', cell: (h) => describeChanges(h.before, h.after, names).join('; ') },
    { header: 'Reason', cell: (h) => h.reason ?? '—' },
  ];
}

/** "Coaching for chief executives: 171 people coached or trained (running total)". */
function summaryText(f: FigureSummary): string {
  return `${f.programme}: ${formatQualified(f.value, f.qualifier, f.metric.unit, f.upper)} ${f.metric.name.toLowerCase()} (${BASIS_LABELS[f.basis]})${f.deleted ? ', deleted' : ''}`;
}

export default async function ObservationPage({ params }: Props) {
  await connection();
  const db = getDb();
  const id = figureId((await params).id);
  const o = id === null ? undefined : getObservation(db, id);
  if (!o) notFound();
  const user = await getCurrentUser();
  const officer = can(user?.role, 'edit_figures');
  // Emails only for those who may read the audit trail; everyone else sees roles.
  const history = listFigureHistory(db, o.id, { identities: can(user?.role, 'view_audit') });
  const total = o.partOf === null ? undefined : getFigureSummary(db, o.partOf);
  const parts = listPartsOf(db, [o.id]).get(o.id) ?? [];
  const names = getNamesById(db);
  const quarter = getFigureQuarter(db, o.periodEnd);
  const restated = listRestatementsOf(db, o.id);
  const line = reportedLine(db, o.id);
  const flags = flagsOfFigure(db, o.id, { identities: can(user?.role, 'view_audit') });
  // A final quarter's figures are an administrator's to change (docs/decisions/0011).
  const mayChange = officer && (quarter.status !== 'final' || can(user?.role, 'finalise_quarters'));
  return (
    <>
      <p className="text-sm">
        <Link href={`/programmes/${o.programme.slug}`} className="underline">{o.programme.name}</Link>
      </p>
      <h1 className="text-3xl font-bold">
        {o.metric.name}: <span className="tabular">{formatQualified(o.value, o.qualifier, o.metric.unit, o.upper)}</span>
      </h1>
      {o.deletedAt && (
        <Alert tone="error" role="status" className="mt-2">
          This figure was deleted on {o.deletedAt.slice(0, 10)}. It is not counted anywhere until it is restored.
        </Alert>
      )}
      <dl className="mt-4 grid max-w-2xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Qualifier</dt><dd>{describeQualifier(o.qualifier, o.upper)}</dd>
        <dt className="font-semibold">Basis</dt><dd>{BASIS_LABELS[o.basis]}</dd>
        <dt className="font-semibold">Period</dt><dd>{describePeriod(o.periodStart, o.periodEnd, o.datePrecision, o.basis)}</dd>
        <dt className="font-semibold">Quarter</dt>
        <dd>
          {quarter.label}: {quarter.status === 'final' ? <strong>final</strong> : 'provisional'}
          {quarter.status === 'final' && quarter.changedAt && <span className="text-slate-700"> since {quarter.changedAt.slice(0, 10)}</span>}
          {restated.size > 0 && <span className="block text-sm">Restated {restated.size === 1 ? 'once' : `${restated.size} times`} since its quarter was final: see its history.</span>}
        </dd>
        <dt className="font-semibold">Board</dt><dd>{o.board.name}</dd>
        {o.note && (<><dt className="font-semibold">Note</dt><dd>{o.note}</dd></>)}
        {total && (
          <>
            <dt className="font-semibold">Part of</dt>
            <dd>
              <Link href={`/observations/${total.id}`} className="underline">{summaryText(total)}</Link>
              <span className="block text-sm text-slate-700">A breakdown of that figure: shown with it, never added to it or to anything else.</span>
            </dd>
          </>
        )}
      </dl>
      {parts.length > 0 && (
        <section aria-labelledby="parts" className="mt-6">
          <h2 id="parts" className="text-xl font-semibold">Its parts</h2>
          <p className="text-sm text-slate-700">Breakdowns of this figure stated in its source. They are part of it, so they are never added to it.</p>
          <ul className="mt-2 list-disc pl-5">
            {parts.map((p) => (
              <li key={p.id}>
                <Link href={`/observations/${p.id}`} className="underline">{summaryText(p)}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="sources" className="mt-6">
        <h2 id="sources" className="text-xl font-semibold">Sources</h2>
        {o.sources.length ? (
          <ul className="mt-2 space-y-2">
            {o.sources.map((s) => (
              <li key={`${s.sourceId}-${s.line}`}>
                <blockquote className="border-l-4 border-slate-300 pl-2">“{plainEvidence(s.evidence)}”</blockquote>
                <Link href={`/sources/${s.sourceId}#line-${s.line ?? 1}`} className="text-sm underline">
                  {s.title}{s.line ? `, line ${s.line}` : ''}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">No source recorded for this figure.</p>
        )}
      </section>
      {flags.length > 0 && (
        <Alert tone={flags.every((f) => f.acknowledged) ? 'info' : 'warning'} className="mt-4" data-testid="figure-flags">
          <p className="font-semibold">Data-quality {flags.length === 1 ? 'flag' : 'flags'} (<Link href="/flags" className="underline">all flags</Link>)</p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {flags.map((f) => (
              <li key={f.key}>
                {FLAG_LABELS[f.kind]}: {f.text}
                {f.acknowledged ? ` Acknowledged: “${f.acknowledged.reason}”` : ''}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {line.length > 0 && (
        <section aria-labelledby="reported" className="mt-6">
          <h2 id="reported" className="text-xl font-semibold">As reported, and restated</h2>
          <ol className="mt-2 space-y-2" data-testid="reported-line">
            {line.map((l) => (
              <li key={l.paper.id}>
                Reported as <strong className="tabular">{l.reported}</strong> in <Link href={`/sources/${l.paper.id}`} className="underline">{l.paper.title}</Link> ({l.date})
                {l.restatements.length === 0 ? <span className="text-slate-700">; not restated since.</span> : (
                  <ul className="ml-5 list-disc text-sm">
                    {l.restatements.map((r, i) => (
                      <li key={i}>
                        {r.at.slice(0, 10)}: {r.kind === 'later paper' ? <>a later paper, <Link href={`/sources/${r.paper!.id}`} className="underline">{r.paper!.title}</Link>, gives {r.now}</> : <>{r.kind} to <strong className="tabular">{r.now}</strong> by {r.who.toLowerCase()}</>}
                        {r.reason ? `: “${r.reason}”` : ''}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="history" className="mt-6">
        <h2 id="history" className="text-xl font-semibold">History</h2>
        <DataTable
          compact
          className="mt-2"
          columns={historyColumns(names, restated)}
          rows={history}
          rowKey={(h) => h.id}
          rowProps={() => ({ 'data-testid': 'history-row' })}
        />
      </section>
      {officer && !mayChange && (
        <Alert tone="info" role="status" className="mt-8">
          {quarter.label} is final: the board has seen its figures, so only an administrator can change this one, giving a reason.
        </Alert>
      )}
      {mayChange && (
        <section aria-labelledby="correct" className="mt-8">
          <h2 id="correct" className="text-xl font-semibold">{o.deletedAt ? 'Restore' : 'Correct or delete'}</h2>
          {quarter.status === 'final' && (
            <Alert tone="info" role="status" className="mt-2">
              {quarter.label} is final. A change needs a reason, and is shown on this figure as a restatement.
            </Alert>
          )}
          {!o.deletedAt && (
            <ObservationForm
              mode="edit"
              id={o.id}
              fromReport={o.sources.length > 0}
              reasonRequired={quarter.status === 'final'}
              initial={{
                programme: o.programme.slug, metric: o.metric.slug, value: String(o.value), qualifier: o.qualifier, basis: o.basis,
                periodStart: o.periodStart ?? '', periodEnd: o.periodEnd, datePrecision: o.datePrecision, note: o.note ?? '',
                sourceId: '', evidence: '', line: '', reason: '', upper: o.upper === null ? '' : String(o.upper), partOf: o.partOf === null ? '' : String(o.partOf),
                version: String(o.version),
              }}
              {...formOptions(db, { programme: o.programme.slug, metric: o.metric.slug })}
            />
          )}
          <FigureActions id={o.id} deleted={!!o.deletedAt} reasonRequired={quarter.status === 'final'} />
        </section>
      )}
    </>
  );
}
