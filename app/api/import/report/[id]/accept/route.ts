// POST /api/import/report/<id>/accept — the proposals an officer accepted, as figures to add or
// existing figures to link this report to; all saved in one transaction, or none.
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { acceptProposals, acceptRequestSchema, ProposalErrors } from '@/db/mutations/report-import';
import { logWrite } from '@/lib/log';
import { asWriter, json } from '@/app/_server/http';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return asWriter(request, 'edit_figures', async (user) => {
    const id = Number((await params).id);
    if (!Number.isInteger(id) || id < 1) return json({ error: 'No imported report with that number' }, 404);
    const body = acceptRequestSchema.safeParse(await request.json().catch(() => null));
    if (!body.success) return json({ error: body.error.issues[0]?.message ?? 'Send the accepted figures' }, 400);
    let accepted;
    try {
      accepted = await queueWrite(() => acceptProposals(getDb(), user, id, body.data.items));
    } catch (error) {
      // Which accepted figures need correcting, each by its place in the list; nothing was saved.
      if (error instanceof ProposalErrors) return json({ error: error.message, items: error.items }, 400);
      throw error;
    }
    logWrite(user, 'import.report.accept', { sourceId: id, created: accepted.created.length, linked: accepted.linked.length });
    return json(accepted, 201);
  });
}
