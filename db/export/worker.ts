// One worker thread of a whole observations export (db/export/export.ts, parallelExport): on a
// read-only connection of its own it writes every `workers`-th batch of figure ids, starting at
// batch `worker`, as CSV bytes into one of its few shared slots, and writes the next only when
// the main thread has copied a batch out and freed its slot (so a slow download never lets
// batches pile up in memory).
//
// Messages: in, { begin } then { free: slot }; out, { ready }, { begun: batches } and
// { batch, slot, buffer, length }. After its last batch the thread ends; errors end it too, and
// reach the main thread's 'error' event.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { FigureFilters } from '../../lib/filters';
import { wholeExportReader, type WholeExportReader } from './batches';

const { file, filters, worker, workers, slots } = workerData as { file: string; filters: FigureFilters; worker: number; workers: number; slots: number };
const port = parentPort!;
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
// Shared memory, so that a batch reaches the main thread as bytes without being copied into a
// message and out again, or encoded there (measured: a third of the main thread's work went on
// that). A batch is a few hundred kilobytes; a slot grows when one needs more.
const buffers = Array.from({ length: slots }, () => new SharedArrayBuffer(1 << 20));
const free = buffers.map((_, slot) => slot);
const encoder = new TextEncoder();
let reader: WholeExportReader | undefined;
let next = worker;
let writing = false;

/** Writes batches while there is a free slot, one per turn of the event loop so messages get in. */
function write() {
  if (writing || !reader) return;
  if (next >= reader.batches) {
    sqlite.exec('COMMIT');
    sqlite.close();
    port.close();
    return;
  }
  const slot = free.pop();
  if (slot === undefined) return;
  const text = reader.batchText(next);
  let encoded = encoder.encodeInto(text, new Uint8Array(buffers[slot]!));
  if (encoded.read < text.length) {
    // At most 3 bytes for each UTF-16 code unit.
    buffers[slot] = new SharedArrayBuffer(text.length * 3);
    encoded = encoder.encodeInto(text, new Uint8Array(buffers[slot]));
  }
  const { written } = encoded;
  port.postMessage({ batch: next, slot, buffer: buffers[slot], length: written });
  next += workers;
  writing = true;
  setImmediate(() => {
    writing = false;
    write();
  });
}

port.on('message', (message: { begin?: true; free?: number }) => {
  if (message.begin) {
    // The main thread holds the database's write lock while every worker does this, so all of
    // them read the same snapshot: the names, the batches and the number of batches.
    sqlite.exec('BEGIN');
    reader = wholeExportReader(sqlite, filters);
    port.postMessage({ begun: reader.batches });
    write();
  }
  if (message.free !== undefined) {
    free.push(message.free);
    write();
  }
});
port.postMessage({ ready: true });
