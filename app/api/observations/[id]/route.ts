// PUT /api/observations/<id> — correct a figure (a reason is needed for figures from a report);
// DELETE — delete it (recoverable: it can be restored, and the audit trail keeps everything).
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { deleteObservation, updateObservation } from '@/db/mutations/observations';
import { logWrite } from '@/lib/log';
import { asWriter, figureIdFrom, json, readBody } from '@/app/_server/http';
import { fieldErrors, observationInputSchema } from '@/lib/observation-input';

type Context = { params: Promise<{ id: string }> };

export async function PUT(request: Request, { params }: Context) {
  return asWriter(request, 'edit_figures', async (user) => {
    const id = await figureIdFrom(params);
    const parsed = observationInputSchema.safeParse(await readBody(request));
    if (!parsed.success) return json({ error: 'Check the highlighted fields', fields: fieldErrors(parsed.error) }, 400);
    await queueWrite(() => updateObservation(getDb(), user, id, parsed.data));
    logWrite(user, 'observation.update', { observationId: id });
    return json({ id });
  });
}

export async function DELETE(request: Request, { params }: Context) {
  return asWriter(request, 'edit_figures', async (user) => {
    const id = await figureIdFrom(params);
    const reason = (await readBody(request)).reason?.trim().slice(0, 1000) || null;
    await queueWrite(() => deleteObservation(getDb(), user, id, reason));
    logWrite(user, 'observation.delete', { observationId: id });
    return json({ id });
  });
}
