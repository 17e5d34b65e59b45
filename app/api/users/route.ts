// POST /api/users — invite a user (administrators): email, name, role. The answer holds the
// one-time link's path, to hand to the user (there is no mail server); it is shown once.
import { z } from 'zod';
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { inviteUser } from '@/db/auth/accounts';
import { logWrite } from '@/lib/log';
import { ROLES } from '@/lib/vocabulary';
import { asWriter, json, readBody } from '@/app/_server/http';

const inviteSchema = z.object({
  email: z.string().trim().min(1, 'Enter their email address').max(320),
  name: z.string().trim().max(200).optional().default(''),
  role: z.enum(ROLES, { message: 'Choose viewer, officer or administrator' }),
});

export async function POST(request: Request) {
  return asWriter(request, 'manage_users', async (user) => {
    const parsed = inviteSchema.safeParse(await readBody(request));
    if (!parsed.success) return json({ error: 'Check the highlighted fields', fields: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) }, 400);
    const { id, token, expiresAt } = await queueWrite(() => inviteUser(getDb(), user, { email: parsed.data.email, name: parsed.data.name || null, role: parsed.data.role }));
    logWrite(user, 'user.invite', { userId: id, role: parsed.data.role });
    return json({ id, link: `/invite/${token}`, expiresAt }, 201);
  });
}
