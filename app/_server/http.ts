// Shared answers of the write routes: role refused, bad input, not found, and a check that a
// mutating request comes from this site (a cross-site form post is refused).
import { NextRequest } from 'next/server';
import { getDb } from '../../db/client';
import { InputError, NotFoundError } from '../../lib/errors';
import { ForbiddenError } from '../../lib/errors';
import { getSessionUser, SESSION_COOKIE } from '../../db/auth/sessions';
import { serverLog, userRef } from '../../lib/log';

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

/** Where a request went, for log lines: the method and path, never the query or the cookies. */
export const requestRef = (request: Request) => ({ method: request.method, path: new URL(request.url).pathname });

/**
 * Maps the domain's errors to HTTP answers; anything else is a 500 without details. A refused
 * write is logged with whoever asked (anonymous when nobody is signed in); a 500 with its stack.
 */
export function errorResponse(error: unknown, request: Request): Response {
  if (error instanceof ForbiddenError) {
    const user = getSessionUser(getDb(), new NextRequest(request).cookies.get(SESSION_COOKIE)?.value);
    serverLog().warn({ event: 'write.refused', user: userRef(user), ...requestRef(request), reason: error.message }, 'write.refused');
    return json({ error: error.message }, 403);
  }
  if (error instanceof InputError) return json({ error: 'Check the highlighted fields', fields: error.fields }, 400);
  if (error instanceof NotFoundError) return json({ error: error.message }, 404);
  serverLog().error({ event: 'write.failed', ...requestRef(request), err: error }, 'write.failed');
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
