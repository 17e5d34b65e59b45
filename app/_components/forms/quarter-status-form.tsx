'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '../alert';
import { useHydrated } from './use-hydrated';
import { sendJson } from './send-form';
import { ReadyFieldset } from './ready-fieldset';

/** An administrator marks a quarter final (after the board has seen it), or reopens it with a reason. */
export function QuarterStatusForm({ quarters }: { quarters: { quarter: string; label: string; status: 'provisional' | 'final' }[] }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [quarter, setQuarter] = useState(quarters.find((q) => q.status === 'provisional')?.quarter ?? quarters[0]?.quarter ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = quarters.find((q) => q.quarter === quarter);
  const next = chosen?.status === 'final' ? 'provisional' : 'final';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    if (next === 'provisional' && !reason.trim()) {
      setErrors({ reason: `Say why ${chosen?.label} is being reopened: its figures were final.`, form: 'Check the highlighted field; nothing has been saved.' });
      return;
    }
    setBusy(true);
    try {
      const refused = await sendJson('POST', '/api/quarters', { quarter, status: next, reason });
      if (refused) return setErrors(refused);
      setErrors({});
      setReason('');
      setDone(`${chosen?.label} is now ${next}.`);
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="mt-4 max-w-xl space-y-4 rounded border border-slate-300 p-4">
      <ReadyFieldset spacing="space-y-4">
      {errors.form && <Alert tone="error" className="text-sm font-semibold">{errors.form}</Alert>}
      {done && <p role="status" className="font-semibold text-green-800">{done}</p>}
      <div>
        <label htmlFor="quarter" className="block font-semibold">Quarter</label>
        <select id="quarter" value={quarter} onChange={(e) => setQuarter(e.target.value)} className="mt-1 w-full rounded border border-slate-600 bg-white px-2 py-1">
          {quarters.map((q) => (
            <option key={q.quarter} value={q.quarter}>{q.label} ({q.status})</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="reason" className="block font-semibold">{next === 'provisional' ? 'Reason for reopening (required)' : 'Note (optional)'}</label>
        <p id="reason-hint" className="text-sm text-slate-600">
          {next === 'provisional' ? 'Kept in the audit trail. Officers will be able to change its figures again.' : 'Such as the meeting that saw the figures. Kept in the audit trail.'}
        </p>
        {errors.reason && <p id="reason-error" className="text-sm font-semibold text-red-800">{errors.reason}</p>}
        <textarea
          id="reason"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={!!errors.reason}
          aria-describedby={['reason-hint', errors.reason ? 'reason-error' : ''].filter(Boolean).join(' ')}
          className="mt-1 w-full rounded border border-slate-600 px-2 py-1"
        />
      </div>
      <button type="submit" disabled={busy || !hydrated || !chosen} className="rounded bg-slate-900 px-4 py-2 text-white disabled:opacity-60">
        {busy ? 'Saving…' : next === 'final' ? 'Mark final' : 'Reopen'}
      </button>
      </ReadyFieldset>
    </form>
  );
}
