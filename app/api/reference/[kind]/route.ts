// POST /api/reference/<board|programme|metric|source> — add one (officers).
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { createReference } from '@/db/mutations/reference';
import { getCurrentUser } from '@/app/_server/current-user';
import { requireRole } from '@/lib/auth/roles';
import { ForbiddenError } from '@/lib/errors';
import { logWrite } from '@/lib/log';
import { errorResponse, json, readBody, sameOrigin } from '@/app/_server/http';
import { REFERENCE_KINDS, REFERENCE_SCHEMAS, type ReferenceKind } from '@/lib/reference-input';

export async function POST(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  try {
    if (!sameOrigin(request)) throw new ForbiddenError('manage_reference');
    const user = await getCurrentUser();
    requireRole(user?.role, 'manage_reference');
    const kind = (await params).kind;
    if (!REFERENCE_KINDS.includes(kind as ReferenceKind)) return json({ error: 'Unknown kind of record' }, 404);
    const parsed = REFERENCE_SCHEMAS[kind as ReferenceKind].safeParse(await readBody(request));
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? 'form')] ??= issue.message;
      return json({ error: 'Check the highlighted fields', fields }, 400);
    }
    const created = await queueWrite(() => createReference(getDb(), user!, kind as ReferenceKind, parsed.data as never));
    logWrite(user!, 'reference.create', { kind, id: created.id });
    return json(created, 201);
  } catch (error) {
    return errorResponse(error, request);
  }
}
