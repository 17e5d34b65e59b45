import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { listDeletedObservations } from '@/db/queries/observations';
import { getCurrentUser } from '@/app/_server/current-user';
import { can } from '@/lib/auth/roles';
import { formatQualified } from '@/lib/qualifiers';

export const metadata: Metadata = { title: 'Recently deleted figures' };

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
      {rows.length ? (
        <table className="mt-4 w-full text-left text-sm">
          <thead>
            <tr className="border-b-2 border-slate-800">
              <th scope="col" className="py-1 pr-3">Deleted</th>
              <th scope="col" className="py-1 pr-3">Programme</th>
              <th scope="col" className="py-1 pr-3">Metric</th>
              <th scope="col" className="py-1 text-right">Value</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-200">
                <td className="py-1 pr-3">{r.deletedAt.slice(0, 16).replace('T', ' ')}</td>
                <td className="py-1 pr-3">{r.programme}</td>
                <td className="py-1 pr-3">{r.metric}</td>
                <td className="tabular py-1 text-right">
                  <Link href={`/observations/${r.id}`} className="underline">{formatQualified(r.value, r.qualifier, r.unit, r.upper)}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-4 rounded bg-slate-100 p-4">No figures have been deleted.</p>
      )}
    </>
  );
}
