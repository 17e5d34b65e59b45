'use client';

import Link from 'next/link';
import { useRef, useState, type FormEvent } from 'react';
import type { ImportResult, PreviewRow, RowStatus } from '@/db/mutations/csv-import';
import { formatQualified } from '@/lib/qualifiers';
import type { Qualifier } from '@/lib/vocabulary';
import { Alert } from '../_components/alert';
import { DataTable, type DataTableColumn } from '../_components/tables/data-table';
import { sendWithProgress, type UploadProgress } from './send-with-progress';
import { useHydrated } from '@/app/_components/forms/use-hydrated';
import { ReadyFieldset } from '@/app/_components/forms/ready-fieldset';

const STATUS_LABEL: Record<RowStatus, string> = { new: 'New', update: 'Changes a figure', unchanged: 'Already recorded', error: 'Error' };
const STATUS_STYLE: Record<RowStatus, string> = {
  new: 'bg-sky-100 text-sky-900',
  update: 'bg-amber-100 text-amber-900',
  unchanged: 'bg-slate-100 text-slate-800',
  error: 'bg-orange-100 text-orange-900',
};
const n = (x: number) => x.toLocaleString('en-GB');
const count = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

/**
 * Upload → preview → import. The preview and the import are the same server pass (one rolled
 * back, one committed); the import sends the preview's counts so nothing unseen is written.
 */
export function CsvImportForm() {
  const hydrated = useHydrated();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [onError, setOnError] = useState<'block' | 'skip'>('block');
  const [sheet, setSheet] = useState('');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(mode: 'preview' | 'commit') {
    if (!file) {
      setError('Choose a CSV or Excel file first.');
      fileInput.current?.focus();
      return;
    }
    setError(null);
    setDone(null);
    if (mode === 'preview') setPreview(null);
    const params = new URLSearchParams({ mode, onError });
    if (sheet.trim()) params.set('sheet', sheet.trim());
    if (mode === 'commit' && preview) params.set('expect', [preview.counts.new, preview.counts.update, preview.counts.unchanged, preview.counts.error].join(','));
    setProgress({ phase: 'uploading', fraction: 0, rows: 0 });
    const answer = await sendWithProgress<ImportResult>(`/api/import/csv?${params}`, file, { 'Content-Type': 'text/csv', 'X-File-Name': encodeURIComponent(file.name) }, setProgress);
    setProgress(null);
    if ('error' in answer) return setError(answer.error);
    const result = answer.result;
    if (mode === 'preview' || !result.committed) {
      setPreview(result);
      if (result.changedSincePreview) setError('The figures in the dashboard changed since your preview, so nothing was imported. Check the new preview below.');
      else if (mode === 'commit') setError(result.counts.error && onError === 'block' ? 'Nothing was imported: some rows have errors. Fix them, or choose to skip them.' : 'Nothing was imported: every row is already recorded.');
    } else {
      setPreview(null);
      setDone(result);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('preview');
  };
  const busy = progress !== null;
  const toWrite = preview ? preview.counts.new + preview.counts.update : 0;
  const blocked = !!preview && onError === 'block' && preview.counts.error > 0;

  return (
    <div className="mt-6 max-w-5xl">
      <form onSubmit={submit} className="space-y-4" aria-busy={busy}>
        <ReadyFieldset spacing="space-y-4">
        <div>
          <label htmlFor="csv-file" className="block font-semibold">
            CSV or Excel file
          </label>
          <p id="csv-file-hint" className="text-sm text-slate-600">
            Up to 50 MB: a CSV file, or an Excel workbook (.xlsx), whose first sheet is read unless you name another below.
          </p>
          <input
            ref={fileInput}
            id="csv-file"
            name="file"
            type="file"
            accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="csv-file-hint"
            className="mt-1 block"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setDone(null);
              setError(null);
            }}
          />
        </div>
        <div>
          <label htmlFor="csv-sheet" className="block font-semibold">
            Sheet <span className="font-normal">(Excel workbooks only; optional)</span>
          </label>
          <input
            id="csv-sheet"
            name="sheet"
            value={sheet}
            onChange={(e) => {
              setSheet(e.target.value);
              setPreview(null);
            }}
            placeholder="the first sheet"
            className="mt-1 w-full max-w-xs rounded border border-slate-600 px-2 py-1"
          />
        </div>
        <fieldset>
          <legend className="font-semibold">If some rows have errors</legend>
          <label className="mt-1 flex items-center gap-2">
            <input type="radio" name="onError" value="block" checked={onError === 'block'} onChange={() => setOnError('block')} />
            Import nothing until they are fixed
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="onError" value="skip" checked={onError === 'skip'} onChange={() => setOnError('skip')} />
            Skip those rows and import the rest
          </label>
        </fieldset>
        <button type="submit" disabled={busy || !hydrated} className="rounded bg-oi-blue px-4 py-2 font-semibold text-white disabled:opacity-60">
          Check the file
        </button>
        </ReadyFieldset>
      </form>

      <ProgressLine progress={progress} />
      {error && (
        <Alert tone="error" className="mt-4">
          {error}
        </Alert>
      )}
      {done && (
        <Alert tone="success" roomy className="mt-6">
          <h2 className="text-xl font-semibold">Imported {done.fileName}</h2>
          <p className="mt-1">
            {count(done.written.created, 'new figure')}, {n(done.written.updated)} changed, {count(done.written.linked, 'source link')}
            {done.counts.error ? `; ${count(done.counts.error, 'row')} with errors skipped` : ''}. Every change is in the <Link href="/audit" className="underline">audit trail</Link>.
          </p>
        </Alert>
      )}
      {preview && !preview.fileProblem && (
        <section aria-labelledby="preview-heading" className="mt-6">
          <h2 id="preview-heading" className="text-2xl font-semibold">
            Preview of {preview.fileName}
          </h2>
          <p className="mt-1 text-slate-700">Nothing has been saved yet. {n(preview.rows)} rows read.</p>
          <ul className="mt-3 flex flex-wrap gap-3" aria-label="Rows by what the import does">
            {(Object.keys(STATUS_LABEL) as RowStatus[]).map((s) => (
              <li key={s} className={`rounded px-3 py-1 ${STATUS_STYLE[s]}`}>
                {STATUS_LABEL[s]}: <strong data-testid={`count-${s}`}>{n(preview.counts[s])}</strong>
              </li>
            ))}
          </ul>
          {preview.ignoredColumns.length > 0 && <p className="mt-2 text-sm text-slate-600">Columns not used: {preview.ignoredColumns.join(', ')}.</p>}
          <div className="mt-4 flex flex-wrap items-center gap-4">
            <button
              type="button"
              disabled={busy || blocked || toWrite + preview.counts.unchanged === 0}
              onClick={() => void run('commit')}
              className="rounded bg-oi-blue px-4 py-2 font-semibold text-white disabled:opacity-60"
            >
              Import {n(preview.counts.new)} new and {n(preview.counts.update)} changed {toWrite === 1 ? 'figure' : 'figures'}
            </button>
            {blocked && <p className="text-sm">Fix the rows with errors, or choose “Skip those rows”, to import.</p>}
          </div>
          {preview.problemsTotal > 0 && <ProblemsTable preview={preview} />}
          <RowsTable preview={preview} />
        </section>
      )}
      {preview?.fileProblem && (
        <Alert tone="error" className="mt-4">
          {preview.fileProblem} Nothing was imported.
        </Alert>
      )}
    </div>
  );
}

export function ProgressLine({ progress }: { progress: UploadProgress | null }) {
  if (!progress) return null;
  const label =
    progress.phase === 'uploading'
      ? `Uploading… ${Math.round(progress.fraction * 100)}%`
      : progress.rows
        ? `Checked ${n(progress.rows)} rows…`
        : 'Checking…';
  return (
    <div className="mt-4" role="status">
      <progress className="w-full max-w-md" max={1} value={progress.phase === 'uploading' ? progress.fraction : undefined} aria-label="Import progress" />
      <p className="text-sm">{label}</p>
    </div>
  );
}

const PROBLEM_COLUMNS: DataTableColumn<ImportResult['problems'][number]>[] = [
  { header: 'Row', align: 'right', className: 'tabular', cell: (p) => p.row },
  { header: 'Column', cell: (p) => p.column ?? '—' },
  { header: 'Problem', cell: (p) => p.message },
];

function ProblemsTable({ preview }: { preview: ImportResult }) {
  return (
    <DataTable
      caption={`Problems (${n(preview.problemsTotal)}${preview.problemsTotal > preview.problems.length ? `, first ${n(preview.problems.length)} shown` : ''})`}
      className="mt-6"
      columns={PROBLEM_COLUMNS}
      rows={preview.problems}
      rowKey={(_, i) => i}
    />
  );
}

const ROW_COLUMNS: DataTableColumn<PreviewRow>[] = [
  { header: 'Row', align: 'right', className: 'tabular', cell: (r) => r.row },
  { header: 'Status', cell: (r) => <span className={`rounded px-2 py-0.5 ${STATUS_STYLE[r.status]}`}>{STATUS_LABEL[r.status]}</span> },
  { header: 'Programme', cell: (r) => r.programme },
  { header: 'Metric', cell: (r) => r.metric },
  { header: 'Value', align: 'right', className: 'tabular', cell: (r) => (r.value === null ? '' : formatQualified(r.value, r.qualifier as Qualifier, 'count', r.upper)) },
  { header: 'Period', className: 'whitespace-nowrap', cell: (r) => (r.periodStart ? `${r.periodStart} to ${r.periodEnd}` : r.periodEnd) },
  {
    header: 'What happens',
    cell: (r) => (
      <>
        {r.detail}
        {r.observationId !== null && (
          <>
            {' '}
            <Link href={`/observations/${r.observationId}`} className="underline">
              See figure {r.observationId}
            </Link>
          </>
        )}
      </>
    ),
  },
];

function RowsTable({ preview }: { preview: ImportResult }) {
  const shown = [...preview.samples].sort((a, b) => a.row - b.row);
  return (
    <DataTable
      caption={`Rows${shown.length < preview.rows ? ` (the first ${n(shown.length)} of each kind are shown)` : ''}`}
      className="mt-6"
      columns={ROW_COLUMNS}
      rows={shown}
      rowKey={(r) => r.row}
      rowProps={(r) => ({ 'data-status': r.status })}
    />
  );
}
