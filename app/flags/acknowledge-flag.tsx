'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { useHydrated } from '../_components/forms/use-hydrated';
import { ReadyFieldset } from '@/app/_components/forms/ready-fieldset';

/** An officer acknowledges a flag with a reason: it stays listed, marked as looked at. */
export function AcknowledgeFlag({ flagKey, label }: { flagKey: string; label: string }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const response = await fetch('/api/flags', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ key: flagKey, reason }) });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: string; fields?: Record<string, string> };
      setError(body.fields?.reason ?? body.error ?? 'Nothing was saved.');
      return;
    }
    setError(null);
    router.refresh();
  }
  return (
    <form onSubmit={submit} noValidate className="mt-1 flex flex-wrap items-end gap-2 text-sm">
      <ReadyFieldset>
      <label htmlFor={id} className="sr-only">Why {label} needs no change</label>
      <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Why it needs no change" aria-invalid={!!error} className="min-w-64 flex-1 rounded border border-slate-600 px-2 py-1" />
      <button type="submit" disabled={!hydrated} className="rounded border border-slate-900 px-2 py-1 disabled:opacity-60">
        Acknowledge
      </button>
      {error && <p role="alert" className="w-full font-semibold text-red-800">{error}</p>}
      </ReadyFieldset>
    </form>
  );
}
