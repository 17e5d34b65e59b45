'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** Delete (recoverable) or restore a figure, with an optional reason kept in its history. */
export function FigureActions({ id, deleted, reasonRequired = false }: { id: number; deleted: boolean; reasonRequired?: boolean }) {
  const router = useRouter();
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  async function act() {
    const response = await fetch(deleted ? `/api/observations/${id}/restore` : `/api/observations/${id}`, {
      method: deleted ? 'POST' : 'DELETE',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason }),
    });
    if (!response.ok) {
      setMessage(((await response.json().catch(() => ({}))) as { error?: string }).error ?? 'Nothing was changed.');
      return;
    }
    setReason('');
    router.refresh();
  }
  return (
    <div className="mt-4 rounded border border-slate-300 p-3">
      <label htmlFor="action-reason" className="block font-semibold">
        {deleted ? 'Reason for restoring' : 'Reason for deleting'} {reasonRequired ? '(required)' : '(optional)'}
      </label>
      <input id="action-reason" value={reason} onChange={(e) => setReason(e.target.value)} className="mt-1 w-full max-w-md rounded border border-slate-600 px-2 py-1" />
      {message && <p role="alert" className="mt-2 text-sm text-red-800">{message}</p>}
      <button type="button" onClick={() => void act()} className="mt-2 rounded border border-slate-900 px-3 py-1">
        {deleted ? 'Restore this figure' : 'Delete this figure'}
      </button>
    </div>
  );
}
