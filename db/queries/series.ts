import { pairsSql, type FigureFilters } from './figure-filters';
import type { AppDatabase } from '../client';
import { aggregate, atomsOf, type AggregateOptions, type FigureGroup, type Series } from '../../lib/aggregation';
import { bucketsBetween, type Bucket } from '../../lib/fiscal-periods';
import { getFigureDateRange } from './periods';
import { rawStatement } from '../statements';

export type { FigureFilters };

/**
 * Figures matching the filters, summed by SQL so that the grouping work happens in the
 * database. `within`: the buckets the caller will aggregate into (any of them, or unions of
 * them). Figures are summed per atom of those buckets (lib/aggregation.ts atomsOf) — a few
 * thousand groups at a million figures — and aggregating the groups gives the same result as
 * aggregating the figures one by one (db/queries/series-atoms.test.ts holds the two equal).
 *
 * Running totals before `from` are included: a snapshot taken earlier still stands at `from`.
 */
export function listFigureGroups(db: AppDatabase, filters: FigureFilters, within: Bucket[]): FigureGroup[] {
  return within.length ? listFigureGroupsByAtom(db, filters, within) : [];
}

/** Series for a chart or table: the figures matching the filters, aggregated into buckets. */
export function listSeries(
  db: AppDatabase,
  filters: FigureFilters,
  options: Omit<AggregateOptions, 'from' | 'to'>,
): Series[] {
  // aggregate() spans the buckets from the first to the last figure when no range is given;
  // every figure lies within the dataset's own range, so those buckets are among these.
  const dates = filters.from && filters.to ? { first: filters.from, last: filters.to } : getFigureDateRange(db);
  if (!dates) return [];
  const within = bucketsBetween(filters.from ?? dates.first, filters.to ?? dates.last, options.granularity);
  return aggregate(listFigureGroups(db, filters, within), { ...options, from: filters.from, to: filters.to });
}

// Column order of the rows listFigureGroupsByAtom reads.
type GroupRow = [programmeId: number, metricId: number, basis: FigureGroup['basis'], qualifier: FigureGroup['qualifier'], periodStart: string | null, periodEnd: string, datePrecision: FigureGroup['datePrecision'], value: number, count: number];

/**
 * listFigureGroups with `within`. Three parts, each reading only the live-figures series index
 * (programme, metric, basis, period end, then the other columns: no table rows are read):
 *  1. period and planned figures, summed per atom — those that start before their atom (spanning
 *     it) stay apart by their exact period, as aggregation shows them with their own span;
 *  2. running totals in each atom, only those on the atom's latest as-of date per programme and
 *     metric (found by one backward seek): the only ones any bucket made of atoms can show;
 *  3. running totals before the first atom, only the latest per programme and metric.
 * The (programme, metric) pairs come from the figure-count rollup, so each part is a set of
 * index seeks, one per pair (and atom), whatever the filters. The index is named (INDEXED BY,
 * SQLite's only hint) so that no statistics can turn the seeks into a scan; on PostgreSQL, drop it.
 */
function listFigureGroupsByAtom(db: AppDatabase, filters: FigureFilters, within: Bucket[]): FigureGroup[] {
  const atoms = atomsOf(within).filter((a) => (!filters.from || a.end >= filters.from) && (!filters.to || a.start <= filters.to));
  if (!atoms.length) return [];
  // Clip the first and last atoms to the filters' own range.
  if (filters.from && atoms[0]!.start < filters.from) atoms[0] = { ...atoms[0]!, start: filters.from };
  const lastAtom = atoms[atoms.length - 1]!;
  if (filters.to && lastAtom.end > filters.to) atoms[atoms.length - 1] = { ...lastAtom, end: filters.to };

  const params: unknown[] = [];
  // Parameters in the order they appear in the SQL: atoms, pair filters, then the first day.
  const atomValues = atoms.map((a) => {
    params.push(a.start, a.end);
    return '(?, ?)';
  });
  const pairs = pairsSql(filters, params);
  params.push(atoms[0]!.start);
  const sql = `
    WITH atoms (atom_start, atom_end) AS (VALUES ${atomValues.join(', ')}),
    pairs AS (${pairs}),
    -- One seek per pair, atom and basis into the series index; its columns are all that is read.
    period_in_atoms AS (
      SELECT o.programme_id, o.metric_id, o.basis, o.qualifier, o.period_start, o.period_end, o.date_precision, o.value, atoms.atom_start
      FROM pairs CROSS JOIN atoms
      JOIN observations o INDEXED BY observations_series_idx ON o.programme_id = pairs.programme_id AND o.metric_id = pairs.metric_id
       AND o.basis IN ('period', 'planned') AND o.period_end BETWEEN atoms.atom_start AND atoms.atom_end
      WHERE o.deleted_at IS NULL
    ),
    -- The latest as-of date in the atom is one backward seek per pair and atom; only the running
    -- totals on that date are read, not every one in the atom.
    latest_in_atom AS (
      SELECT o.programme_id, o.metric_id, o.basis, o.qualifier, o.period_start, o.period_end, o.date_precision, o.value
      FROM pairs CROSS JOIN atoms
      JOIN observations o INDEXED BY observations_series_idx ON o.programme_id = pairs.programme_id AND o.metric_id = pairs.metric_id
       AND o.basis = 'cumulative' AND o.period_end = (
         SELECT max(o2.period_end) FROM observations o2
         WHERE o2.programme_id = pairs.programme_id AND o2.metric_id = pairs.metric_id AND o2.basis = 'cumulative'
           AND o2.period_end BETWEEN atoms.atom_start AND atoms.atom_end AND o2.deleted_at IS NULL)
      WHERE o.deleted_at IS NULL
    ),
    earlier AS (
      SELECT o.programme_id, o.metric_id, o.basis, o.qualifier, o.period_start, o.period_end, o.date_precision, o.value
      FROM pairs JOIN observations o
        ON o.programme_id = pairs.programme_id AND o.metric_id = pairs.metric_id AND o.basis = 'cumulative'
       AND o.period_end = (
         SELECT max(o2.period_end) FROM observations o2
         WHERE o2.programme_id = pairs.programme_id AND o2.metric_id = pairs.metric_id AND o2.basis = 'cumulative'
           AND o2.period_end < ? AND o2.deleted_at IS NULL)
      WHERE o.deleted_at IS NULL
    )
    SELECT programme_id, metric_id, basis, qualifier, min(period_start), max(period_end), max(date_precision), sum(value), count(*)
    FROM period_in_atoms
    GROUP BY programme_id, metric_id, basis, qualifier, atom_start,
      CASE WHEN period_start < atom_start THEN period_start END, CASE WHEN period_start < atom_start THEN period_end END
    UNION ALL
    SELECT programme_id, metric_id, basis, qualifier, period_start, period_end, max(date_precision), sum(value), count(*)
    FROM latest_in_atom
    GROUP BY programme_id, metric_id, qualifier, period_start, period_end
    UNION ALL
    SELECT programme_id, metric_id, basis, qualifier, period_start, period_end, max(date_precision), sum(value), count(*)
    FROM earlier GROUP BY programme_id, metric_id, qualifier, period_start, period_end`;
  const rows = rawStatement(db.$client, sql).all(...params) as GroupRow[];
  const names = referenceNames(db);
  return rows.map(([programmeId, metricId, basis, qualifier, periodStart, periodEnd, datePrecision, value, count]) => {
    const programme = names.programmes.get(programmeId)!;
    return { programme: programme.programme, board: programme.board, metric: names.metrics.get(metricId)!, basis, qualifier, periodStart, periodEnd, datePrecision, value, count };
  });
}

/** Names of every programme (with its board) and metric by id: a few hundred rows. */
function referenceNames(db: AppDatabase) {
  const programmeRows = rawStatement(db.$client, 'SELECT p.id, p.slug, p.name, b.slug, b.name FROM programmes p JOIN boards b ON b.id = p.board_id').all() as [
    number,
    string,
    string,
    string,
    string,
  ][];
  const metricRows = rawStatement(db.$client, 'SELECT id, slug, name, unit, additivity FROM metrics').all() as [number, string, string, FigureGroup['metric']['unit'], FigureGroup['metric']['additivity']][];
  return {
    programmes: new Map(programmeRows.map(([id, slug, name, boardSlug, boardName]) => [id, { programme: { slug, name }, board: { slug: boardSlug, name: boardName } }])),
    metrics: new Map(metricRows.map(([id, slug, name, unit, additivity]) => [id, { slug, name, unit, additivity }])),
  };
}
