// POST /api/reference/<programme|metric>/<id>/merge — administrators merge this one into another.
//   { into, confirm: 'false' }  the preview: what would move, and the figures that would duplicate
//   { into, confirm: 'true' }   the merge itself (audited, and undoable: /api/reference/merges/<id>/undo)
import { z } from 'zod';
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { mergeReference, previewMerge } from '@/db/mutations/reference-edit';
import { requireRole } from '@/lib/auth/roles';
import { logWrite } from '@/lib/log';
import { asWriter, json, readBody } from '@/app/_server/http';

const mergeSchema = z.object({ into: z.coerce.number().int().positive(), confirm: z.enum(['true', 'false']).default('false') });

export async function POST(request: Request, { params }: { params: Promise<{ kind: string; id: string }> }) {
  return asWriter(request, 'administer_reference', async (user) => {
    const { kind, id: raw } = await params;
    const id = Number(raw);
    if ((kind !== 'programme' && kind !== 'metric') || !Number.isInteger(id)) return json({ error: 'Only programmes and metrics are merged' }, 404);
    const parsed = mergeSchema.safeParse(await readBody(request));
    if (!parsed.success) return json({ error: `Choose the ${kind} to merge into`, fields: { into: `Choose the ${kind} to merge into` } }, 400);
    requireRole(user.role, 'administer_reference');
    const { into, confirm } = parsed.data;
    if (confirm === 'false') return json(previewMerge(getDb(), kind, id, into));
    const merge = await queueWrite(() => mergeReference(getDb(), user, kind, id, into));
    logWrite(user, 'reference.merge', { kind, id, into, merge });
    return json({ merge }, 201);
  });
}
