// Comparing two periods (docs/decisions/0004): one row per metric and basis (and, expanded,
// per board and programme), with A, B, the change and the percentage change where an honest
// number exists, and the reason in words where it does not.
import type { Basis, Unit } from './vocabulary';
import { aggregateLevels, sortByKey, type Dimension, type FigureGroup, type SeriesCell, type SeriesKey } from './aggregation';
import {
  bucketOf,
  parsePeriodToken,
  previousBucket,
  sameBucketYearEarlier,
  spanBuckets,
  yearBucket,
  type Bucket,
} from './fiscal-periods';
import { differenceQualified, formatChange, formatQualifiedValue, QualifiedSum, type QualifiedValue } from './qualifiers';
import { percentChange, whyNotComparable } from './series-view';
import { coverageOf, describeCoverage, likeForLikeMonths, type Coverage } from './coverage';
import { parseFilters, type SearchParams } from './filters';

/**
 * A period to compare: a standard token ("2020-21", "2020-21-Q3", "2020-10"), a year to date,
 * "ytd:2020-21-Q3" (1 April 2020 to the end of Q3 2020/21), or a run, "2019-10..2020-02".
 */
export function parseComparePeriod(token: string): Bucket | null {
  // A run of months or other periods, "2019-10..2020-02", as the like-for-like months are offered.
  const run = /^([^.]+)\.\.([^.]+)$/.exec(token);
  if (run) {
    const [from, to] = [parsePeriodToken(run[1]!), parsePeriodToken(run[2]!)];
    return from && to && from.start <= to.end ? spanBuckets(from, to) : null;
  }
  const ytd = /^ytd:(.+)$/.exec(token);
  if (!ytd) return parsePeriodToken(token);
  const to = parsePeriodToken(ytd[1]!);
  if (!to || to.granularity === 'year') return null;
  const start = yearBucket(to.fiscalYear).start;
  return {
    granularity: 'range',
    token,
    label: `${yearBucket(to.fiscalYear).label} to the end of ${to.label}`,
    start,
    end: to.end,
    fiscalYear: to.fiscalYear,
  };
}

/** The same span a year earlier: a quarter's quarter, a year's year, a year to date's same months. */
export function yearEarlier(p: Bucket): Bucket {
  if (p.granularity !== 'range') return sameBucketYearEarlier(p);
  const ytd = /^ytd:(.+)$/.exec(p.token);
  if (ytd) return parseComparePeriod(`ytd:${sameBucketYearEarlier(parsePeriodToken(ytd[1]!)!).token}`)!;
  // Any other span is whole months: shift its first and last months back a year.
  return spanBuckets(sameBucketYearEarlier(bucketOf(p.start, 'month')), sameBucketYearEarlier(bucketOf(p.end, 'month')));
}

/** Quick choices for A, relative to B. */
export function quickChoices(b: Bucket): { id: string; label: string; a: Bucket; b: Bucket }[] {
  // The same comparison reached two ways (B a financial year: its previous year is the previous
  // financial year) is offered once, under its first name.
  const seen = new Set<string>();
  return quickChoicesAll(b).filter((c) => !seen.has(`${c.a.token}|${c.b.token}`) && !!seen.add(`${c.a.token}|${c.b.token}`));
}

function quickChoicesAll(b: Bucket): { id: string; label: string; a: Bucket; b: Bucket }[] {
  const choices: { id: string; label: string; a: Bucket; b: Bucket }[] = [];
  if (b.granularity !== 'range') choices.push({ id: 'previous', label: `Previous ${b.granularity === 'year' ? 'financial year' : b.granularity}`, a: previousBucket(b), b });
  choices.push({ id: 'year-earlier', label: b.granularity === 'quarter' ? 'Same quarter last year' : 'Same period last year', a: yearEarlier(b), b });
  const fy = bucketOf(b.end, 'year');
  choices.push({ id: 'previous-year', label: 'Previous financial year', a: previousBucket(fy), b: fy });
  const ytdToken = `ytd:${bucketOf(b.end, 'quarter').token}`;
  const ytd = parseComparePeriod(ytdToken)!;
  choices.push({ id: 'ytd', label: 'Year to date against a year earlier', a: yearEarlier(ytd), b: ytd });
  return choices;
}

/** The default comparison: the latest quarter with figures against the quarter before it. */
export function defaultComparison(latest: string): { a: Bucket; b: Bucket } {
  const b = bucketOf(latest, 'quarter');
  return { a: previousBucket(b), b };
}

export type Comparability = 'comparable' | 'new_in_b' | 'absent_from_b' | 'no_figures' | 'not_comparable' | 'partly_covered';

export const COMPARABILITY_LABELS: Record<Comparability, string> = {
  comparable: 'comparable',
  new_in_b: 'new in B',
  absent_from_b: 'absent from B',
  not_comparable: 'not comparable',
  partly_covered: 'partly covered',
  no_figures: 'no figures',
};

/** A programme's amount, set apart from a like-for-like change. */
export interface ProgrammeAmount {
  programme: string;
  text: string;
}

/**
 * Who is behind a change: where programmes reported in one period only, the change is given over
 * the programmes that reported in both, and the others are listed apart with their amounts.
 */
export interface Composition {
  /** How many programmes reported in both periods (the like-for-like change is over these). */
  inBoth: number;
  newInB: ProgrammeAmount[];
  absentFromB: ProgrammeAmount[];
}

export interface CompareRow {
  key: SeriesKey;
  a: string;
  b: string;
  change: string;
  percent: string | null;
  status: Comparability;
  /** Why there is no honest change, or what else a reader should know. */
  note: string | null;
  /** Size of the change for sorting (absolute, in the metric's unit); null where there is none. */
  magnitude: number | null;
  /** Numbers for a chart: null where none may be drawn. */
  aValue: number | null;
  bValue: number | null;
  aInexact: boolean;
  bInexact: boolean;
  /** A's and B's totals where each is a number (for like-for-like sums). */
  aTotal: QualifiedValue | null;
  bTotal: QualifiedValue | null;
  /** Figures for spans longer than the period, in A and B, that the row leaves out. */
  leftOut: number;
  /** What the note says of them (and of a running total with no newer figure), or null. */
  spanNote: string | null;
  /** Set where programmes reported in one period only: the change is then like for like. */
  composition: Composition | null;
  /** In-period and planned rows: how much of A and of B the figures cover (docs/decisions/0006). */
  coverage: { a: Coverage; b: Coverage } | null;
  /** Where A or B is partly covered: the months covered in both, to compare instead. */
  likeForLike: { a: Bucket; b: Bucket } | null;
}

const monthYear = (iso: string) => bucketOf(iso, 'month').label;

function cellText(cell: SeriesCell, unit: Unit): string {
  // A running total says when it stands: "890+ as of March 2020" is not a figure of B's months.
  if (cell.status === 'value' && cell.asOf) return `${formatQualifiedValue(cell.total, unit)} as of ${monthYear(cell.asOf.to)}`;
  if (cell.status === 'value') return formatQualifiedValue(cell.total, unit);
  if (cell.status === 'not_summable') return 'not added up';
  return cell.spanning.length ? 'only figures for longer periods' : 'no figures reported';
}

const total = (c: SeriesCell): QualifiedValue | null => (c.status === 'value' && c.total.bound !== 'none' ? c.total : null);
const spanned = (c: SeriesCell) => c.spanning.reduce((n, s) => n + s.count, 0);
const inexact = (c: SeriesCell) => c.status === 'value' && (c.total.approximate || c.total.bound !== 'exact');

/**
 * Where a metric's (or board's, or programme's) cells in A and B stand: its comparability, and
 * what the row's words are made from. Kept apart from the words because a comparison judges
 * every programme's cells (for the summary and the breakdown counts) but words only the rows shown.
 */
export type Judgement =
  | { status: 'comparable'; from: QualifiedValue; change: QualifiedValue }
  | { status: 'no_figures' | 'new_in_b' | 'absent_from_b' }
  | { status: 'not_comparable'; why: 'not_summable'; reason: string }
  | { status: 'not_comparable'; why: 'no_new_running_total'; asOf: string | undefined }
  | { status: 'not_comparable'; why: 'bounds'; a: QualifiedValue; b: QualifiedValue };

export function judge(key: SeriesKey, a: SeriesCell, b: SeriesCell): Judgement {
  if (a.status === 'not_summable') return { status: 'not_comparable', why: 'not_summable', reason: a.reason };
  if (b.status === 'not_summable') return { status: 'not_comparable', why: 'not_summable', reason: b.reason };
  if (a.status === 'no_figures' || b.status === 'no_figures')
    return { status: a.status === b.status ? 'no_figures' : a.status === 'no_figures' ? 'new_in_b' : 'absent_from_b' };
  if (key.basis === 'cumulative' && b.carriedForward && a.asOf?.to === b.asOf?.to)
    return { status: 'not_comparable', why: 'no_new_running_total', asOf: b.asOf?.to };
  const change = differenceQualified(a.total, b.total);
  if (change.bound === 'none') return { status: 'not_comparable', why: 'bounds', a: a.total, b: b.total };
  return { status: 'comparable', from: a.total, change };
}

/** The comparison of one metric/basis (one series key) between A and B. */
export function compareCells(key: SeriesKey, a: SeriesCell, b: SeriesCell, labels: { a: string; b: string }, judgement = judge(key, a, b)): CompareRow {
  const unit = key.metric.unit;
  const row: CompareRow = {
    key,
    a: cellText(a, unit),
    b: cellText(b, unit),
    change: '—',
    percent: null,
    status: judgement.status,
    note: null,
    magnitude: null,
    aValue: total(a)?.value ?? null,
    bValue: total(b)?.value ?? null,
    aInexact: inexact(a),
    bInexact: inexact(b),
    aTotal: total(a),
    bTotal: total(b),
    leftOut: spanned(a) + spanned(b),
    spanNote: null,
    composition: null,
    coverage: null,
    likeForLike: null,
  };
  const spanNote = (c: SeriesCell, label: string) => {
    const n = spanned(c);
    return n ? `${n} figure${n === 1 ? '' : 's'} in ${label} cover${n === 1 ? 's' : ''} a longer period and ${n === 1 ? 'is' : 'are'} not counted` : null;
  };
  const notes = [spanNote(a, labels.a), spanNote(b, labels.b)].filter(Boolean) as string[];
  // A running total in B that dates from before B: no new figure was reported in B.
  if (key.basis === 'cumulative' && b.status === 'value' && b.carriedForward && b.asOf && judgement.status !== 'not_comparable')
    notes.unshift(`the running total in ${labels.b} dates from ${monthYear(b.asOf.to)}: no newer figure`);
  row.spanNote = notes.join('; ') || null;

  // The row is filled in place (no copy per outcome: a comparison at scale makes thousands).
  switch (judgement.status) {
    case 'not_comparable':
      row.note =
        judgement.why === 'not_summable'
          ? [judgement.reason, ...notes].join('; ')
          : judgement.why === 'bounds'
            ? [whyNotComparable(judgement.a, judgement.b), ...notes].join('; ')
            : `no new running total in ${labels.b}: both show the figure as of ${judgement.asOf}`;
      return row;
    case 'comparable':
      row.change = formatChange(judgement.change, unit);
      row.percent = percentChange(judgement.from, judgement.change);
      row.magnitude = Math.abs(judgement.change.value);
      row.note = notes.join('; ') || null;
      return row;
    default:
      if (judgement.status === 'absent_from_b') notes.unshift(`no figures reported in ${labels.b}`);
      else if (judgement.status === 'new_in_b') notes.unshift(`no figures reported in ${labels.a}`);
      row.note = notes.join('; ') || null;
      return row;
  }
}

/** A metric row's rows by board and by programme, each in the table's order (sortRows). */
export interface Breakdown {
  byBoard: CompareRow[];
  byProgramme: CompareRow[];
}

export interface Comparison {
  a: Bucket;
  b: Bucket;
  /** One row per metric and basis with figures in A or B, in the table's order (sortRows). */
  rows: CompareRow[];
  /** Per metric row (metricBasisId): how many boards and programmes its breakdown lists. */
  sizes: Map<string, { boards: number; programmes: number }>;
  /** The programmes with at least one row of each of these kinds, over every metric (for summarise). */
  programmes: Record<'comparable' | 'new_in_b' | 'absent_from_b', Set<string>>;
  /**
   * A metric row's breakdown, worded and sorted when first asked for and then kept. At scale a
   * comparison has thousands of board and programme rows; the page shows one metric's, or a few.
   */
  breakdown: (row: CompareRow) => Breakdown;
}

export const rowId = (k: SeriesKey) => [k.metric.slug, k.basis, k.board?.slug ?? '', k.programme?.slug ?? ''].join('|');
/** A metric row's id: its metric and basis. */
export const metricBasisId = (k: Pick<SeriesKey, 'metric' | 'basis'>) => `${k.metric.slug}|${k.basis}`;

/**
 * The entry for a metric and basis, made if new. Looked up by the two strings in turn, not by an
 * id made of them: making and hashing a new string for each of thousands of series cost more
 * than judging them.
 */
function atMetricBasis<T>(index: Map<string, Map<Basis, T>>, k: Pick<SeriesKey, 'metric' | 'basis'>, make: () => T): T {
  let byBasis = index.get(k.metric.slug);
  if (!byBasis) index.set(k.metric.slug, (byBasis = new Map()));
  let entry = byBasis.get(k.basis);
  if (!entry) byBasis.set(k.basis, (entry = make()));
  return entry;
}

/** Both cells of one series: what a comparison row is made from. */
interface CellPair {
  key: SeriesKey;
  a: SeriesCell;
  b: SeriesCell;
}

/** Each level's series (grouped by nothing, by board, by programme…) with their cells in A and B, in no particular order. */
function cellPairs(groups: FigureGroup[], a: Bucket, b: Bucket, levels: Dimension[][]): CellPair[][] {
  if (a.end < b.start || b.end < a.start) {
    // Periods apart (the usual case): one pass over the figures gives both cells of every series
    // at every level. Unsorted: the caller sorts the rows its own way.
    const [first, second] = a.start < b.start ? [a, b] : [b, a];
    return aggregateLevels(groups, [first, second], levels, { sorted: false }).map((list) =>
      list.map((s) => {
        const [cellA, cellB] = first === a ? s.cells : [s.cells[1], s.cells[0]];
        return { key: s.key, a: cellA!, b: cellB! };
      }),
    );
  }
  // Overlapping periods (a year and a quarter of it) need a pass each (buckets may not overlap),
  // and a series may have figures in one of them only.
  const empty = (bucket: Bucket): SeriesCell => ({ status: 'no_figures', bucket, spanning: [] });
  const [inA, inB] = [aggregateLevels(groups, [a], levels, { sorted: false }), aggregateLevels(groups, [b], levels, { sorted: false })];
  return levels.map((_, level) => {
    const byId = new Map<string, { key: SeriesKey; a?: SeriesCell; b?: SeriesCell }>();
    for (const s of inA[level]!) byId.set(rowId(s.key), { key: s.key, a: s.cells[0] });
    for (const s of inB[level]!) byId.set(rowId(s.key), { ...(byId.get(rowId(s.key)) ?? { key: s.key }), b: s.cells[0] });
    return [...byId.values()].map(({ key, a: ca, b: cb }) => ({ key, a: ca ?? empty(a), b: cb ?? empty(b) }));
  });
}

const ORDER: Record<Comparability, number> = { comparable: 0, new_in_b: 1, absent_from_b: 2, partly_covered: 3, not_comparable: 4, no_figures: 5 };

/** Largest change first; then rows new in B, absent from B, not comparable; ties by name. */
export function sortRows(rows: CompareRow[]): CompareRow[] {
  // Ties in a breakdown go by name, whichever period the figures were found in first.
  return sortByKey(rows, (r) => r.key, (r) => [ORDER[r.status], -(r.magnitude ?? 0)]);
}

/** One programme's standing in a metric's comparison: what composition() needs of it. */
export interface ProgrammeStanding {
  programme: string;
  status: Comparability;
  /** Its totals in A and B, where each is a number (null otherwise). */
  a: QualifiedValue | null;
  b: QualifiedValue | null;
  /** Its A and B in words, made only for the programmes listed apart (a comparison at scale has thousands). */
  texts: () => { a: string; b: string };
}

/**
 * Like for like (docs/decisions/0004): where some programmes reported in one period only, a
 * metric row's change is the change over the programmes that reported in both, and the others
 * are listed apart with their amounts — "+102%" made of programmes first reported in B is no
 * change at all. Where no programme reported in both, there is no change to give. Changes the
 * row in place; rows of a metric that may not be added across programmes are left as they are.
 */
export function applyComposition(row: CompareRow, standings: () => ProgrammeStanding[], labels: { a: string; b: string }): CompareRow {
  if (row.key.metric.additivity !== 'additive' || (row.status !== 'comparable' && row.status !== 'not_comparable')) return row;
  const programmes = standings();
  if (!programmes.some((p) => p.status === 'new_in_b' || p.status === 'absent_from_b')) return row;
  const byName = (x: ProgrammeStanding, y: ProgrammeStanding) => x.programme.localeCompare(y.programme);
  const newInB = programmes.filter((p) => p.status === 'new_in_b').sort(byName).map((p) => ({ programme: p.programme, text: p.texts().b }));
  const absentFromB = programmes.filter((p) => p.status === 'absent_from_b').sort(byName).map((p) => ({ programme: p.programme, text: p.texts().a }));
  const both = programmes.filter((p) => p.status !== 'new_in_b' && p.status !== 'absent_from_b' && p.status !== 'no_figures');
  row.composition = { inBoth: both.length, newInB, absentFromB };
  const apart = [
    newInB.length ? `new in ${labels.b}: ${newInB.map((p) => `${p.programme} (${p.text})`).join(', ')}` : '',
    absentFromB.length ? `none in ${labels.b} from ${absentFromB.map((p) => `${p.programme} (${p.text} in ${labels.a})`).join(', ')}` : '',
  ].filter(Boolean);
  const unit = row.key.metric.unit;
  const likeA = new QualifiedSum();
  const likeB = new QualifiedSum();
  const numbers = both.every((p) => p.a && p.b);
  for (const p of both) {
    if (p.a) likeA.add(p.a);
    if (p.b) likeB.add(p.b);
  }
  const from = likeA.result();
  const change = differenceQualified(from, likeB.result());
  const unclear = both.filter((p) => p.status === 'not_comparable').length;
  row.percent = null;
  row.magnitude = null;
  row.change = '—';
  if (!both.length || !numbers || unclear || change.bound === 'none') {
    row.status = 'not_comparable';
    const why = !both.length
      ? `no programme reported in both ${labels.a} and ${labels.b}`
      : unclear
        ? `${
            unclear < both.length
              ? `${unclear} of the ${both.length} programmes that reported in both cannot be compared`
              : both.length === 1
                ? 'the one programme that reported in both cannot be compared'
                : `none of the ${both.length} programmes that reported in both can be compared`
          } (the breakdown by programme says why)`
        : !numbers
          ? 'the programmes that reported in both do not each give a number'
          : `over the programmes that reported in both, ${whyNotComparable(from, likeB.result())}`;
    row.note = [why, ...apart, row.spanNote].filter(Boolean).join('; ');
    return row;
  }
  row.status = 'comparable';
  row.change = formatChange(change, unit);
  row.percent = percentChange(from, change);
  row.magnitude = Math.abs(change.value);
  row.note = [`like for like, over the ${both.length} programme${both.length === 1 ? '' : 's'} that reported in both (${formatQualifiedValue(from, unit)} to ${formatQualifiedValue(likeB.result(), unit)})`, ...apart, row.spanNote]
    .filter(Boolean)
    .join('; ');
  return row;
}

/**
 * Coverage (docs/decisions/0006): an in-period row over a period its figures cover only in part
 * (or not at all) says so and gives no change: a sum of half a year against a whole one is not a
 * change. It offers the months covered in both instead. Changes the row in place.
 */
export function applyCoverage(row: CompareRow, covered: ReadonlySet<string> | undefined, a: Bucket, b: Bucket): CompareRow {
  // Sums (in period, and plans, which a report states for the months it covers); a running total
  // is a snapshot, dated, and says itself when it has no newer figure.
  if (!covered || row.key.basis === 'cumulative' || row.status === 'no_figures') return row;
  const coverage = { a: coverageOf(a, covered), b: coverageOf(b, covered) };
  row.coverage = coverage;
  const short = (c: Coverage) => c.covered < c.months;
  if (!short(coverage.a) && !short(coverage.b)) return row;
  const words = [short(coverage.a) ? describeCoverage(a, coverage.a) : '', short(coverage.b) ? describeCoverage(b, coverage.b) : ''].filter(Boolean);
  row.likeForLike = likeForLikeMonths(a, b, covered, covered);
  if (row.status === 'comparable' || row.status === 'not_comparable' || coverage.a.covered === 0 || coverage.b.covered === 0) {
    row.status = 'partly_covered';
    row.change = '—';
    row.percent = null;
    row.magnitude = null;
  }
  const offer = row.likeForLike ? `compare ${row.likeForLike.a.label} with ${row.likeForLike.b.label} instead` : '';
  row.note = [...words, offer, row.note].filter(Boolean).join('; ');
  return row;
}

/** Figures' coverage by metric slug (db/queries/coverage.ts), or nothing to check against. */
export type CoverageByMetric = ReadonlyMap<string, ReadonlySet<string>>;

export function compare(groups: FigureGroup[], a: Bucket, b: Bucket, coverage?: CoverageByMetric): Comparison {
  const labels = { a: a.label, b: b.label };
  // Programme series are keyed by board too (a programme is on one board), for counting boards.
  const [totals, perProgramme] = cellPairs(groups, a, b, [[], ['board', 'programme']]);
  const covered = (r: CompareRow) => (coverage ? (coverage.get(r.key.metric.slug) ?? new Set<string>()) : undefined);

  // Every programme's cells are judged now: the summary names programmes by what their rows say,
  // and each metric row says how many boards and programmes its breakdown has. A board has a row
  // exactly when one of its programmes has (a board's cell has figures when a programme's does),
  // so the boards are counted from the programmes without adding them up by board.
  const judged = new Map<string, Map<Basis, { pairs: { pair: CellPair; judgement: Judgement }[]; boards: Set<string> }>>();
  const programmes: Comparison['programmes'] = { comparable: new Set(), new_in_b: new Set(), absent_from_b: new Set() };
  const sizes: Comparison['sizes'] = new Map();
  for (const pair of perProgramme!) {
    const judgement = judge(pair.key, pair.a, pair.b);
    if (judgement.status === 'no_figures') continue;
    const entry = atMetricBasis(judged, pair.key, () => ({ pairs: [], boards: new Set<string>() }));
    entry.pairs.push({ pair, judgement });
    entry.boards.add(pair.key.board!.slug);
    if (judgement.status !== 'not_comparable') programmes[judgement.status].add(pair.key.programme!.name);
  }
  for (const byBasis of judged.values())
    for (const { pairs, boards } of byBasis.values()) sizes.set(metricBasisId(pairs[0]!.pair.key), { boards: boards.size, programmes: pairs.length });

  // The metric rows, like for like where programmes came or went, and checked for coverage.
  const rows = sortRows(
    totals!
      .map((p) => compareCells(p.key, p.a, p.b, labels))
      .filter((r) => r.status !== 'no_figures')
      .map((r) => {
        const standings = () => (judged.get(r.key.metric.slug)?.get(r.key.basis)?.pairs ?? []).map(({ pair, judgement }) => standingOf(pair, judgement.status));
        return applyCoverage(applyComposition(r, standings, labels), covered(r), a, b);
      }),
  );

  // Breakdowns, built on demand: programme rows from the cells judged above, board rows from
  // that metric's figures alone (the same series a pass over every figure would give them).
  const built = new Map<string, Breakdown>();
  let groupsOf: Map<string, Map<Basis, FigureGroup[]>> | undefined;
  const breakdown = (row: CompareRow): Breakdown => {
    const id = metricBasisId(row.key);
    let found = built.get(id);
    if (found) return found;
    if (!groupsOf) {
      groupsOf = new Map();
      for (const g of groups) atMetricBasis(groupsOf, g, () => [] as FigureGroup[]).push(g);
    }
    const [byBoard] = cellPairs(groupsOf.get(row.key.metric.slug)?.get(row.key.basis) ?? [], a, b, [['board']]);
    const programmeRows = (judged.get(row.key.metric.slug)?.get(row.key.basis)?.pairs ?? []).map(({ pair: { key, a: cellA, b: cellB }, judgement }) =>
      // A programme's row is known by its programme alone, as the table and the CSV show it.
      compareCells({ metric: key.metric, basis: key.basis, programme: key.programme }, cellA, cellB, labels, judgement),
    );
    found = {
      byBoard: sortRows(byBoard!.map((p) => applyCoverage(compareCells(p.key, p.a, p.b, labels), covered(row), a, b)).filter((r) => r.status !== 'no_figures')),
      byProgramme: sortRows(programmeRows.map((r) => applyCoverage(r, covered(row), a, b))),
    };
    built.set(id, found);
    return found;
  };
  return { a, b, rows, sizes, programmes, breakdown };
}

/** A programme's standing from its cells and the status judged for them. */
function standingOf(pair: CellPair, status: Comparability): ProgrammeStanding {
  const unit = pair.key.metric.unit;
  return { programme: pair.key.programme!.name, status, a: total(pair.a), b: total(pair.b), texts: () => ({ a: cellText(pair.a, unit), b: cellText(pair.b, unit) }) };
}

/** A programme row's standing (the same as standingOf its cells gives). */
export function standingOfRow(r: CompareRow): ProgrammeStanding {
  return { programme: r.key.programme!.name, status: r.status, a: r.aTotal, b: r.bTotal, texts: () => ({ a: r.a, b: r.b }) };
}

const NO_BREAKDOWN = { boards: 0, programmes: 0 };

/** A metric row's rows by board and by programme. */
export const breakdownOf = (c: Comparison, row: CompareRow): Breakdown => c.breakdown(row);
/** How many rows a metric row's breakdown has by board and by programme, without building them. */
export const breakdownSize = (c: Comparison, row: CompareRow) => c.sizes.get(metricBasisId(row.key)) ?? NO_BREAKDOWN;

/** A comparison as plain data, every breakdown built: what a test compares, or JSON could carry. */
export function comparisonAsData(c: Comparison) {
  const names = (set: Set<string>) => [...set].sort();
  return {
    a: c.a,
    b: c.b,
    rows: c.rows,
    breakdown: Object.fromEntries(c.rows.map((r) => [metricBasisId(r.key), c.breakdown(r)])),
    sizes: Object.fromEntries(c.sizes),
    programmes: { comparable: names(c.programmes.comparable), new_in_b: names(c.programmes.new_in_b), absent_from_b: names(c.programmes.absent_from_b) },
  };
}

const BASIS_WORDS: Record<Basis, string> = { period: '', cumulative: ' (running total)', planned: ' (planned)' };

/**
 * A plain-English summary for a board paper: the largest changes, then what is new or
 * missing. Built only from the rows, so it never says more than the table.
 */
export function summarise(c: Comparison): string {
  const sentences: string[] = [];
  const comparable = c.rows.filter((r) => r.status === 'comparable');
  const leftOut = (r: CompareRow) =>
    r.leftOut ? `, leaving out ${r.leftOut} figure${r.leftOut === 1 ? '' : 's'} for longer periods` : '';
  for (const r of comparable.slice(0, 3)) {
    const name = `${r.key.metric.name}${BASIS_WORDS[r.key.basis]}`;
    const like = r.composition
      ? ` like for like, over the ${r.composition.inBoth} programme${r.composition.inBoth === 1 ? '' : 's'} that reported in both`
      : '';
    const apart = r.composition
      ? [
          r.composition.newInB.length ? `${r.composition.newInB.length} programme${r.composition.newInB.length === 1 ? '' : 's'} first reported in ${c.b.label}` : '',
          r.composition.absentFromB.length ? `${r.composition.absentFromB.length} with none in ${c.b.label}` : '',
        ].filter(Boolean)
      : [];
    const setApart = apart.length ? ` (${apart.join(' and ')} set apart)` : '';
    if (r.magnitude === 0) {
      sentences.push(`${name} was ${r.composition ? 'unchanged' : `${r.b} in both ${c.a.label} and ${c.b.label}`}${like}${setApart}${leftOut(r)}.`);
      continue;
    }
    const bounded = /at (least|most)|≈| to /.test(r.change);
    const verb = bounded ? 'changed' : r.change.includes('+') ? 'rose' : 'fell';
    const span = r.composition ? '' : ` from ${r.a} in ${c.a.label} to ${r.b} in ${c.b.label}`;
    sentences.push(`${name} ${verb}${span}${like} (${r.change}${r.percent ? `, ${r.percent}` : ''})${setApart}${leftOut(r)}.`);
  }
  if (!comparable.length) sentences.push(`No metric has figures that can honestly be compared between ${c.a.label} and ${c.b.label}.`);
  const { comparable: anyComparable, new_in_b: anyNew, absent_from_b: anyAbsent } = c.programmes;
  const onlyB = [...anyNew].filter((p) => !anyAbsent.has(p) && !anyComparable.has(p));
  const onlyA = [...anyAbsent].filter((p) => !anyNew.has(p) && !anyComparable.has(p));
  if (onlyB.length) sentences.push(`${onlyB.length} programme${onlyB.length === 1 ? '' : 's'} reported figures only in ${c.b.label}.`);
  if (onlyA.length) sentences.push(`${onlyA.length} programme${onlyA.length === 1 ? '' : 's'} reported figures in ${c.a.label} but none in ${c.b.label}.`);
  const partly = c.rows.filter((r) => r.status === 'partly_covered');
  if (partly.length) {
    const offer = partly.find((r) => r.likeForLike)?.likeForLike;
    sentences.push(
      `${partly.length} metric${partly.length === 1 ? ' is' : 's are'} given no change because the reports cover only part of ${partly.some((r) => r.coverage && r.coverage.a.covered < r.coverage.a.months) ? c.a.label : c.b.label}` +
        `${offer ? `; compare ${offer.a.label} with ${offer.b.label} instead` : ''}.`,
    );
  }
  const notComparable = c.rows.filter((r) => r.status === 'not_comparable').length;
  if (notComparable) sentences.push(`${notComparable} metric${notComparable === 1 ? '' : 's'} cannot be compared honestly; the table says why.`);
  return sentences.join(' ');
}

export interface CompareParams {
  a: Bucket;
  b: Bucket;
  boards: string[];
  programmes: string[];
  metrics: string[];
  errors: string[];
}

const PERIOD_HINT =
  'Use a financial year such as 2020-21, a quarter such as 2020-21-Q3, a month such as 2020-10, or a year to date such as ytd:2020-21-Q3, from 2000 to 2100.';

/** ?a=&b= plus the usual board/programme/metric filters; bad values become messages and defaults. */
export function parseCompareParams(params: SearchParams, latest: string | null): CompareParams | null {
  const { filters, errors } = parseFilters({ board: params.board, programme: params.programme, metric: params.metric });
  const read = (name: 'a' | 'b') => {
    const raw = Array.isArray(params[name]) ? params[name][0] : params[name];
    if (!raw) return null;
    const p = raw.length <= 40 ? parseComparePeriod(raw) : null;
    if (!p) errors.push(`“${raw.slice(0, 40)}” is not a period we recognise for ${name.toUpperCase()}. ${PERIOD_HINT}`);
    return p;
  };
  let a = read('a');
  let b = read('b');
  if (!latest && !(a && b)) return null;
  const fallback = latest ? defaultComparison(latest) : null;
  b ??= fallback!.b;
  a ??= b.token.startsWith('ytd:') ? yearEarlier(b) : b.granularity === 'range' ? yearEarlier(b) : previousBucket(b);
  return { a, b, boards: filters.boards, programmes: filters.programmes, metrics: filters.metrics, errors };
}

/** The query string of a comparison, keeping its filters. */
export function compareQuery(p: Pick<CompareParams, 'boards' | 'programmes' | 'metrics'>, a: Bucket, b: Bucket): string {
  const q = new URLSearchParams({ a: a.token, b: b.token });
  for (const v of p.boards) q.append('board', v);
  for (const v of p.programmes) q.append('programme', v);
  for (const v of p.metrics) q.append('metric', v);
  return `?${q.toString()}`;
}
