// POST /api/import/report — a board report as a file (.txt, .md, .docx, .pdf) or pasted text,
// with its title and date. Answers the source it is stored as, or the one that already holds it.
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { findImportedReport, reportDetailsSchema, storeReport } from '@/db/mutations/report-import';
import { logWrite } from '@/lib/log';
import { asWriter, json } from '@/app/_server/http';
import { fieldErrors } from '@/lib/observation-input';
import { MAX_REPORT_BYTES, readReportFile, ReportFileError } from '@/lib/report-text';

export async function POST(request: Request) {
  return asWriter(request, 'edit_figures', async (user) => {
    if (Number(request.headers.get('content-length') ?? 0) > MAX_REPORT_BYTES + 1024 * 1024) return json({ error: 'The file is larger than 20 MB.' }, 413);
    const form = await request.formData().catch(() => null);
    if (!form) return json({ error: 'Send the report as a form with a file or pasted text.' }, 400);
    const file = form.get('file');
    const pasted = typeof form.get('text') === 'string' ? (form.get('text') as string) : '';
    const hasFile = file instanceof File && file.size > 0;
    if (!hasFile && !pasted.trim()) return json({ error: 'Check the highlighted fields', fields: { file: 'Choose a report file or paste its text' } }, 400);
    if (hasFile && pasted.trim()) return json({ error: 'Check the highlighted fields', fields: { text: 'Choose a file or paste text, not both' } }, 400);
    let text: string;
    try {
      text = hasFile ? await readReportFile(file.name, new Uint8Array(await file.arrayBuffer())) : await readReportFile('pasted.txt', new TextEncoder().encode(pasted));
    } catch (error) {
      if (error instanceof ReportFileError) return json({ error: error.message, fields: { [hasFile ? 'file' : 'text']: error.message } }, 400);
      throw error;
    }
    // A report imported before is recognised whatever title it is given this time.
    const db = getDb();
    const imported = findImportedReport(db, text);
    if (imported) return json({ ...imported, alreadyImported: true });
    const details = reportDetailsSchema.safeParse({
      title: form.get('title') ?? '',
      documentDate: form.get('documentDate') ?? '',
      datePrecision: form.get('datePrecision') ?? '',
      fileName: hasFile ? file.name : '',
      existingSourceId: form.get('existingSourceId') ?? '',
      coversFrom: form.get('coversFrom') ?? '',
      coversTo: form.get('coversTo') ?? '',
    });
    if (!details.success) return json({ error: 'Check the highlighted fields', fields: fieldErrors(details.error) }, 400);
    const stored = await queueWrite(() => storeReport(db, user, details.data, text));
    if (!stored.alreadyImported) logWrite(user, 'import.report.store', { sourceId: stored.sourceId, fileName: hasFile ? file.name : null, characters: text.length });
    return json(stored, stored.alreadyImported ? 200 : 201);
  });
}
