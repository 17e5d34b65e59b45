// PUT /api/annotations/<id> — change a note; DELETE — remove it (officers and administrators, audited).
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { removeAnnotation, updateAnnotation } from '@/db/mutations/annotations';
import { logWrite } from '@/lib/log';
import { NotFoundError } from '@/lib/errors';
import { asWriter, json, readBody } from '@/app/_server/http';
import { fieldErrors } from '@/lib/observation-input';
import { annotationInputSchema } from '@/lib/annotation-input';

type Context = { params: Promise<{ id: string }> };

async function idFrom(params: Context['params']): Promise<number> {
  const raw = (await params).id;
  if (!/^\d{1,9}$/.test(raw)) throw new NotFoundError('No such note');
  return Number(raw);
}

export async function PUT(request: Request, { params }: Context) {
  return asWriter(request, 'annotate', async (user) => {
    const id = await idFrom(params);
    const parsed = annotationInputSchema.safeParse(await readBody(request));
    if (!parsed.success) return json({ error: 'Check the highlighted fields', fields: fieldErrors(parsed.error) }, 400);
    await queueWrite(() => updateAnnotation(getDb(), user, id, parsed.data));
    logWrite(user, 'annotation.update', { annotationId: id });
    return json({ id });
  });
}

export async function DELETE(request: Request, { params }: Context) {
  return asWriter(request, 'annotate', async (user) => {
    const id = await idFrom(params);
    await queueWrite(() => removeAnnotation(getDb(), user, id));
    logWrite(user, 'annotation.remove', { annotationId: id });
    return json({ id });
  });
}
