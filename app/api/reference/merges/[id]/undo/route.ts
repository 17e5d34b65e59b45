// POST /api/reference/merges/<id>/undo — administrators undo a merge: what it moved goes back.
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { undoMerge } from '@/db/mutations/reference-edit';
import { logWrite } from '@/lib/log';
import { asWriter, json } from '@/app/_server/http';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return asWriter(request, 'administer_reference', async (user) => {
    const id = Number((await params).id);
    if (!Number.isInteger(id)) return json({ error: 'No such merge' }, 404);
    await queueWrite(() => undoMerge(getDb(), user, id));
    logWrite(user, 'reference.merge_undo', { merge: id });
    return json({ ok: true });
  });
}
