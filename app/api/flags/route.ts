// POST /api/flags — acknowledge a data-quality flag (officers): { key, reason }. Audited.
import { z } from 'zod';
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { acknowledgeFlag } from '@/db/mutations/flags';
import { logWrite } from '@/lib/log';
import { asWriter, json, readBody } from '@/app/_server/http';
import { fieldErrors } from '@/lib/observation-input';

const schema = z.object({
  key: z.string().regex(/^[a-z-]+:[\d:a-zQ-]+$/, 'Choose a flag from the list').max(100),
  reason: z.string().trim().min(3, 'Say why this flag needs no change, such as “checked with the programme: correct”').max(1000, 'Keep the reason under 1,000 characters'),
});

export async function POST(request: Request) {
  return asWriter(request, 'edit_figures', async (user) => {
    const parsed = schema.safeParse(await readBody(request));
    if (!parsed.success) return json({ error: 'Check the highlighted fields', fields: fieldErrors(parsed.error) }, 400);
    const id = await queueWrite(() => acknowledgeFlag(getDb(), user, parsed.data.key, parsed.data.reason));
    logWrite(user, 'flag.acknowledge', { key: parsed.data.key });
    return json({ id });
  });
}
