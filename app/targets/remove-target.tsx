'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useHydrated } from '../_components/forms/use-hydrated';

/** Removes a target (audited); says why not if it could not. */
export function RemoveTarget({ id, label }: { id: number; label: string }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  async function remove() {
    const response = await fetch(`/api/targets/${id}`, { method: 'DELETE', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    if (!response.ok) {
      setMessage(((await response.json().catch(() => ({}))) as { error?: string }).error ?? 'Nothing was removed.');
      return;
    }
    router.refresh();
  }
  return (
    <>
      <button type="button" disabled={!hydrated} onClick={() => void remove()} className="rounded border border-slate-900 px-2 py-0.5 text-sm disabled:opacity-60" aria-label={`Remove the target: ${label}`}>
        Remove
      </button>
      {message && <p role="alert" className="text-sm text-red-800">{message}</p>}
    </>
  );
}
