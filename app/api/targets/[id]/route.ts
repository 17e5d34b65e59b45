// DELETE /api/targets/<id> — remove a target (officers and administrators), with an optional reason kept in the audit trail.
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { removeTarget } from '@/db/mutations/targets';
import { logWrite } from '@/lib/log';
import { NotFoundError } from '@/lib/errors';
import { asWriter, json, readBody } from '@/app/_server/http';

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return asWriter(request, 'set_targets', async (user) => {
    const raw = (await params).id;
    if (!/^\d{1,9}$/.test(raw)) throw new NotFoundError('No such target');
    const reason = (await readBody(request)).reason?.trim().slice(0, 1000) || null;
    await queueWrite(() => removeTarget(getDb(), user, Number(raw), reason));
    logWrite(user, 'target.remove', { targetId: Number(raw) });
    return json({ id: Number(raw) });
  });
}
