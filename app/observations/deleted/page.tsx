import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { listDeletedObservations } from '@/db/queries/observations';
import { getCurrentUser } from '@/app/_server/current-user';
import { can } from '@/lib/auth/roles';
import { formatQualified } from '@/lib/qualifiers';
import { DataTable, type DataTableColumn } from '../../_components/tables/data-table';

export const metadata: Metadata = { title: 'Recently deleted figures' };

type DeletedFigure = ReturnType<typeof listDeletedObservations>[number];

const DELETED_COLUMNS: DataTableColumn<DeletedFigure>[] = [
  { header: 'Deleted', cell: (r) => r.deletedAt.slice(0, 16).replace('T', ' ') },
  { header: 'Programme', cell: (r) => r.programme },
  { header: 'Metric', cell: (r) => r.metric },
  {
    header: 'Value',
    align: 'right',
    className: 'tabular',
    cell: (r) => <Link href={`/observations/${r.id}`} className="underline">{formatQualified(r.value, r.qualifier, r.unit, r.upper)}</Link>,
  },
];

export default async function DeletedPage() {
  await connection();
  if (!can((await getCurrentUser())?.role, 'edit_figures'))
    return (
      <>
        <h1 className="text-3xl font-bold">Recently deleted figures</h1>
        <p className="mt-4">You need an officer account to see deleted figures.</p>
      </>
    );
  const rows = listDeletedObservations(getDb());
  return (
    <>
      <h1 className="text-3xl font-bold">Recently deleted figures</h1>
      <p className="mt-2 text-slate-700">Deleted figures are not counted anywhere. Open one to restore it.</p>
      <DataTable
        compact
        className="mt-4"
        columns={DELETED_COLUMNS}
        rows={rows}
        rowKey={(r) => r.id}
        empty="No figures have been deleted."
      />
    </>
  );
}
