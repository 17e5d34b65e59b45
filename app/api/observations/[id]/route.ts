// PUT /api/observations/<id> — correct a figure (a reason is needed for figures from a report);
// DELETE — delete it (recoverable: it can be restored, and the audit trail keeps everything).
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { deleteObservation, updateObservation } from '@/db/mutations/observations';
import { NotFoundError } from '@/lib/errors';
import { getCurrentUser } from '@/app/_server/current-user';
import { requireRole } from '@/lib/auth/roles';
import { ForbiddenError } from '@/lib/errors';
import { logWrite } from '@/lib/log';
import { errorResponse, json, readBody, sameOrigin } from '@/app/_server/http';
import { fieldErrors, observationInputSchema } from '@/lib/observation-input';

type Context = { params: Promise<{ id: string }> };

async function authorise(request: Request, { params }: Context) {
  if (!sameOrigin(request)) throw new ForbiddenError('edit_figures');
  const user = await getCurrentUser();
  requireRole(user?.role, 'edit_figures');
  const raw = (await params).id;
  if (!/^\d{1,9}$/.test(raw)) throw new NotFoundError('No such figure');
  return { user: user!, id: Number(raw) };
}

export async function PUT(request: Request, context: Context) {
  try {
    const { user, id } = await authorise(request, context);
    const parsed = observationInputSchema.safeParse(await readBody(request));
    if (!parsed.success) return json({ error: 'Check the highlighted fields', fields: fieldErrors(parsed.error) }, 400);
    await queueWrite(() => updateObservation(getDb(), user, id, parsed.data));
    logWrite(user, 'observation.update', { observationId: id });
    return json({ id });
  } catch (error) {
    return errorResponse(error, request);
  }
}

export async function DELETE(request: Request, context: Context) {
  try {
    const { user, id } = await authorise(request, context);
    const reason = (await readBody(request)).reason?.trim().slice(0, 1000) || null;
    await queueWrite(() => deleteObservation(getDb(), user, id, reason));
    logWrite(user, 'observation.delete', { observationId: id });
    return json({ id });
  } catch (error) {
    return errorResponse(error, request);
  }
}
