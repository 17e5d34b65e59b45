// PATCH /api/users/<id> — an administrator changes a user: { role } to change their role,
// { disabled: true|false } to disable or enable them (their sessions end at once), or
// { reset: true } to force a password reset (the answer holds the one-time link's path).
import { z } from 'zod';
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { changeRole, forcePasswordReset, setDisabled } from '@/db/auth/accounts';
import { logWrite } from '@/lib/log';
import { ROLES } from '@/lib/vocabulary';
import { asWriter, json, readBody } from '@/app/_server/http';

// (The body is read as text fields, a form's or JSON's alike: app/_server/http.ts readBody.)
const changeSchema = z.union([
  z.object({ role: z.enum(ROLES, { message: 'Choose viewer, officer or administrator' }) }).strict(),
  z.object({ disabled: z.enum(['true', 'false']).transform((v) => v === 'true') }).strict(),
  z.object({ reset: z.literal('true') }).strict(),
]);

export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return asWriter(request, 'manage_users', async (user) => {
    const id = Number((await params).id);
    const parsed = changeSchema.safeParse(await readBody(request));
    if (!Number.isInteger(id) || !parsed.success) return json({ error: 'Say one change: a role, disabled or enabled, or a password reset.' }, 400);
    const change = parsed.data;
    if ('role' in change) {
      await queueWrite(() => changeRole(getDb(), user, id, change.role));
      logWrite(user, 'user.role', { userId: id, role: change.role });
      return json({ ok: true });
    }
    if ('disabled' in change) {
      await queueWrite(() => setDisabled(getDb(), user, id, change.disabled));
      logWrite(user, change.disabled ? 'user.disable' : 'user.enable', { userId: id });
      return json({ ok: true });
    }
    const { token, expiresAt } = await queueWrite(() => forcePasswordReset(getDb(), user, id));
    logWrite(user, 'user.reset', { userId: id });
    return json({ link: `/invite/${token}`, expiresAt });
  });
}
