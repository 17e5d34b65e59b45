// One worker thread of a whole observations export (db/queries/export.ts, parallelExport): on a
// read-only connection of its own it writes every `workers`-th batch of figure ids, starting at
// batch `worker`, as CSV text, and sends each back only when the main thread has asked
// for more (so a slow download never lets batches pile up in memory).
//
// Messages: in, { begin } then { more: n }; out, { ready }, { begun: batches } and { batch, text }.
// After its last batch the thread ends; errors end it too, and reach the main thread's 'error' event.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { FigureFilters } from './figure-filters';
import { wholeExportReader, type WholeExportReader } from './export-batches';

const { file, filters, worker, workers } = workerData as { file: string; filters: FigureFilters; worker: number; workers: number };
const port = parentPort!;
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
let reader: WholeExportReader | undefined;
let next = worker;
let credit = 0;
let writing = false;

/** Writes batches while there is credit, one per turn of the event loop so messages get in. */
function write() {
  if (writing || !reader) return;
  if (next >= reader.batches) {
    sqlite.exec('COMMIT');
    sqlite.close();
    port.close();
    return;
  }
  if (credit <= 0) return;
  credit -= 1;
  // As text, which the main thread encodes: bytes made here and freed there stayed in this
  // thread's allocator, and the export's peak memory was 40 MB higher (`npm run bench`).
  port.postMessage({ batch: next, text: reader.batchText(next) });
  next += workers;
  writing = true;
  setImmediate(() => {
    writing = false;
    write();
  });
}

port.on('message', (message: { begin?: true; more?: number }) => {
  if (message.begin) {
    // The main thread holds the database's write lock while every worker does this, so all of
    // them read the same snapshot: the names, the batches and the number of batches.
    sqlite.exec('BEGIN');
    reader = wholeExportReader(sqlite, filters);
    port.postMessage({ begun: reader.batches });
  }
  if (message.more) {
    credit += message.more;
    write();
  }
});
port.postMessage({ ready: true });
