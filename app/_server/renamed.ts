// A page of a board, programme or metric reached by an old address (renamed, or merged into
// another): it moves permanently to the address it has now, with the same query, so a shared
// link never breaks (db/mutations/reference-edit.ts).
import { permanentRedirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { resolveSlug, type EditableKind } from '@/db/mutations/reference-edit';
import type { SearchParams } from '@/lib/filters';

const PATHS: Record<EditableKind, string> = { board: '/boards', programme: '/programmes', metric: '/metrics' };

export function followRename(kind: EditableKind, slug: string, query: SearchParams = {}): void {
  const now = resolveSlug(getDb(), kind, slug);
  if (!now?.redirected) return;
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [value ?? []].flat()) q.append(key, v);
  permanentRedirect(`${PATHS[kind]}/${now.slug}${q.size ? `?${q}` : ''}`);
}
