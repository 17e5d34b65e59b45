// POST /api/observations/<id>/restore — bring back a deleted figure (officers).
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { restoreObservation } from '@/db/mutations/observations';
import { logWrite } from '@/lib/log';
import { asWriter, figureIdFrom, json, readBody } from '@/app/_server/http';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return asWriter(request, 'edit_figures', async (user) => {
    const id = await figureIdFrom(params);
    const reason = (await readBody(request)).reason?.trim().slice(0, 1000) || null;
    await queueWrite(() => restoreObservation(getDb(), user, id, reason));
    logWrite(user, 'observation.restore', { observationId: id });
    return json({ id });
  });
}
