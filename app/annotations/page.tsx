import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { listAnnotations } from '@/db/queries/annotations';
import { listBoards, listMetrics, listProgrammes } from '@/db/queries/reference';
import { getCurrentUser } from '@/app/_server/current-user';
import { can } from '@/lib/auth/roles';
import { AnnotationEditor } from './annotation-editor';

export const metadata: Metadata = { title: 'Notes on charts' };

export default async function AnnotationsPage() {
  await connection();
  const db = getDb();
  const user = await getCurrentUser();
  const notes = listAnnotations(db);
  const scopes = [
    ...listMetrics(db).map((m) => ({ value: `metric:${m.slug}`, label: `Metric: ${m.name}` })),
    ...listBoards(db).map((b) => ({ value: `board:${b.slug}`, label: `Board: ${b.name}` })),
    ...listProgrammes(db).map((p) => ({ value: `programme:${p.slug}`, label: `Programme: ${p.name}` })),
  ];
  return (
    <>
      <h1 className="text-3xl font-bold">Notes on charts</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Dated notes that explain the figures — “first national lockdown”, “programme launched”. Each shows as a numbered mark on the charts of what it
        is about (a metric, a board, a programme, or everything) and is listed under them.
      </p>
      {can(user?.role, 'annotate') ? (
        <AnnotationEditor notes={notes} scopes={scopes} />
      ) : (
        <>
          <p className="mt-3 text-sm text-slate-700">Officers add notes.{!user && <> <Link href="/sign-in?next=/annotations" className="underline">Sign in</Link>.</>}</p>
          <ul className="mt-4 divide-y divide-slate-300" data-testid="annotations">
            {notes.length === 0 && <li className="py-2 text-slate-700">No notes yet.</li>}
            {notes.map((n) => (
              <li key={n.id} className="py-2"><span className="tabular font-semibold">{n.date}</span> {n.text} <span className="text-sm text-slate-700">({n.about})</span></li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
