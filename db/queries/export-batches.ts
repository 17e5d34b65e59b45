// A whole observations export (no limit), read a batch of figure ids at a time: the lean path
// of db/queries/export.ts, shared by its one-thread path and its worker threads
// (db/queries/export-worker.ts), so that both write the same bytes.
//
// Measured by `npm run bench` at a million rows: the cursor reads only the figure's own columns
// and its source link; the names of its programme, board, metric and source — a few hundred
// rows — are turned into CSV text once, up front, and written from small maps.
import type Database from 'better-sqlite3';
import { csvCell, csvLine, type CsvCell } from '../../lib/csv';
import type { FigureFilters } from './figure-filters';
import { pairsSql } from './figure-pairs';

/** How many figure ids a batch covers: batch i is the ids after i × this, up to (i + 1) × this. */
export const EXPORT_BATCH_IDS = 2000;

export interface WholeExportReader {
  /** How many batches there are (the highest figure id, in batches). */
  batches: number;
  /** The CSV records of batch i, each ending in CRLF; '' where the batch has no figures. */
  batchText(index: number): string;
}

/**
 * Reads the export on `sqlite`, which must be inside a read transaction the caller opened: the
 * names read here and every batch read later are then one snapshot.
 */
export function wholeExportReader(sqlite: Database.Database, filters: FigureFilters): WholeExportReader {
  const csv = (...cells: CsvCell[]) => csvLine(cells);
  const programmeNames = new Map(
    (sqlite.prepare('SELECT p.id, b.name, p.name FROM programmes p JOIN boards b ON b.id = p.board_id').raw().all() as [number, string, string][]).map(
      ([id, board, programme]) => [id, csv(board, programme)],
    ),
  );
  const metricNames = new Map(
    (sqlite.prepare('SELECT id, name, unit FROM metrics').raw().all() as [number, string, string][]).map(([id, name, unit]) => [id, csv(name, unit)]),
  );
  const sourceNames = new Map(
    (sqlite.prepare('SELECT id, file_name, title FROM sources').raw().all() as [number, string | null, string][]).map(([id, fileName, title]) => [
      id,
      { file: csvCell(fileName), title: csvCell(title) },
    ]),
  );
  const params: unknown[] = [];
  const where = ['o.deleted_at IS NULL'];
  if (filters.boards?.length || filters.programmes?.length || filters.metrics?.length)
    where.push(`EXISTS (SELECT 1 FROM (${pairsSql(filters, params)}) pairs WHERE pairs.programme_id = o.programme_id AND pairs.metric_id = o.metric_id)`);
  if (filters.from) {
    where.push('o.period_end >= ?');
    params.push(filters.from);
  }
  if (filters.to) {
    where.push('o.period_end <= ?');
    params.push(filters.to);
  }
  // In the order figures were recorded, each figure's sources in document order (as
  // observationExportQuery orders a whole export). Read a range of figure ids at a time: one
  // better-sqlite3 call returning thousands of rows costs far less than a cursor step per row.
  const batch = sqlite
    .prepare(
      // qualifier, basis, the period dates and their precision are one value, joined by SQL:
      // their CHECK constraints (enums, ISO dates) mean none ever needs quoting or the formula
      // guard, and every value read costs more than the SQL that joins them.
      `SELECT os.source_id, os.line, os.evidence, o.programme_id, o.metric_id, o.value,
         o.qualifier || ',' || o.basis || ',' || coalesce(o.period_start, '') || ',' || o.period_end || ',' || o.date_precision,
         o.note, o.id, o.updated_at
       FROM observations o LEFT JOIN observation_sources os ON os.observation_id = o.id LEFT JOIN sources s ON s.id = os.source_id
       WHERE ${where.join(' AND ')} AND o.id > ? AND o.id <= ? ORDER BY o.id, s.document_date, os.line`,
    )
    .raw();
  type Row = [number | null, number | null, string | null, number, number, number, string, string | null, number, string | null];
  const lastId = (sqlite.prepare('SELECT max(id) AS id FROM observations').get() as { id: number | null }).id ?? 0;
  return {
    batches: Math.ceil(lastId / EXPORT_BATCH_IDS),
    batchText(index) {
      const rows = batch.all(...params, index * EXPORT_BATCH_IDS, (index + 1) * EXPORT_BATCH_IDS) as Row[];
      let text = '';
      for (const [sourceId, line, evidence, programmeId, metricId, value, period, note, id, updatedAt] of rows) {
        const source = sourceId === null ? undefined : sourceNames.get(sourceId);
        text +=
          `${source ? source.file : ''},${csvCell(line)},${csvCell(evidence)},${programmeNames.get(programmeId)},${metricNames.get(metricId)},${csvCell(value)},` +
          `${period},${csvCell(note)},${id},${source ? source.title : ''},${csvCell(updatedAt)}\r\n`;
      }
      return text;
    },
  };
}
