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
