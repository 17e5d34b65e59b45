// POST /api/observations/<id>/restore — bring back a deleted figure (officers).
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { restoreObservation } from '@/db/mutations/observations';
import { NotFoundError } from '@/lib/errors';
import { getCurrentUser } from '@/app/_server/current-user';
import { requireRole } from '@/lib/auth/roles';
import { ForbiddenError } from '@/lib/errors';
import { logWrite } from '@/lib/log';
import { errorResponse, json, readBody, sameOrigin } from '@/app/_server/http';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    if (!sameOrigin(request)) throw new ForbiddenError('edit_figures');
    const user = await getCurrentUser();
    requireRole(user?.role, 'edit_figures');
    const raw = (await params).id;
    if (!/^\d{1,9}$/.test(raw)) throw new NotFoundError('No such figure');
    const reason = (await readBody(request)).reason?.trim().slice(0, 1000) || null;
    await queueWrite(() => restoreObservation(getDb(), user!, Number(raw), reason));
    logWrite(user!, 'observation.restore', { observationId: Number(raw) });
    return json({ id: Number(raw) });
  } catch (error) {
    return errorResponse(error, request);
  }
}
