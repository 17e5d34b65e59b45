'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../_components/alert';
import { useHydrated } from '@/app/_components/forms/use-hydrated';
import { ReadyFieldset } from '@/app/_components/forms/ready-fieldset';

interface TextlessSource {
  id: number;
  title: string;
  documentDate: string;
  datePrecision: string;
  fileName: string | null;
}

type Errors = Partial<Record<'file' | 'text' | 'title' | 'documentDate' | 'datePrecision' | 'existingSourceId' | 'coversFrom' | 'coversTo' | 'form', string>>;

const fieldClass = 'mt-1 block w-full max-w-xl rounded border border-slate-400 p-2';

/** Report upload or paste, with its title and date; a report imported before is recognised. */
export function ReportImportForm({ textless }: { textless: TextlessSource[] }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [existing, setExisting] = useState('');
  const [title, setTitle] = useState('');
  const [documentDate, setDocumentDate] = useState('');
  const [datePrecision, setDatePrecision] = useState('day');
  const [errors, setErrors] = useState<Errors>({});
  const [already, setAlready] = useState<{ sourceId: number; title: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = textless.find((s) => String(s.id) === existing);

  function pickExisting(id: string) {
    setExisting(id);
    const s = textless.find((t) => String(t.id) === id);
    if (s) {
      setTitle(s.title);
      setDocumentDate(s.documentDate);
      setDatePrecision(s.datePrecision);
    }
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setAlready(null);
    try {
      const response = await fetch('/api/import/report', { method: 'POST', body: new FormData(e.currentTarget) });
      const body = (await response.json().catch(() => ({}))) as { sourceId?: number; title?: string; alreadyImported?: boolean; error?: string; fields?: Errors };
      if (!response.ok) return setErrors({ ...(body.fields ?? {}), form: body.error ?? 'The report could not be imported.' });
      setErrors({});
      if (body.alreadyImported) return setAlready({ sourceId: body.sourceId!, title: body.title! });
      router.push(`/import/report/${body.sourceId}`);
    } finally {
      setBusy(false);
    }
  }

  const error = (k: keyof Errors) =>
    errors[k] ? (
      <p id={`${k}-error`} className="mt-1 font-semibold text-orange-800">
        {errors[k]}
      </p>
    ) : null;
  const described = (k: keyof Errors, hint?: string) => [hint, errors[k] ? `${k}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <form onSubmit={submit} className="mt-6 max-w-3xl space-y-5" aria-busy={busy} noValidate>
      <ReadyFieldset spacing="space-y-5">
      {errors.form && (
        <Alert tone="error">{errors.form}</Alert>
      )}
      {already && (
        <Alert tone="info">
          This report is already imported, as “{already.title}”.{' '}
          <Link href={`/import/report/${already.sourceId}`} className="font-semibold underline">
            Review its figures
          </Link>
        </Alert>
      )}
      <div>
        <label htmlFor="file" className="block font-semibold">
          Report file
        </label>
        <p id="file-hint" className="text-sm text-slate-600">
          A .txt, .md, .docx or .pdf file, up to 20 MB.
        </p>
        <input
          id="file"
          name="file"
          type="file"
          accept=".txt,.md,.docx,.pdf,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-describedby={described('file', 'file-hint')}
          className="mt-1 block"
          onChange={(e) => {
            const name = e.target.files?.[0]?.name;
            // A source the seed or an officer registered under this file name is waiting for its text.
            const match = name ? textless.find((s) => s.fileName === name) : undefined;
            if (match) pickExisting(String(match.id));
          }}
        />
        {error('file')}
      </div>
      <div>
        <label htmlFor="text" className="block font-semibold">
          Or paste the report’s text
        </label>
        <textarea id="text" name="text" rows={6} aria-describedby={described('text')} className={fieldClass} />
        {error('text')}
      </div>
      <div>
        <label htmlFor="existingSourceId" className="block font-semibold">
          This report is
        </label>
        <select id="existingSourceId" name="existingSourceId" value={existing} onChange={(e) => pickExisting(e.target.value)} className={fieldClass} aria-describedby={described('existingSourceId')}>
          <option value="">A new source</option>
          {textless.map((s) => (
            <option key={s.id} value={s.id}>
              The text of “{s.title}” ({s.documentDate})
            </option>
          ))}
        </select>
        {error('existingSourceId')}
      </div>
      <div>
        <label htmlFor="title" className="block font-semibold">
          Title
        </label>
        <input id="title" name="title" value={title} onChange={(e) => setTitle(e.target.value)} readOnly={!!chosen} aria-describedby={described('title')} className={fieldClass} />
        {error('title')}
      </div>
      <div className="flex flex-wrap gap-6">
        <div>
          <label htmlFor="documentDate" className="block font-semibold">
            Date of the report
          </label>
          <input id="documentDate" name="documentDate" type="date" value={documentDate} onChange={(e) => setDocumentDate(e.target.value)} readOnly={!!chosen} aria-describedby={described('documentDate')} className={fieldClass} />
          {error('documentDate')}
        </div>
        <div>
          <label htmlFor="datePrecision" className="block font-semibold">
            The date is exact to the
          </label>
          <select id="datePrecision" name="datePrecision" value={datePrecision} onChange={(e) => setDatePrecision(e.target.value)} className={fieldClass}>
            <option value="day">day</option>
            <option value="month">month</option>
            <option value="year">year</option>
          </select>
        </div>
      </div>
      <fieldset className="flex flex-wrap gap-6" disabled={!!chosen}>
        <legend className="font-semibold">The months it reports on (optional)</legend>
        <p id="covers-hint" className="w-full text-sm text-slate-600">
          For “Highlights April 2020–February 2021”, 1 April 2020 to 28 February 2021. The dashboard then knows its figures cover
          those months; months no report covers are shown as not covered, not as nothing done.
        </p>
        <div>
          <label htmlFor="coversFrom" className="block">
            First day
          </label>
          <input id="coversFrom" name="coversFrom" type="date" aria-describedby={described('coversFrom', 'covers-hint')} className={fieldClass} />
          {error('coversFrom')}
        </div>
        <div>
          <label htmlFor="coversTo" className="block">
            Last day
          </label>
          <input id="coversTo" name="coversTo" type="date" aria-describedby={described('coversTo', 'covers-hint')} className={fieldClass} />
          {error('coversTo')}
        </div>
      </fieldset>
      <button type="submit" disabled={busy || !hydrated} className="rounded bg-oi-blue px-4 py-2 font-semibold text-white disabled:opacity-60">
        {busy ? 'Reading the report…' : 'Import and review figures'}
      </button>
      </ReadyFieldset>
    </form>
  );
}
