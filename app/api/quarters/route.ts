// POST /api/quarters — mark a quarter final, or reopen it (administrators): { quarter, status, reason }.
import { z } from 'zod';
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { setQuarterStatus } from '@/db/mutations/quarters';
import { logWrite } from '@/lib/log';
import { asWriter, json, readBody } from '@/app/_server/http';
import { fieldErrors } from '@/lib/observation-input';
import { QUARTER_STATUSES } from '@/lib/vocabulary';

const quarterStatusSchema = z.object({
  quarter: z.string().regex(/^\d{4}-\d{2}-Q[1-4]$/, 'Choose a quarter from the list'),
  status: z.enum(QUARTER_STATUSES, { error: 'Choose final or provisional' }),
  reason: z.string().trim().max(1000, 'Keep the reason under 1,000 characters').optional(),
});

export async function POST(request: Request) {
  return asWriter(request, 'finalise_quarters', async (user) => {
    const parsed = quarterStatusSchema.safeParse(await readBody(request));
    if (!parsed.success) return json({ error: 'Check the highlighted fields', fields: fieldErrors(parsed.error) }, 400);
    const { quarter, status, reason } = parsed.data;
    await queueWrite(() => setQuarterStatus(getDb(), user, quarter, status, reason || null));
    logWrite(user, 'quarter.status', { quarter, status });
    return json({ quarter, status });
  });
}
