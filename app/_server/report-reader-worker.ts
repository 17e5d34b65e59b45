// A worker thread that reads one uploaded report (lib/report-text.ts) and ends: the request's
// thread stays free, and the thread's heap limit and the caller's time limit stop a file built to
// blow up when opened (a .docx zip bomb) without touching the server. app/_server/report-reader.ts
// starts it. Message out: { text } or { refused } (a ReportFileError's message); other errors end
// the thread and reach the caller's 'error' event.
import { parentPort, workerData } from 'node:worker_threads';
import { readReportFile, ReportFileError } from '../../lib/report-text';

const { name, bytes } = workerData as { name: string; bytes: Uint8Array };
readReportFile(name, bytes).then(
  (text) => parentPort!.postMessage({ text }),
  (error: unknown) => {
    if (error instanceof ReportFileError) parentPort!.postMessage({ refused: error.message });
    else throw error;
  },
);
