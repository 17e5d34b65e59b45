import { pairsSql } from './figure-pairs';
import { type FigureFilters } from '../../lib/filters';
import type { AppDatabase } from '../client';
import { aggregate, atomsOf, outlineOf, type AggregateOptions, type Atom, type FigureGroup, type Series } from '../../lib/aggregation';
import { bucketOf, bucketsBetween, type Bucket } from '../../lib/fiscal-periods';
import { getFigureDateRange } from './periods';
import { changeVersion, rawStatement } from '../statements';
import type { Basis, DatePrecision } from '../../lib/vocabulary';
import type { QualifiedValue } from '../../lib/qualifiers';

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

/** listSeries's metrics and first and last buckets, without its cells (lib/aggregation.ts outlineOf). */
export function listSeriesOutline(db: AppDatabase, filters: FigureFilters, granularity: AggregateOptions['granularity']): ReturnType<typeof outlineOf> {
  const dates = filters.from && filters.to ? { first: filters.from, last: filters.to } : getFigureDateRange(db);
  if (!dates) return { metrics: [], span: null };
  const within = bucketsBetween(filters.from ?? dates.first, filters.to ?? dates.last, granularity);
  return outlineOf(listFigureGroups(db, filters, within), { granularity, from: filters.from, to: filters.to });
}

// The sums each part reads from figure_sums_by_period: the least precise date, the values, and
// how many figures in all, as lower bounds, as upper bounds, as approximations and as ranges, and
// the sum of their tops.
const SUMS = 'max(date_precision), sum(value), sum(figures), sum(at_least_figures), sum(at_most_figures), sum(approx_figures), sum(range_figures), sum(value_high)';

// Column order of the rows listFigureGroupsByAtom reads: the group, then SUMS.
type GroupRow = [programmeId: number, metricId: number, basis: Basis, periodStart: string | null, periodEnd: string, datePrecision: DatePrecision, value: number, figures: number, atLeast: number, atMost: number, approx: number, ranges: number, valueHigh: number];

/**
 * What is known about a sum of figures (as lib/qualifiers.ts sumQualified works it out figure by
 * figure): a lower bound if any figure is one, an upper bound if any is one, neither if both;
 * approximate if any figure is.
 */
function qualifiedSum(value: number, valueHigh: number, atLeast: number, atMost: number, approx: number, ranges: number): QualifiedValue {
  const approximate = approx > 0;
  if (atLeast && atMost) return { value: 0, bound: 'none', approximate };
  if (atLeast) return { value, bound: 'lower', approximate };
  // An upper bound's number is its top: with ranges among the figures, the sum of their tops.
  if (atMost) return { value: valueHigh, bound: 'upper', approximate };
  if (ranges && valueHigh !== value) return { value, bound: 'range', approximate, high: valueHigh };
  return { value, bound: 'exact', approximate };
}

/**
 * listFigureGroups with `within`: the figures summed per atom of the buckets, as FigureGroups.
 * When every atom is one financial quarter (charts and comparisons by quarter), these groups are
 * rows of figure_sums_by_quarter as they are; otherwise they are summed from figure_sums_by_period.
 */
function listFigureGroupsByAtom(db: AppDatabase, filters: FigureFilters, within: Bucket[]): FigureGroup[] {
  const atoms = atomsOf(within).filter((a) => (!filters.from || a.end >= filters.from) && (!filters.to || a.start <= filters.to));
  if (!atoms.length) return [];
  // Clip the first and last atoms to the filters' own range.
  if (filters.from && atoms[0]!.start < filters.from) atoms[0] = { ...atoms[0]!, start: filters.from };
  const lastAtom = atoms[atoms.length - 1]!;
  if (filters.to && lastAtom.end > filters.to) atoms[atoms.length - 1] = { ...lastAtom, end: filters.to };

  const { sql, params } = atoms.every(isQuarter) ? quarterSumsSql(filters, atoms) : atomSumsSql(filters, atoms);
  const rows = rawStatement(db.$client, sql).all(...params) as GroupRow[];
  const names = referenceNames(db);
  return rows.map(([programmeId, metricId, basis, periodStart, periodEnd, datePrecision, value, figures, atLeast, atMost, approx, ranges, valueHigh]) => {
    const programme = names.programmes.get(programmeId)!;
    return {
      programme: programme.programme,
      board: programme.board,
      metric: names.metrics.get(metricId)!,
      basis,
      periodStart,
      periodEnd,
      datePrecision,
      total: qualifiedSum(value, valueHigh, atLeast, atMost, approx, ranges),
      count: figures,
    };
  });
}

const isQuarter = (atom: Atom) => {
  const quarter = bucketOf(atom.start, 'quarter');
  return quarter.start === atom.start && quarter.end === atom.end;
};

/**
 * Atoms that are each one financial quarter: figure_sums_by_quarter (db/schema.ts) already holds,
 * per programme, metric, basis and quarter, the groups aggregation needs — the sum of the figures
 * contained in the quarter, the figures spanning it apart by exact period, and the running totals
 * of its latest as-of date. So the groups are one range of its key per pair and basis, read with
 * no grouping or sort, and the running totals before the first quarter are the latest quarter's
 * before it (one backward seek per pair).
 */
function quarterSumsSql(filters: FigureFilters, atoms: Atom[]) {
  const params: unknown[] = [];
  const pairs = pairsSql(filters, params);
  const first = atoms[0]!.start.slice(0, 7);
  params.push(first, atoms[atoms.length - 1]!.start.slice(0, 7), first);
  const columns = `s.programme_id, s.metric_id, s.basis, nullif(s.period_start, ''), s.period_end, s.date_precision, s.value, s.figures, s.at_least_figures, s.at_most_figures, s.approx_figures, s.range_figures, s.value_high`;
  const sql = `
    WITH pairs AS (${pairs})
    SELECT ${columns} FROM pairs JOIN figure_sums_by_quarter s ON s.programme_id = pairs.programme_id AND s.metric_id = pairs.metric_id
      AND s.basis IN ('cumulative', 'period', 'planned') AND s.quarter BETWEEN ? AND ?
    UNION ALL
    SELECT ${columns} FROM pairs JOIN figure_sums_by_quarter s ON s.programme_id = pairs.programme_id AND s.metric_id = pairs.metric_id
      AND s.basis = 'cumulative' AND s.quarter = (
        SELECT max(s2.quarter) FROM figure_sums_by_quarter s2
        WHERE s2.programme_id = pairs.programme_id AND s2.metric_id = pairs.metric_id AND s2.basis = 'cumulative' AND s2.quarter < ?)`;
  return { sql, params };
}

/**
 * Any other atoms: figure_sums_by_period (db/schema.ts), where the live figures are already
 * added up per programme, metric, basis and exact period — about an eighth as many rows as
 * figures (122,000 at a million). Three parts:
 *  1. period and planned sums, added up again per atom — those that start before their atom
 *     (spanning it) stay apart by their exact period, as aggregation shows them with their own span;
 *  2. running totals in each atom, only those on the atom's latest as-of date per programme and
 *     metric (found by one backward seek): the only ones any bucket made of atoms can show;
 *  3. running totals before the first atom, only the latest per programme and metric.
 * The (programme, metric) pairs come from the figure-count rollup, so each part is a set of
 * seeks into the rollup's key, one per pair (and atom), whatever the filters.
 */
function atomSumsSql(filters: FigureFilters, atoms: Atom[]) {
  const params: unknown[] = [];
  // Parameters in the order they appear in the SQL: atoms, pair filters, then the first day.
  const atomValues = atoms.map((a) => {
    params.push(a.start, a.end);
    return '(?, ?)';
  });
  const pairs = pairsSql(filters, params);
  params.push(atoms[0]!.start);
  // period_start is '' in the rollup for figures with none: such a figure never spans its atom.
  const spans = "s.period_start <> '' AND s.period_start < atom_start";
  const sql = `
    WITH atoms (atom_start, atom_end) AS (VALUES ${atomValues.join(', ')}),
    pairs AS (${pairs}),
    period_in_atoms AS (
      SELECT s.*, atoms.atom_start
      FROM pairs CROSS JOIN atoms
      JOIN figure_sums_by_period s ON s.programme_id = pairs.programme_id AND s.metric_id = pairs.metric_id
       AND s.basis IN ('period', 'planned') AND s.period_end BETWEEN atoms.atom_start AND atoms.atom_end
    ),
    -- The latest as-of date in the atom is one backward seek per pair and atom; only the running
    -- totals on that date are read, not every one in the atom.
    latest_in_atom AS (
      SELECT s.* FROM pairs CROSS JOIN atoms
      JOIN figure_sums_by_period s ON s.programme_id = pairs.programme_id AND s.metric_id = pairs.metric_id
       AND s.basis = 'cumulative' AND s.period_end = (
         SELECT max(s2.period_end) FROM figure_sums_by_period s2
         WHERE s2.programme_id = pairs.programme_id AND s2.metric_id = pairs.metric_id AND s2.basis = 'cumulative'
           AND s2.period_end BETWEEN atoms.atom_start AND atoms.atom_end)
    ),
    earlier AS (
      SELECT s.* FROM pairs JOIN figure_sums_by_period s
        ON s.programme_id = pairs.programme_id AND s.metric_id = pairs.metric_id AND s.basis = 'cumulative'
       AND s.period_end = (
         SELECT max(s2.period_end) FROM figure_sums_by_period s2
         WHERE s2.programme_id = pairs.programme_id AND s2.metric_id = pairs.metric_id AND s2.basis = 'cumulative'
           AND s2.period_end < ?)
    )
    SELECT programme_id, metric_id, basis, min(nullif(period_start, '')), max(period_end), ${SUMS}
    FROM period_in_atoms s
    GROUP BY programme_id, metric_id, basis, atom_start, CASE WHEN ${spans} THEN period_start END, CASE WHEN ${spans} THEN period_end END
    UNION ALL
    SELECT programme_id, metric_id, basis, nullif(period_start, ''), period_end, ${SUMS}
    FROM latest_in_atom GROUP BY programme_id, metric_id, basis, period_start, period_end
    UNION ALL
    SELECT programme_id, metric_id, basis, nullif(period_start, ''), period_end, ${SUMS}
    FROM earlier GROUP BY programme_id, metric_id, basis, period_start, period_end`;
  return { sql, params };
}

type ReferenceNames = ReturnType<typeof readReferenceNames>;
const namesByConnection = new WeakMap<AppDatabase['$client'], { version: string; names: ReferenceNames }>();

/**
 * Names of every programme (with its board) and metric by id: a few hundred rows, read again only
 * when the database may have changed since (changeVersion), so that a renamed programme shows at once.
 */
function referenceNames(db: AppDatabase): ReferenceNames {
  // (PostgreSQL has no such counter on a connection: there the names are read every time.)
  const version = changeVersion(db.$client);
  const kept = namesByConnection.get(db.$client);
  if (version !== null && kept?.version === version) return kept.names;
  const names = readReferenceNames(db);
  if (version !== null) namesByConnection.set(db.$client, { version, names });
  return names;
}

function readReferenceNames(db: AppDatabase) {
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
