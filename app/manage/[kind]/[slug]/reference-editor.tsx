'use client';
// The forms of the edit page: name and description; address (administrators); retire or bring
// back; merge into another, with the preview first (what moves, and the figures that would then
// say the same thing twice); and the merges on record, each with Undo.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { MergePreview } from '@/db/mutations/reference-edit';
import { Alert } from '@/app/_components/alert';
import { sendForAnswer } from '@/app/_components/forms/send-form';

type Merge = { id: number; at: string; undoneAt: string | null; fromName: string; intoName: string; figures: number };

const input = 'mt-1 w-full rounded border border-slate-600 px-2 py-1';
const button = 'rounded bg-slate-900 px-4 py-2 text-white disabled:opacity-60';

export function ReferenceEditor(props: {
  kind: 'board' | 'programme' | 'metric';
  record: { id: number; slug: string; name: string; about: string; retired: boolean };
  admin: boolean;
  others: { id: number; name: string }[];
  merges: Merge[];
  path: string;
}) {
  const { kind, record, admin } = props;
  const router = useRouter();
  const url = `/api/reference/${kind}/${record.id}`;
  const [name, setName] = useState(record.name);
  const [about, setAbout] = useState(record.about);
  const [newName, setNewName] = useState(record.name);
  const [slug, setSlug] = useState(record.slug);
  const [into, setInto] = useState('');
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (method: string, target: string, body: unknown, done: (answer: Record<string, unknown>) => string | void) => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await sendForAnswer(method, target, body);
      if (!result.ok) return setMessage({ tone: 'error', text: result.message });
      const text = done(result.answer);
      if (text) setMessage({ tone: 'success', text });
      router.refresh();
    } finally {
      setBusy(false);
    }
  };
  const aboutLabel = kind === 'metric' ? 'What it counts' : 'Description';

  return (
    <div className="mt-6 max-w-2xl space-y-8">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading" className="text-xl font-semibold">Name and description</h2>
        <form className="mt-3 space-y-3" onSubmit={(e) => { e.preventDefault(); void run('PATCH', url, { action: 'edit', name, about }, () => 'Saved.'); }}>
          <div>
            <label htmlFor="edit-name" className="block font-semibold">Name</label>
            <input id="edit-name" value={name} onChange={(e) => setName(e.target.value)} className={input} />
          </div>
          <div>
            <label htmlFor="edit-about" className="block font-semibold">{aboutLabel}</label>
            <textarea id="edit-about" value={about} onChange={(e) => setAbout(e.target.value)} rows={3} className={input} />
          </div>
          <button type="submit" disabled={busy} className={button}>Save</button>
        </form>
      </section>

      {admin && (
        <>
          <section aria-labelledby="rename-heading">
            <h2 id="rename-heading" className="text-xl font-semibold">Rename</h2>
            <p className="text-sm text-slate-700">A new name and address. The old address, {props.path}/{record.slug}, will keep working and lead here.</p>
            <form className="mt-3 space-y-3" onSubmit={(e) => { e.preventDefault(); void run('PATCH', url, { action: 'rename', name: newName, slug }, (a) => { router.replace(`/manage/${kind}/${String(a.slug)}?renamed=${record.slug}`); }); }}>
              <div>
                <label htmlFor="rename-name" className="block font-semibold">New name</label>
                <input id="rename-name" value={newName} onChange={(e) => setNewName(e.target.value)} className={input} />
              </div>
              <div>
                <label htmlFor="rename-slug" className="block font-semibold">New address <span className="font-normal">(lowercase words and hyphens; from the name when empty)</span></label>
                <input id="rename-slug" value={slug} onChange={(e) => setSlug(e.target.value)} className={input} />
              </div>
              <button type="submit" disabled={busy} className={button}>Rename</button>
            </form>
          </section>

          <section aria-labelledby="retire-heading">
            <h2 id="retire-heading" className="text-xl font-semibold">{record.retired ? 'Bring back' : 'Retire'}</h2>
            <p className="text-sm text-slate-700">
              {record.retired ? 'It is retired: not offered for new figures.' : 'A retired one is not offered for new figures; its figures, pages and history stay.'}
            </p>
            <button type="button" disabled={busy} className={`${button} mt-2`} onClick={() => void run('PATCH', url, { action: record.retired ? 'restore' : 'retire' }, () => (record.retired ? 'Brought back.' : 'Retired.'))}>
              {record.retired ? 'Bring back' : 'Retire'}
            </button>
          </section>

          {kind !== 'board' && (
            <section aria-labelledby="merge-heading">
              <h2 id="merge-heading" className="text-xl font-semibold">Merge into another {kind}</h2>
              <p className="text-sm text-slate-700">Every figure, target and note moves to the one you choose; this one is retired and its address leads there. It can be undone.</p>
              <div className="mt-3 flex flex-wrap items-end gap-3">
                <div>
                  <label htmlFor="merge-into" className="block font-semibold">Merge into</label>
                  <select id="merge-into" value={into} onChange={(e) => { setInto(e.target.value); setPreview(null); }} className="mt-1 rounded border border-slate-600 bg-white px-2 py-1">
                    <option value="">Choose…</option>
                    {props.others.map((o) => (
                      <option key={o.id} value={o.id}>{o.name}</option>
                    ))}
                  </select>
                </div>
                <button type="button" disabled={busy || !into} className={button} onClick={() => void run('POST', `${url}/merge`, { into, confirm: 'false' }, (a) => { setPreview(a as unknown as MergePreview); })}>
                  Preview the merge
                </button>
              </div>
              {preview && (
                <div className="mt-3 rounded border border-slate-300 p-3" data-testid="merge-preview">
                  <p>
                    {preview.figures} {preview.figures === 1 ? 'figure' : 'figures'}, {preview.targets} {preview.targets === 1 ? 'target' : 'targets'} and {preview.annotations} {preview.annotations === 1 ? 'note' : 'notes'} would move.
                  </p>
                  {preview.duplicates.length ? (
                    <>
                      <p className="mt-2 font-semibold">{preview.duplicates.length} would then say the same thing twice; check them after the merge:</p>
                      <ul className="list-disc pl-6 text-sm">{preview.duplicates.map((d) => <li key={d.moving}>{d.text}</li>)}</ul>
                    </>
                  ) : (
                    <p className="mt-2">No figure would then say the same thing twice.</p>
                  )}
                  <button type="button" disabled={busy} className={`${button} mt-3`} onClick={() => void run('POST', `${url}/merge`, { into, confirm: 'true' }, () => { setPreview(null); return `Merged. Its figures are now under the ${kind} you chose.`; })}>
                    Merge
                  </button>
                </div>
              )}
            </section>
          )}

          {props.merges.length > 0 && (
            <section aria-labelledby="merges-heading">
              <h2 id="merges-heading" className="text-xl font-semibold">Merges</h2>
              <ul className="mt-2 space-y-2">
                {props.merges.map((m) => (
                  <li key={m.id} className="text-sm">
                    {m.at.slice(0, 10)}: {m.fromName} merged into {m.intoName} ({m.figures} {m.figures === 1 ? 'figure' : 'figures'})
                    {m.undoneAt ? `, undone ${m.undoneAt.slice(0, 10)}` : (
                      <button type="button" disabled={busy} className="ml-2 underline" onClick={() => void run('POST', `/api/reference/merges/${m.id}/undo`, {}, () => 'The merge was undone.')}>
                        Undo this merge
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
