// POST /api/targets — set a target (officers and administrators): metric, programme ('' for all),
// period (a financial year or quarter token), basis, value and thresholds. Setting one that exists changes it.
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { setTarget } from '@/db/mutations/targets';
import { logWrite } from '@/lib/log';
import { asWriter, json, readBody } from '@/app/_server/http';
import { fieldErrors } from '@/lib/observation-input';
import { targetInputSchema } from '@/lib/target-input';

export async function POST(request: Request) {
  return asWriter(request, 'set_targets', async (user) => {
    const parsed = targetInputSchema.safeParse(await readBody(request));
    if (!parsed.success) return json({ error: 'Check the highlighted fields', fields: fieldErrors(parsed.error) }, 400);
    const id = await queueWrite(() => setTarget(getDb(), user, parsed.data));
    logWrite(user, 'target.set', { targetId: id });
    return json({ id });
  });
}
