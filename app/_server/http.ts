// Shared parts of the route handlers: reading a query with a schema, the answers of the write
// routes (role refused, bad input, not found), a check that a mutating request comes from this
// site (a cross-site form post is refused), and the CSV download every export route answers with.
import { NextRequest } from 'next/server';
import type { z } from 'zod';
import { csvFileName, wantsBom } from '../../lib/csv';
import { searchParamsToObject } from '../../lib/export-params';
import { getDb } from '../../db/client';
import { ConflictError, InputError, NotFoundError } from '../../lib/errors';
import { ForbiddenError } from '../../lib/errors';
import { getSessionUser, SESSION_COOKIE } from '../../db/auth/sessions';
import { serverLog, userRef } from '../../lib/log';
import { requireRole, type Action, type SessionUser } from '../../lib/auth/roles';
import { getCurrentUser } from './current-user';
import { requestHost } from './proxy-headers';

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } });

/** A plain-text answer, one line a problem: what an export route says when it cannot export. */
export const textResponse = (lines: string | string[], status: number) =>
  new Response(`${[lines].flat().join('\n')}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/** Reads the query string with `schema`; when it does not fit, a 400 naming every problem. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): { ok: true; query: z.output<S> } | { ok: false; response: Response } {
  const parsed = schema.safeParse(searchParamsToObject(new URL(request.url).searchParams));
  if (parsed.success) return { ok: true, query: parsed.data };
  return { ok: false, response: textResponse(parsed.error.issues.map((i) => i.message), 400) };
}

/**
 * A CSV download named from `nameParts` (made safe for a file name), never cached. `body` writes
 * the file, with a byte-order mark unless the request says `bom=0` (for scripts).
 */
export function csvResponse(request: Request, nameParts: string[], body: (options: { bom: boolean }) => string | ReadableStream<Uint8Array>): Response {
  return new Response(body({ bom: wantsBom(new URL(request.url).searchParams) }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName(nameParts)}"`,
      'Cache-Control': 'no-store',
    },
  });
}

/** True when the request's Origin (if any) is this server: browsers send it on cross-site posts. */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return true;
  const host = requestHost(request.headers);
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
    // (Its URL and headers only: a refusal can come after the body was read, and a used body cannot be copied.)
    const user = getSessionUser(getDb(), new NextRequest(request.url, { headers: request.headers }).cookies.get(SESSION_COOKIE)?.value);
    serverLog().warn({ event: 'write.refused', user: userRef(user), ...requestRef(request), reason: error.message }, 'write.refused');
    return json({ error: error.message }, 403);
  }
  if (error instanceof InputError) return json({ error: 'Check the highlighted fields', fields: error.fields }, 400);
  if (error instanceof NotFoundError) return json({ error: error.message }, 404);
  if (error instanceof ConflictError) return json({ error: error.message, conflict: error.current }, 409);
  serverLog().error({ event: 'write.failed', ...requestRef(request), err: error }, 'write.failed');
  return json({ error: 'Something went wrong; nothing was saved.' }, 500);
}

/**
 * A write's body (JSON or a form) as text fields. A NUL character is not text: a body holding one
 * is refused (400), so none is ever stored.
 */
export async function readBody(request: Request): Promise<Record<string, string>> {
  const fields = await readFields(request);
  const withNul = Object.entries(fields).find(([, v]) => v.includes('\u0000'));
  if (withNul) throw new InputError({ [withNul[0]]: 'This has a NUL character in it, which is not text' });
  return fields;
}

async function readFields(request: Request): Promise<Record<string, string>> {
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const body = (await request.json().catch(() => null)) as unknown;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
    return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : String(v ?? '')]));
  }
  const form = await request.formData().catch(() => null);
  return form ? Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : ''])) : {};
}

/**
 * A write route's frame: refuses a request from another site or from a user who may not `action`
 * (403), runs `write` as the signed-in user, and turns the domain's errors into their answers.
 */
export async function asWriter(request: Request, action: Action, write: (user: SessionUser) => Promise<Response>): Promise<Response> {
  try {
    if (!sameOrigin(request)) throw new ForbiddenError(action);
    const user = await getCurrentUser();
    requireRole(user?.role, action);
    return await write(user!);
  } catch (error) {
    return errorResponse(error, request);
  }
}

/** A figure's number from the route (`/api/observations/<id>`); anything else is not found. */
export async function figureIdFrom(params: Promise<{ id: string }>): Promise<number> {
  const raw = (await params).id;
  if (!/^\d{1,9}$/.test(raw)) throw new NotFoundError('No such figure');
  return Number(raw);
}
