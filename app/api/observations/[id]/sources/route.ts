// POST /api/observations/<id>/sources — link a source (with its evidence) to an existing figure:
// what an officer does instead of recording the same fact twice.
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { linkSourceToObservation } from '@/db/mutations/observations';
import { NotFoundError } from '@/lib/errors';
import { getCurrentUser } from '@/app/_server/current-user';
import { requireRole } from '@/lib/auth/roles';
import { ForbiddenError } from '@/lib/errors';
import { logWrite } from '@/lib/log';
import { errorResponse, json, readBody, sameOrigin } from '@/app/_server/http';
import { fieldErrors, observationInputSchema } from '@/lib/observation-input';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    if (!sameOrigin(request)) throw new ForbiddenError('edit_figures');
    const user = await getCurrentUser();
    requireRole(user?.role, 'edit_figures');
    const raw = (await params).id;
    if (!/^\d{1,9}$/.test(raw)) throw new NotFoundError('No such figure');
    const parsed = observationInputSchema.safeParse(await readBody(request));
    if (!parsed.success) return json({ error: 'Check the highlighted fields', fields: fieldErrors(parsed.error) }, 400);
    if (parsed.data.sourceId === null) return json({ error: 'Choose the source to link', fields: { sourceId: 'Choose a source' } }, 400);
    await queueWrite(() => linkSourceToObservation(getDb(), user!, Number(raw), parsed.data));
    logWrite(user!, 'observation.link_source', { observationId: Number(raw), sourceId: parsed.data.sourceId });
    return json({ id: Number(raw) });
  } catch (error) {
    return errorResponse(error, request);
  }
}
