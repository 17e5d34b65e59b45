// POST /api/import/report — a board report as a file (.txt, .md, .docx, .pdf) or pasted text,
// with its title and date. Answers the source it is stored as, or the one that already holds it.
import { getDb } from '@/db/client';
import { queueWrite } from '@/db/write-queue';
import { findImportedReport, reportDetailsSchema, storeReport } from '@/db/mutations/report-import';
import { logWrite } from '@/lib/log';
import { asWriter, json } from '@/app/_server/http';
import { fieldErrors } from '@/lib/observation-input';
import { MAX_REPORT_BYTES, ReportFileError } from '@/lib/report-text';
import { readReportInBox } from '@/app/_server/report-reader';
import { limitedFormData, UploadTooLargeError } from '@/app/_server/upload';

export async function POST(request: Request) {
  return asWriter(request, 'edit_figures', async (user) => {
    // Read with a cap whatever length the request declares (or none): no more than 21 MB is read.
    let form: FormData | null;
    try {
      form = await limitedFormData(request, MAX_REPORT_BYTES + 1024 * 1024);
    } catch (error) {
      if (error instanceof UploadTooLargeError) return json({ error: 'The file is larger than 20 MB.' }, 413);
      // A body cut short on the way (limitedBody) is never read as a smaller file.
      return json({ error: 'The upload was cut short; nothing was stored. Try again.' }, 400);
    }
    if (!form) return json({ error: 'Send the report as a form with a file or pasted text.' }, 400);
    const file = form.get('file');
    const pasted = typeof form.get('text') === 'string' ? (form.get('text') as string) : '';
    const hasFile = file instanceof File && file.size > 0;
    if (!hasFile && !pasted.trim()) return json({ error: 'Check the highlighted fields', fields: { file: 'Choose a report file or paste its text' } }, 400);
    if (hasFile && pasted.trim()) return json({ error: 'Check the highlighted fields', fields: { text: 'Choose a file or paste text, not both' } }, 400);
    let text: string;
    try {
      // In a worker with heap and time limits (app/_server/report-reader.ts): a file built to blow
      // up when opened is refused in seconds while the server answers everyone else.
      text = hasFile ? await readReportInBox(file.name, new Uint8Array(await file.arrayBuffer())) : await readReportInBox('pasted.txt', new TextEncoder().encode(pasted));
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
