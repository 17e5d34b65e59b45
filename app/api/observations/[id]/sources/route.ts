// POST /api/observations/<id>/sources — link a source (with its evidence) to an existing figure:
// what an officer does instead of recording the same fact twice.
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { linkSourceToObservation } from '@/db/mutations/observations';
import { logWrite } from '@/lib/log';
import { asWriter, figureIdFrom, json, readBody } from '@/app/_server/http';
import { fieldErrors, observationInputSchema } from '@/lib/observation-input';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return asWriter(request, 'edit_figures', async (user) => {
    const id = await figureIdFrom(params);
    const parsed = observationInputSchema.safeParse(await readBody(request));
    if (!parsed.success) return json({ error: 'Check the highlighted fields', fields: fieldErrors(parsed.error) }, 400);
    if (parsed.data.sourceId === null) return json({ error: 'Choose the source to link', fields: { sourceId: 'Choose a source' } }, 400);
    await queueWrite(() => linkSourceToObservation(getDb(), user, id, parsed.data));
    logWrite(user, 'observation.link_source', { observationId: id, sourceId: parsed.data.sourceId });
    return json({ id });
  });
}
