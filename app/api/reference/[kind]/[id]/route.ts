// PATCH /api/reference/<board|programme|metric>/<id> — change one:
//   { action: 'edit', name, about }          officers: the name and description (a metric's definition)
//   { action: 'rename', name, slug? }        administrators: a new address; the old one redirects
//   { action: 'retire' } / { action: 'restore' }   administrators: hide from pickers, or bring back
import { z } from 'zod';
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { editReference, renameReference, setRetired, type EditableKind } from '@/db/mutations/reference-edit';
import { logWrite } from '@/lib/log';
import { asWriter, json, readBody } from '@/app/_server/http';

const KINDS: EditableKind[] = ['board', 'programme', 'metric'];
const changeSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('edit'), name: z.string(), about: z.string().optional().default('') }),
  z.object({ action: z.literal('rename'), name: z.string(), slug: z.string().optional().default('') }),
  z.object({ action: z.literal('retire') }),
  z.object({ action: z.literal('restore') }),
]);

export async function PATCH(request: Request, { params }: { params: Promise<{ kind: string; id: string }> }) {
  return asWriter(request, 'manage_reference', async (user) => {
    const { kind, id: raw } = await params;
    const id = Number(raw);
    if (!KINDS.includes(kind as EditableKind) || !Number.isInteger(id)) return json({ error: 'No such record' }, 404);
    const parsed = changeSchema.safeParse(await readBody(request));
    if (!parsed.success) return json({ error: 'Say what to change: edit, rename, retire or restore.' }, 400);
    const change = parsed.data;
    const k = kind as EditableKind;
    const db = getDb();
    let slug: string | undefined;
    if (change.action === 'edit') await queueWrite(() => editReference(db, user, k, id, { name: change.name, about: change.about || null }));
    else if (change.action === 'rename') slug = (await queueWrite(() => renameReference(db, user, k, id, { name: change.name, slug: change.slug || undefined }))).slug;
    else await queueWrite(() => setRetired(db, user, k, id, change.action === 'retire'));
    logWrite(user, `reference.${change.action}`, { kind, id });
    return json({ ok: true, slug });
  });
}
