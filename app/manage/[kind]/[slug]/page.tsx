// Editing a board, programme or metric (db/mutations/reference-edit.ts): officers change its
// name and description; administrators also give it a new address (the old one redirects),
// retire it or bring it back, merge it into another after a preview, and undo a merge.
import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { listMerges, type EditableKind } from '@/db/mutations/reference-edit';
import { getCurrentUser } from '@/app/_server/current-user';
import { can } from '@/lib/auth/roles';
import { Alert } from '@/app/_components/alert';
import { firstParam, type SearchParams } from '@/lib/filters';
import { ReferenceEditor } from './reference-editor';

export const metadata: Metadata = { title: 'Edit' };

const KINDS: Record<string, { kind: EditableKind; table: string; about: string; path: string }> = {
  board: { kind: 'board', table: 'boards', about: 'description', path: '/boards' },
  programme: { kind: 'programme', table: 'programmes', about: 'description', path: '/programmes' },
  metric: { kind: 'metric', table: 'metrics', about: 'definition', path: '/metrics' },
};

export default async function EditReferencePage({ params, searchParams }: { params: Promise<{ kind: string; slug: string }>; searchParams: Promise<SearchParams> }) {
  await connection();
  const { kind: rawKind, slug } = await params;
  // After a rename the page is reached at its new address, saying where the old one leads.
  const renamed = firstParam((await searchParams).renamed);
  const k = Object.hasOwn(KINDS, rawKind) ? KINDS[rawKind]! : null;
  if (!k) notFound();
  const db = getDb();
  const row = db.$client.prepare(`SELECT id, slug, name, ${k.about} AS about, retired_at AS retiredAt${k.kind === 'metric' ? ', unit' : ''} FROM ${k.table} WHERE slug = ?`).get(slug) as
    | { id: number; slug: string; name: string; about: string | null; retiredAt: string | null; unit?: string }
    | undefined;
  if (!row) notFound();
  const user = await getCurrentUser();
  const page = `${k.path}/${row.slug}`;
  if (!can(user?.role, 'manage_reference'))
    return (
      <>
        <h1 className="text-3xl font-bold">Edit {row.name}</h1>
        <p className="mt-2">Officers edit {k.kind}s.{!user && <> <Link href={`/sign-in?next=/manage/${k.kind}/${row.slug}`} className="underline">Sign in</Link>.</>}</p>
      </>
    );
  const admin = can(user?.role, 'administer_reference');
  // The others it could be merged into: live ones of the same kind (a metric: of the same unit).
  const others =
    k.kind === 'board'
      ? []
      : (db.$client
          .prepare(`SELECT id, name FROM ${k.table} WHERE id != ? AND retired_at IS NULL ${k.kind === 'metric' ? 'AND unit = ?' : ''} ORDER BY name`)
          .all(...(k.kind === 'metric' ? [row.id, row.unit] : [row.id])) as { id: number; name: string }[]);
  const merges = k.kind === 'board' ? [] : listMerges(db, k.kind, row.id);
  return (
    <>
      <p className="text-sm">
        <Link href={page} className="underline">{row.name}</Link>
      </p>
      <h1 className="text-3xl font-bold">Edit {row.name}</h1>
      {renamed && /^[a-z0-9-]{1,100}$/.test(renamed) && (
        <Alert tone="success" className="mt-4">
          {renamed === row.slug ? 'Renamed.' : `Renamed; ${k.path}/${renamed} now leads to ${k.path}/${row.slug}.`}
        </Alert>
      )}
      {row.retiredAt && <p className="mt-2 rounded bg-slate-100 p-2">Retired on {row.retiredAt.slice(0, 10)}: hidden from the lists for new figures; its figures and pages are kept.</p>}
      <ReferenceEditor kind={k.kind} record={{ id: row.id, slug: row.slug, name: row.name, about: row.about ?? '', retired: !!row.retiredAt }} admin={admin} others={others} merges={merges} path={k.path} />
    </>
  );
}
