// POST /api/import/report/<id>/accept — the proposals an officer accepted, as figures to add or
// existing figures to link this report to; all saved in one transaction, or none.
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { acceptProposals, acceptRequestSchema, ProposalErrors } from '@/db/mutations/report-import';
import { getCurrentUser } from '@/app/_server/current-user';
import { requireRole } from '@/lib/auth/roles';
import { ForbiddenError } from '@/lib/errors';
import { logWrite } from '@/lib/log';
import { errorResponse, json, sameOrigin } from '@/app/_server/http';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    if (!sameOrigin(request)) throw new ForbiddenError('edit_figures');
    const user = await getCurrentUser();
    requireRole(user?.role, 'edit_figures');
    const id = Number((await params).id);
    if (!Number.isInteger(id) || id < 1) return json({ error: 'No imported report with that number' }, 404);
    const body = acceptRequestSchema.safeParse(await request.json().catch(() => null));
    if (!body.success) return json({ error: body.error.issues[0]?.message ?? 'Send the accepted figures' }, 400);
    const accepted = await queueWrite(() => acceptProposals(getDb(), user!, id, body.data.items));
    logWrite(user!, 'import.report.accept', { sourceId: id, created: accepted.created.length, linked: accepted.linked.length });
    return json(accepted, 201);
  } catch (error) {
    if (error instanceof ProposalErrors) return json({ error: error.message, items: error.items }, 400);
    return errorResponse(error, request);
  }
}
