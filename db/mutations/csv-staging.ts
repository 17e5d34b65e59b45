// The first half of a CSV import (db/mutations/csv-import.ts): the upload read as a stream into a
// temporary staging table, each row checked on the way (lib/csv-import.ts), so that a 100,000-row
// file never sits in memory. Nothing here touches the figures.
import crypto from 'node:crypto';
import { once } from 'node:events';
import { parse } from 'csv-parse';
import type { AppDatabase } from '../client';
import { decoderFor, looksBinary, mapHeader, readImportRecord, sniffDelimiter, type HeaderMap } from '../../lib/csv-import';

/** A row as staged: its spreadsheet row number, its text, and the row read or its problems (JSON). */
export type Staged = { row: number; raw: string; data: string | null; problems: string | null };

/** Rows written to the staging table a transaction at a time. */
const BATCH = 1000;

/**
 * Reads the upload into a temporary staging table, validating each row on the way. Returns the
 * staging table's name, or the problem that stops the whole file.
 */
export async function stageFile(
  sqlite: AppDatabase['$client'],
  input: AsyncIterable<Uint8Array>,
  onProgress: ((p: { rows: number; bytes: number }) => void) | undefined,
): Promise<{ table: string; header: HeaderMap | null; fileProblem: string | null; hash: string; rows: number }> {
  const table = `import_${crypto.randomBytes(6).toString('hex')}`;
  sqlite.exec(`CREATE TEMP TABLE ${table} (row INTEGER PRIMARY KEY, raw TEXT NOT NULL, data TEXT, problems TEXT)`);
  const insert = sqlite.prepare(`INSERT INTO temp.${table} (row, raw, data, problems) VALUES (?, ?, ?, ?)`);
  const flush = sqlite.transaction((batch: Staged[]) => {
    for (const s of batch) insert.run(s.row, s.raw, s.data, s.problems);
  });

  const hash = crypto.createHash('sha256');
  let bytes = 0;
  let decoder = null as TextDecoder | null; // set in begin(), so not narrowed to null here
  let head = '';
  let header: HeaderMap | null = null;
  let decimalComma = false;
  let parser: ReturnType<typeof parse> | null = null;
  let rows = 0;
  let batch: Staged[] = [];
  let fileProblem: string | null = null;

  const consume = async () => {
    for await (const item of parser!) {
      const { record, raw } = item as { record: string[]; raw: string };
      // After a file-level problem the rest is read and dropped, so the upload is not left hanging.
      if (fileProblem) continue;
      if (!header) {
        header = mapHeader(record);
        if (header.missing.length) {
          fileProblem = `The file has no ${header.missing.map((c) => `“${c}”`).join(', ')} column${header.missing.length > 1 ? 's' : ''}. The first line must name the columns (see the format below).`;
        }
        continue;
      }
      rows += 1;
      const row = rows + 1; // spreadsheet row: the header is row 1
      const read = readImportRecord(record, header, row, decimalComma);
      batch.push(
        read.ok
          ? { row, raw: raw.replace(/[\r\n]+$/, ''), data: JSON.stringify(read.value), problems: null }
          : { row, raw: raw.replace(/[\r\n]+$/, ''), data: null, problems: JSON.stringify(read.problems) },
      );
      if (batch.length >= BATCH) {
        flush(batch);
        batch = [];
        onProgress?.({ rows, bytes });
      }
    }
  };

  let consuming: Promise<void> | null = null;
  // The separator is read from the header line, so the parser starts once that line is in.
  const startParser = () => {
    const delimiter = sniffDelimiter(head.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!);
    decimalComma = delimiter === ';';
    parser = parse({ delimiter, bom: true, raw: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
    consuming = consume();
    // Its failure is read where it is awaited below; until then it must not count as unhandled.
    consuming.catch(() => {});
  };
  const write = async (text: string) => {
    if (text && !parser!.write(text)) await once(parser!, 'drain');
  };
  // The encoding is chosen from the first 64 KB, so a file is never decoded two ways.
  const pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const begin = async () => {
    const first = Buffer.concat(pending);
    fileProblem = looksBinary(first);
    if (fileProblem) return;
    decoder = decoderFor(first);
    head = decoder.decode(first, { stream: true });
    startParser();
    await write(head);
  };
  try {
    for await (const chunk of input) {
      if (fileProblem) break;
      bytes += chunk.length;
      hash.update(chunk);
      if (decoder) {
        await write(decoder.decode(chunk, { stream: true }));
        continue;
      }
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= 65536) await begin();
    }
    if (!fileProblem && !decoder) {
      if (pendingBytes === 0) fileProblem = 'The file is empty.';
      else await begin();
    }
    if (!fileProblem) await write(decoder?.decode() ?? '');
    (parser as ReturnType<typeof parse> | null)?.end();
    await consuming;
  } catch (error) {
    (parser as ReturnType<typeof parse> | null)?.destroy();
    // Only the parser's own complaints are about the file; a failed upload is the caller's to report.
    if (!String((error as { code?: string }).code ?? '').startsWith('CSV_')) {
      sqlite.exec(`DROP TABLE IF EXISTS temp.${table}`);
      throw error;
    }
    // csv-parse reports malformed quoting with the line it happened on.
    const line = (error as { lines?: number }).lines;
    fileProblem = `The file could not be read as CSV${line ? ` near line ${line}` : ''}: ${(error as Error).message.replace(/^Invalid \w+: /, '')}`;
  }
  if (!fileProblem && !header) fileProblem = 'The file has no header line naming its columns.';
  if (!fileProblem && rows === 0) fileProblem = 'The file has a header but no figures.';
  if (batch.length) flush(batch);
  onProgress?.({ rows, bytes });
  return { table, header, fileProblem, hash: hash.digest('hex'), rows };
}

