// Shared answers of the write routes: role refused, bad input, not found, and a check that a
// mutating request comes from this site (a cross-site form post is refused).
import { InputError, NotFoundError } from '../db/mutations/observations';
import { ForbiddenError } from './auth/roles';

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } });

/** True when the request's Origin (if any) is this server: browsers send it on cross-site posts. */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Maps the domain's errors to HTTP answers; anything else is a 500 without details. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ForbiddenError) return json({ error: error.message }, 403);
  if (error instanceof InputError) return json({ error: 'Check the highlighted fields', fields: error.fields }, 400);
  if (error instanceof NotFoundError) return json({ error: error.message }, 404);
  console.error(error);
  return json({ error: 'Something went wrong; nothing was saved.' }, 500);
}

export async function readBody(request: Request): Promise<Record<string, string>> {
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const body = (await request.json().catch(() => null)) as unknown;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
    return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : String(v ?? '')]));
  }
  const form = await request.formData().catch(() => null);
  return form ? Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : ''])) : {};
}
