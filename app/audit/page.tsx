import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { listAuditActors, listAuditEntries } from '@/db/queries/observations';
import { getCurrentUser } from '@/app/_server/current-user';
import { can } from '@/lib/auth/roles';
import type { SearchParams } from '@/lib/filters';
import { Alert } from '../_components/alert';
import { DataTable, type DataTableColumn } from '../_components/tables/data-table';

export const metadata: Metadata = { title: 'Audit trail' };

const filtersSchema = z.object({
  user: z.string().max(320).optional(),
  entity: z.enum(['observation', 'user', 'quarter', 'target', 'annotation', 'flag']).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

type AuditEntry = ReturnType<typeof listAuditEntries>[number];

const AUDIT_COLUMNS: DataTableColumn<AuditEntry>[] = [
  { header: 'When', className: 'whitespace-nowrap', cell: (r) => r.at.slice(0, 16).replace('T', ' ') },
  { header: 'Who', cell: (r) => r.actor },
  { header: 'What', cell: (r) => r.action.replace('_', ' ') },
  {
    header: 'Record',
    cell: (r) =>
      r.entityType === 'observation' ? <Link href={`/observations/${r.entityId}`} className="underline">figure {r.entityId}</Link> : `${r.entityType} ${r.entityId}`,
  },
  { header: 'Reason', cell: (r) => r.reason ?? '—' },
];

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  if (!can((await getCurrentUser())?.role, 'view_audit'))
    return (
      <>
        <h1 className="text-3xl font-bold">Audit trail</h1>
        <p className="mt-4">The audit trail is for officers and administrators. <Link href="/sign-in?next=/audit" className="underline">Sign in</Link>.</p>
      </>
    );
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const parsed = filtersSchema.safeParse({ user: one(raw.user), entity: one(raw.entity), from: one(raw.from), to: one(raw.to) });
  const filters = parsed.success ? parsed.data : {};
  const db = getDb();
  const rows = listAuditEntries(db, filters);
  return (
    <>
      <h1 className="text-3xl font-bold">Audit trail</h1>
      <p className="mt-2 text-slate-700">Every change to the figures and users: who, when, what, and why.</p>
      {!parsed.success && <Alert tone="error" className="mt-3 text-sm">Some filters could not be used and were ignored.</Alert>}
      <form method="get" className="no-print mt-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-slate-50 p-3 text-sm">
        <label className="flex flex-col"><span className="font-semibold">Who</span>
          <select name="user" defaultValue={filters.user ?? ''} className="mt-1 rounded border border-slate-600 bg-white px-2 py-1">
            <option value="">Anyone</option>
            {listAuditActors(db).map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <label className="flex flex-col"><span className="font-semibold">Record</span>
          <select name="entity" defaultValue={filters.entity ?? ''} className="mt-1 rounded border border-slate-600 bg-white px-2 py-1">
            <option value="">Any</option><option value="observation">Figures</option><option value="user">Users</option><option value="quarter">Quarters</option><option value="target">Targets</option><option value="annotation">Notes</option><option value="flag">Flags</option>
          </select>
        </label>
        <label className="flex flex-col"><span className="font-semibold">From</span><input type="date" name="from" defaultValue={filters.from} className="mt-1 rounded border border-slate-600 px-2 py-1" /></label>
        <label className="flex flex-col"><span className="font-semibold">To</span><input type="date" name="to" defaultValue={filters.to} className="mt-1 rounded border border-slate-600 px-2 py-1" /></label>
        <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-white">Show</button>
      </form>
      <DataTable
        caption="Changes, newest first (at most 200)"
        captionHidden
        compact
        className="mt-4"
        columns={AUDIT_COLUMNS}
        rows={rows}
        rowKey={(r) => r.id}
      />
    </>
  );
}
