import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { getFigureDateRange } from '@/db/queries/periods';
import { listTargets, type TargetRow } from '@/db/queries/targets';
import { getCurrentUser } from '@/app/_server/current-user';
import { can } from '@/lib/auth/roles';
import { bucketOf, bucketsBetween, nextBucket } from '@/lib/fiscal-periods';
import { DataTable, type DataTableColumn } from '../_components/tables/data-table';
import { RagBadge } from '../_components/rag-badge';
import { TargetForm } from '../_components/forms/target-form';
import { formOptions } from '../observations/form-options';
import { RemoveTarget } from './remove-target';

export const metadata: Metadata = { title: 'Targets' };

function columns(officer: boolean): DataTableColumn<TargetRow>[] {
  const cols: DataTableColumn<TargetRow>[] = [
    { header: 'Metric', cell: (t) => <Link href={`/metrics/${t.metric.slug}`} className="underline">{t.metric.name}</Link> },
    { header: 'Programme', cell: (t) => (t.programme ? <Link href={`/programmes/${t.programme.slug}`} className="underline">{t.programme.name}</Link> : 'Every programme') },
    { header: 'Period', cell: (t) => t.period.label },
    { header: 'Counted as', cell: (t) => (t.basis === 'period' ? 'in the period' : 'running total') },
    { header: 'Target', className: 'tabular text-right', cell: (t) => t.valueText },
    { header: 'Progress', className: 'tabular', cell: (t) => t.rag.progress ?? '—' },
    { header: 'Status', cell: (t) => <RagBadge rag={t.rag} /> },
    { header: 'Thresholds', className: 'text-sm', cell: (t) => `green from ${t.amberBelowPct}%, red below ${t.redBelowPct}%` },
  ];
  if (officer) cols.push({ header: 'Remove', cell: (t) => <RemoveTarget id={t.id} label={`${t.metric.name}, ${t.period.label}`} /> });
  return cols;
}

export default async function TargetsPage() {
  await connection();
  const db = getDb();
  const user = await getCurrentUser();
  const officer = can(user?.role, 'set_targets');
  const targets = listTargets(db);
  const dates = getFigureDateRange(db);
  // Years and quarters from the first figure's to the year after the last one's.
  const last = dates ? nextBucket(bucketOf(dates.last, 'year')) : null;
  const years = dates && last ? bucketsBetween(dates.first, last.end, 'year').reverse() : [];
  const periods = years.flatMap((y) => [{ value: y.token, label: y.label }, ...bucketsBetween(y.start, y.end, 'quarter').reverse().map((q) => ({ value: q.token, label: q.label }))]);
  const { metrics, programmes } = formOptions(db);
  return (
    <>
      <h1 className="text-3xl font-bold">Targets</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        What a metric should reach in a financial year or quarter, and how far its figures have come. The status respects what the figures say:
        “at least 410” against a target of 400 is green, but a figure whose bounds straddle a threshold says <strong>cannot tell</strong> rather than
        guess. Figures that may not be added across programmes are not rated.
      </p>
      {officer ? (
        <TargetForm metrics={metrics} programmes={programmes} periods={periods} initialPeriod={years[1]?.token ?? years[0]?.token ?? ''} />
      ) : (
        <p className="mt-3 text-sm text-slate-700">Officers set targets.{!user && <> <Link href="/sign-in?next=/targets" className="underline">Sign in</Link>.</>}</p>
      )}
      <DataTable caption="Targets, latest period first" className="mt-6" columns={columns(officer)} rows={targets} rowKey={(t) => t.id} empty="No targets set yet." />
    </>
  );
}
