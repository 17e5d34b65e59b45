// POST /api/reference/<board|programme|metric|source> — add one (officers).
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { createReference } from '@/db/mutations/reference';
import { logWrite } from '@/lib/log';
import { asWriter, json, readBody } from '@/app/_server/http';
import { fieldErrors } from '@/lib/observation-input';
import { REFERENCE_KINDS, REFERENCE_SCHEMAS, type ReferenceKind } from '@/lib/reference-input';

export async function POST(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  return asWriter(request, 'manage_reference', async (user) => {
    const kind = (await params).kind;
    if (!REFERENCE_KINDS.includes(kind as ReferenceKind)) return json({ error: 'Unknown kind of record' }, 404);
    const parsed = REFERENCE_SCHEMAS[kind as ReferenceKind].safeParse(await readBody(request));
    if (!parsed.success) return json({ error: 'Check the highlighted fields', fields: fieldErrors(parsed.error) }, 400);
    const created = await queueWrite(() => createReference(getDb(), user, kind as ReferenceKind, parsed.data as never));
    logWrite(user, 'reference.create', { kind, id: created.id });
    return json(created, 201);
  });
}
