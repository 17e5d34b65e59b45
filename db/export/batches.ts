// A whole observations export (no limit), read a batch of figure ids at a time: the lean path
// of db/export/export.ts, shared by its one-thread path and its worker threads
// (db/export/worker.ts), so that both write the same bytes.
//
// Measured by `npm run bench` at a million rows, reading is most of the cost, and each value
// better-sqlite3 hands to JavaScript costs about as much as the SQL that makes it. So:
// - the names of programme, board, metric and source (a few hundred rows) are turned into CSV
//   text once, up front, and written from small maps;
// - each row comes as seven values: two pairs of ids packed into one number each, the columns
//   from qualifier to observation_id joined by SQL, and the id again only for the few figures
//   that are ranges or parts, whose upper value and total are then read one by one;
// - rows come in figure order only, with no sort; the few figures with several sources have
//   their rows put in document order here (a sort in SQL cost a fifth of the export).
import type Database from 'better-sqlite3';
import { csvCell, csvCellSql, csvLine, type CsvCell } from '../../lib/csv';
import type { FigureFilters } from '../../lib/filters';
import { pairsSql } from '../queries/figure-pairs';

/**
 * How many figure ids a batch covers: batch i is the ids after i × this, up to (i + 1) × this
 * (of a filtered export, its matching ids from the i × this-th on).
 */
export const EXPORT_BATCH_IDS = 2000;

export interface WholeExportReader {
  /** How many batches there are (the highest figure id, in batches). */
  batches: number;
  /** The CSV records of batch i, each ending in CRLF; '' where the batch has no figures. */
  batchText(index: number): string;
}

/**
 * The base for packing two non-negative integers into one exact JavaScript number, high × base
 * + low: one more than the largest low. Throws where the largest pair would not be exact
 * (beyond 2^53), which ids reach only after some nine thousand million million rows.
 */
export function packingBase(maxHigh: number, maxLow: number): number {
  const base = maxLow + 1;
  if (!(maxHigh * base + maxLow <= Number.MAX_SAFE_INTEGER)) throw new Error(`ids too large to export exactly (${maxHigh} × ${base})`);
  return base;
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
    (sqlite.prepare('SELECT id, file_name, title, document_date FROM sources').raw().all() as [number, string | null, string, string][]).map(
      ([id, fileName, title, documentDate]) => [id, { file: csvCell(fileName), title: csvCell(title), documentDate }],
    ),
  );
  const largest = (sql: string) => (sqlite.prepare(sql).pluck().get() as number | null) ?? 0;
  // A figure's programme and metric, packed: programme × pairBase + metric. A source and line,
  // packed: source × lineBase + line, with 0 for no line (lines start at 1) and -1 for no source.
  const pairBase = packingBase(largest('SELECT max(id) FROM programmes'), largest('SELECT max(id) FROM metrics'));
  const pairNames = new Map<number, string>();
  const pairName = (pair: number) => {
    let text = pairNames.get(pair);
    if (text === undefined) {
      text = `${programmeNames.get(Math.floor(pair / pairBase))},${metricNames.get(pair % pairBase)}`;
      pairNames.set(pair, text);
    }
    return text;
  };

  // A filtered export first finds its figures' ids through the indexes (from the matching
  // programme-and-metric pairs, or the period), in figure order, and reads them a batch of ids at
  // a time: its cost follows the rows it writes. An export of everything reads ranges of ids.
  const params: unknown[] = [];
  const where = ['o.deleted_at IS NULL'];
  const narrowed = !!(filters.boards?.length || filters.programmes?.length || filters.metrics?.length);
  if (filters.from) {
    where.push('o.period_end >= ?');
    params.push(filters.from);
  }
  if (filters.to) {
    where.push('o.period_end <= ?');
    params.push(filters.to);
  }
  let ids: number[] | null = null;
  if (narrowed || filters.from || filters.to) {
    const pairParams: unknown[] = [];
    const from = narrowed
      ? `(${pairsSql(filters, pairParams)}) pairs CROSS JOIN observations o ON o.programme_id = pairs.programme_id AND o.metric_id = pairs.metric_id`
      : 'observations o';
    ids = sqlite.prepare(`SELECT o.id FROM ${from} WHERE ${where.join(' AND ')} ORDER BY o.id`).pluck().all(...pairParams, ...params) as number[];
  }
  // The largest line of the figures written: no index holds lines, so of a filtered export's own
  // figures only (a scan of every link costs more than a small export).
  const maxLine = ids
    ? ((sqlite.prepare('SELECT max(line) FROM observation_sources WHERE observation_id IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify(ids)) as number | null) ?? 0)
    : largest('SELECT max(line) FROM observation_sources');
  const lineBase = packingBase(largest('SELECT max(id) FROM sources'), maxLine);
  // In the order figures were recorded (as observationExportQuery orders a whole export). Read a
  // range of figure ids at a time: one better-sqlite3 call returning thousands of rows costs far
  // less than a cursor step per row.
  const batch = sqlite
    .prepare(
      // qualifier, basis, the period dates, their precision, the note and the figure's id are one
      // value, joined by SQL: the CHECK constraints (enums, ISO dates) mean only the note can need
      // quoting or the formula guard, which csvCellSql gives it as csvCell would.
      `SELECT coalesce(os.source_id * ${lineBase} + coalesce(os.line, 0), -1), os.evidence, o.programme_id * ${pairBase} + o.metric_id, o.value,
         concat(o.qualifier, ',', o.basis, ',', o.period_start, ',', o.period_end, ',', o.date_precision, ',', ${csvCellSql('o.note')}, ',', o.id),
         concat(o.updated_at, ',', o.version), CASE WHEN o.upper_value IS NOT NULL OR o.part_of_id IS NOT NULL THEN o.id END
       FROM observations o LEFT JOIN observation_sources os ON os.observation_id = o.id
       WHERE ${ids ? 'o.id IN (SELECT value FROM json_each(?))' : 'o.deleted_at IS NULL AND o.id > ? AND o.id <= ?'} ORDER BY o.id`,
    )
    .raw();
  type Row = [sourceLine: number, evidence: string | null, pair: number, value: number, periodToId: string, changedAndVersion: string, rangeOrPart: number | null];
  // A range's top, the total's value and id, for the few figures that are ranges or parts: read
  // one by one where needed, so that every other row crosses from SQLite as seven values.
  const rangeAndPart = sqlite
    .prepare('SELECT o.upper_value, t.value, o.part_of_id FROM observations o LEFT JOIN observations t ON t.id = o.part_of_id WHERE o.id = ?')
    .raw();
  const rangeAndPartText = (id: number | null) => {
    if (id === null) return ',,';
    const [upper, partOf, partOfId] = rangeAndPart.get(id) as [number | null, number | null, number | null];
    return `${csvCell(upper)},${csvCell(partOf)},${csvCell(partOfId)}`;
  };
  const source = (row: Row) => (row[0] < 0 ? undefined : sourceNames.get(Math.floor(row[0] / lineBase)));
  // A figure's sources in document order, then by line (none first, as SQL orders NULL), then by
  // source, as observationExportQuery orders them.
  const documentOrder = (a: Row, b: Row) => {
    const [dateA, dateB] = [source(a)!.documentDate, source(b)!.documentDate];
    if (dateA !== dateB) return dateA < dateB ? -1 : 1;
    return a[0] % lineBase - b[0] % lineBase || Math.floor(a[0] / lineBase) - Math.floor(b[0] / lineBase);
  };
  const batchRows = ids
    ? (index: number) => batch.all(JSON.stringify(ids.slice(index * EXPORT_BATCH_IDS, (index + 1) * EXPORT_BATCH_IDS))) as Row[]
    : (index: number) => batch.all(index * EXPORT_BATCH_IDS, (index + 1) * EXPORT_BATCH_IDS) as Row[];
  return {
    batches: Math.ceil((ids ? ids.length : largest('SELECT max(id) FROM observations')) / EXPORT_BATCH_IDS),
    batchText(index) {
      const rows = batchRows(index);
      let text = '';
      let figureEnd = 0;
      for (let i = 0; i < rows.length; i++) {
        // A figure's rows are consecutive (ORDER BY o.id), and only its rows share the text that
        // ends in its id: where it has more than one, put them in document order before writing.
        if (i >= figureEnd) {
          figureEnd = i + 1;
          while (figureEnd < rows.length && rows[figureEnd]![4] === rows[i]![4]) figureEnd++;
          if (figureEnd - i > 1) rows.splice(i, figureEnd - i, ...rows.slice(i, figureEnd).sort(documentOrder));
        }
        const row = rows[i]!;
        const [sourceLine, evidence, pair, value, periodToId, changedAndVersion, rangeOrPart] = row;
        const from = source(row);
        text +=
          `${from ? from.file : ''},${sourceLine < 0 ? '' : sourceLine % lineBase || ''},${csvCell(evidence)},${pairName(pair)},${csvCell(value)},` +
          `${periodToId},${rangeAndPartText(rangeOrPart)},${from ? from.title : ''},${changedAndVersion}\r\n`;
      }
      return text;
    },
  };
}
