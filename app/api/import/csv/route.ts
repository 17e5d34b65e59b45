// POST /api/import/csv?mode=preview|commit&onError=block|skip&expect=new,update,unchanged,error[&sheet=]
// The body is the CSV file itself, or an Excel workbook (its first sheet, or `sheet`);
// the answer is progress lines then the preview or the result.
import { z } from 'zod';
import { isPostgres, openOwnConnection } from '@/db/client';
import { importFiguresCsv, type ImportCounts } from '@/db/mutations/csv-import';
import { logWrite, serverLog, userRef } from '@/lib/log';
import { asWriter, json, parseQuery } from '@/app/_server/http';
import { limitedBody, progressResponse, UploadTooLargeError } from '@/app/_server/upload';
import { uploadAsCsv, WorkbookProblem } from '@/lib/xlsx';

const MAX_CSV_BYTES = 50 * 1024 * 1024;

// What to do (a preview unless told to commit), what to do with rows in error, and the preview's
// counts that a commit must find again. Anything unreadable means the safe default.
const importQuery = z.object({
  mode: z.enum(['preview', 'commit']).catch('preview'),
  // A workbook's sheet to read (the first when absent).
  sheet: z.string().trim().max(100).optional().catch(undefined),
  onError: z.enum(['block', 'skip']).catch('block'),
  expect: z
    .string()
    .optional()
    .catch(undefined)
    .transform((raw): ImportCounts | undefined => {
      const n = raw?.split(',').map(Number);
      if (!n || n.length !== 4 || n.some((x) => !Number.isInteger(x) || x < 0)) return undefined;
      return { new: n[0]!, update: n[1]!, unchanged: n[2]!, error: n[3]! };
    }),
});

export async function POST(request: Request) {
  return asWriter(request, 'edit_figures', async (user) => {
    const parsed = parseQuery(request, importQuery);
    if (!parsed.ok) return parsed.response;
    const { mode, onError, expect, sheet } = parsed.query;
    const fileName = (() => {
      try {
        return decodeURIComponent(request.headers.get('x-file-name') ?? '').trim().slice(0, 200) || 'upload.csv';
      } catch {
        return 'upload.csv';
      }
    })();
    if (Number(request.headers.get('content-length') ?? 0) > MAX_CSV_BYTES) return json({ error: new UploadTooLargeError(MAX_CSV_BYTES).message }, 413);
    const started = performance.now();
    return progressResponse(
      async (progress) => {
        // A connection of the import's own: its staging table and its long transaction stay off
        // the connection every page reads through, so pages keep answering during the import.
        // (On PostgreSQL too: it had opened the SQLite file whatever DATABASE_URL said.)
        const connection = openOwnConnection();
        let result;
        try {
          // An Excel workbook is read as its sheet's CSV: the same preview, checks and commit.
          result = await importFiguresCsv(connection, user, uploadAsCsv(limitedBody(request, MAX_CSV_BYTES), sheet), {
            fileName,
            mode,
            onError,
            expect,
            onProgress: progress,
          });
        } finally {
          // A committed import leaves its rows in the write-ahead log: copy them into the
          // database now, without waiting for readers (PASSIVE), so the log can shrink.
          if (result?.committed && !isPostgres(connection)) connection.$client.pragma('wal_checkpoint(PASSIVE)');
          connection.$client.close();
        }
        // Previews are logged too: an officer checking a file is part of the import's story.
        logWrite(user, mode === 'commit' ? 'import.csv.commit' : 'import.csv.preview', {
          fileName,
          rows: result.rows,
          counts: result.counts,
          committed: result.committed,
          written: result.written,
          fileProblem: result.fileProblem,
          changedSincePreview: result.changedSincePreview,
          ms: Math.round(performance.now() - started),
        });
        return result;
      },
      (error) => {
        if (error instanceof Error && (error instanceof UploadTooLargeError || error instanceof WorkbookProblem || /cut short/.test(error.message))) {
          serverLog().warn({ event: 'import.csv.refused', user: userRef(user), fileName, reason: error.message }, 'import.csv.refused');
          return error.message;
        }
        serverLog().error({ event: 'import.csv.failed', user: userRef(user), fileName, err: error }, 'import.csv.failed');
        return 'Something went wrong; nothing was imported.';
      },
    );
  });
}
