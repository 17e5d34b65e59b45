// Reading an uploaded report in a box: in a worker thread of its own (report-reader-worker.ts)
// with a heap limit and a time limit, so a file made to expand enormously when opened (a 1 MB
// .docx that inflates to gigabytes) is refused with a plain message in seconds while the server
// keeps answering everyone else, instead of taking its memory and its thread.
import { Worker } from 'node:worker_threads';
import { ReportFileError } from '../../lib/report-text';

/** The most a report's reading may take. Real 50-page reports take under a second (npm run bench:report). */
export const READ_SECONDS = 20;
/** The reading thread's heap: a 2-million-character report needs a small part of it. */
export const READ_HEAP_MB = 256;

const TOO_BIG_OPENED = 'This file is far larger once opened than a report can be (it may be built to do that), so it was not read. Save the report again, or paste its text.';

/** The report's text, read off the request's thread; a ReportFileError for anything unreadable. */
export function readReportInBox(name: string, bytes: Uint8Array, limits = { seconds: READ_SECONDS, heapMb: READ_HEAP_MB }): Promise<string> {
  return new Promise((resolve, reject) => {
    // Bundled by Next.js the entry is JavaScript; from source (tsx, vitest) it is TypeScript,
    // loaded through tsx's require hook (as db/export/export.ts starts its workers).
    const thread = new Worker(new URL('./report-reader-worker.ts', import.meta.url), {
      workerData: { name, bytes },
      execArgv: import.meta.url.endsWith('.ts') ? ['--require', 'tsx/cjs'] : undefined,
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32 },
    });
    let settled = false;
    const settle = (act: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void thread.terminate();
      act();
    };
    const timer = setTimeout(
      () => settle(() => reject(new ReportFileError(`This file took more than ${limits.seconds} seconds to read, so it was not read. Save the report again, or paste its text.`))),
      limits.seconds * 1000,
    );
    thread.on('message', (m: { text?: string; refused?: string }) =>
      settle(() => (m.refused !== undefined ? reject(new ReportFileError(m.refused)) : resolve(m.text!))),
    );
    thread.on('error', (error: Error & { code?: string }) =>
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ReportFileError(TOO_BIG_OPENED) : error)),
    );
    thread.on('exit', (code) => settle(() => reject(new Error(`The report reader stopped (exit code ${code}) before reading the file`))));
  });
}
