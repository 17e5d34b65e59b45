import Link from 'next/link';
import { getCurrentUser } from '@/app/_server/current-user';
import { can } from '@/lib/auth/roles';
import type { ReferenceKind } from '@/lib/reference-input';

/** "Add a programme" and the like, shown to officers only (the route checks the role again). */
export async function AddLink({ kind, label }: { kind: ReferenceKind; label: string }) {
  if (!can((await getCurrentUser())?.role, 'manage_reference')) return null;
  return (
    <Link href={`/manage/new/${kind}`} className="no-print mt-2 inline-block rounded border border-slate-600 px-3 py-1 text-sm underline">
      {label}
    </Link>
  );
}

/** "Edit this programme" and the like, shown to officers only (the routes check the role again). */
export async function EditLink({ kind, slug, label }: { kind: 'board' | 'programme' | 'metric'; slug: string; label: string }) {
  if (!can((await getCurrentUser())?.role, 'manage_reference')) return null;
  return (
    <Link href={`/manage/${kind}/${slug}`} className="no-print mt-2 inline-block rounded border border-slate-600 px-3 py-1 text-sm underline">
      {label}
    </Link>
  );
}
