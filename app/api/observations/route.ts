// POST /api/observations — add a figure (officers). A figure that looks like one already
// recorded answers 409 with its id, so the officer can link the source to it instead.
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { createObservation, findLookAlike } from '@/db/mutations/observations';
import { logWrite } from '@/lib/log';
import { asWriter, json, readBody } from '@/app/_server/http';
import { fieldErrors, observationInputSchema } from '@/lib/observation-input';

export async function POST(request: Request) {
  return asWriter(request, 'edit_figures', async (user) => {
    const body = await readBody(request);
    const parsed = observationInputSchema.safeParse(body);
    if (!parsed.success) return json({ error: 'Check the highlighted fields', fields: fieldErrors(parsed.error) }, 400);
    const db = getDb();
    const duplicate = findLookAlike(db, parsed.data);
    if (duplicate !== null && body.confirmDuplicate !== '1')
      return json({ error: 'This looks like a figure already recorded.', duplicateOf: duplicate }, 409);
    const id = await queueWrite(() => createObservation(db, user, parsed.data));
    logWrite(user, 'observation.create', { observationId: id, duplicateConfirmed: duplicate !== null });
    return json({ id }, 201);
  });
}
