// POST /api/annotations — add a dated note (officers and administrators): date, text, scope.
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { addAnnotation } from '@/db/mutations/annotations';
import { logWrite } from '@/lib/log';
import { asWriter, json, readBody } from '@/app/_server/http';
import { fieldErrors } from '@/lib/observation-input';
import { annotationInputSchema } from '@/lib/annotation-input';

export async function POST(request: Request) {
  return asWriter(request, 'annotate', async (user) => {
    const parsed = annotationInputSchema.safeParse(await readBody(request));
    if (!parsed.success) return json({ error: 'Check the highlighted fields', fields: fieldErrors(parsed.error) }, 400);
    const id = await queueWrite(() => addAnnotation(getDb(), user, parsed.data));
    logWrite(user, 'annotation.add', { annotationId: id });
    return json({ id }, 201);
  });
}
