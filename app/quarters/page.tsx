import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { listQuarters, type QuarterSummary } from '@/db/queries/quarters';
import { getCurrentUser } from '@/app/_server/current-user';
import { can } from '@/lib/auth/roles';
import { DataTable, type DataTableColumn } from '../_components/tables/data-table';
import { QuarterStatusForm } from '../_components/forms/quarter-status-form';

export const metadata: Metadata = { title: 'Quarters' };

const COLUMNS: DataTableColumn<QuarterSummary>[] = [
  { header: 'Quarter', cell: (q) => q.label },
  { header: 'Figures', className: 'tabular text-right', cell: (q) => q.figures.toLocaleString('en-GB') },
  { header: 'Status', cell: (q) => (q.status === 'final' ? <strong>Final</strong> : 'Provisional') },
  { header: 'Since', className: 'whitespace-nowrap', cell: (q) => (q.changedAt ? `${q.changedAt.slice(0, 10)}, ${q.changedBy}` : '—') },
  { header: 'Restated since final', className: 'tabular text-right', cell: (q) => (q.status === 'final' || q.restatements ? q.restatements : '—') },
];

export default async function QuartersPage() {
  await connection();
  const user = await getCurrentUser();
  const quarters = listQuarters(getDb(), { identities: can(user?.role, 'view_audit') });
  return (
    <>
      <h1 className="text-3xl font-bold">Quarters</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        A quarter’s figures are <strong>provisional</strong> until an administrator marks the quarter <strong>final</strong>, after the board has seen
        them. A final quarter’s figures can be changed only by an administrator, giving a reason, and each such change is shown on the figure as a
        restatement. A figure belongs to the quarter its period ends in.
      </p>
      {can(user?.role, 'finalise_quarters') ? (
        quarters.length > 0 && <QuarterStatusForm quarters={quarters.map(({ quarter, label, status }) => ({ quarter, label, status }))} />
      ) : (
        <p className="mt-3 text-sm text-slate-700">
          Administrators mark quarters final.{!user && <> <Link href="/sign-in?next=/quarters" className="underline">Sign in</Link>.</>}
        </p>
      )}
      <DataTable caption="Quarters with figures, newest first" className="mt-6" columns={COLUMNS} rows={quarters} rowKey={(q) => q.quarter} empty="No figures yet, so no quarters." />
    </>
  );
}
