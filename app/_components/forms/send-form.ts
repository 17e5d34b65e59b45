'use client';
// What the dashboard's small forms share: checking the values with the same zod schema the
// server uses (so a mistake is said before anything is sent), and sending them as JSON, turning
// the server's refusal into messages by field. `form` holds the message for the whole form.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { z } from 'zod';

export type FormErrors = Record<string, string>;

/** The first message for each field, and the form's, or null when the values pass. */
export function checkValues(schema: z.ZodType, values: unknown): FormErrors | null {
  const check = schema.safeParse(values);
  if (check.success) return null;
  const found: FormErrors = {};
  for (const issue of check.error.issues) found[String(issue.path[0] ?? 'form')] ??= issue.message;
  return { ...found, form: 'Check the highlighted fields; nothing has been saved.' };
}

/** Sends `body` as JSON and gives back the server's answer, or its refusal as one message. */
export async function sendForAnswer(method: string, url: string, body: unknown, nothing = 'Nothing was changed.'): Promise<{ ok: true; answer: Record<string, unknown> } | { ok: false; message: string }> {
  const response = await fetch(url, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown> & { fields?: Record<string, string>; error?: string };
  return response.ok ? { ok: true, answer } : { ok: false, message: Object.values(answer.fields ?? {})[0] ?? answer.error ?? nothing };
}

/** Sends `body` as JSON; null when the server took it, else its messages by field. */
export async function sendJson(method: string, url: string, body: unknown, nothing = 'Nothing was saved.'): Promise<FormErrors | null> {
  const response = await fetch(url, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (response.ok) return null;
  const answer = (await response.json().catch(() => ({}))) as { fields?: FormErrors; error?: string };
  return { ...(answer.fields ?? {}), form: answer.error ?? nothing };
}

/**
 * A form's sending: check `values` with `schema`, send them (`request` gives the method and
 * address), then say `sent` (what `onSent` returns) and refresh the page's data. Errors by field.
 */
export function useFormSender<V>(schema: z.ZodType, request: (values: V) => [method: string, url: string], onSent: (values: V) => string) {
  const router = useRouter();
  const [errors, setErrors] = useState<FormErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(values: V) {
    setDone(null);
    const invalid = checkValues(schema, values);
    if (invalid) return setErrors(invalid);
    setBusy(true);
    try {
      const refused = await sendJson(...request(values), values);
      if (refused) return setErrors(refused);
      setErrors({});
      setDone(onSent(values));
      router.refresh();
    } finally {
      setBusy(false);
    }
  }
  return { errors, setErrors, done, setDone, busy, submit };
}
