// Turns figures into series by bucket (month, financial quarter, financial year) and by metric,
// board or programme, following the rules in docs/decisions/0003:
// - `period` figures are summed into the bucket holding their period end; a figure whose span
//   starts before that bucket is not split or silently summed: it is shown with its span;
// - `cumulative` figures give the latest snapshot at or before the bucket's end (snapshots of
//   one programme sharing an as-of date are parts of one total);
// - `planned` figures form their own series and are never added to actuals;
// - a metric's additivity decides whether figures may be added across programmes at all;
// - units never mix: every series is of one metric.
import type { Additivity, Basis, DatePrecision, Qualifier, Unit } from './vocabulary';
import { bucketOf, bucketsBetween, type Bucket, type Granularity } from './fiscal-periods';
import { addQualified, fromQualifier, QualifiedSum, type QualifiedValue } from './qualifiers';

/**
 * Figures as the query returns them: one observation, or several of one programme, metric and
 * basis added up by SQL (db/queries/series.ts) where aggregation treats them alike.
 */
export interface FigureGroup {
  programme: { slug: string; name: string };
  board: { slug: string; name: string };
  metric: { slug: string; name: string; unit: Unit; additivity: Additivity };
  basis: Basis;
  periodStart: string | null;
  periodEnd: string;
  /** The least precise date among the observations. */
  datePrecision: DatePrecision;
  /** Sum of the observations' values, with what is known about it (lib/qualifiers.ts). */
  total: QualifiedValue;
  /** How many observations the group holds. */
  count: number;
}

/** One observation as a group of one. */
export function figureGroupOf(figure: Omit<FigureGroup, 'total' | 'count'> & { value: number; qualifier: Qualifier; upper?: number | null }): FigureGroup {
  const { value, qualifier, upper, ...rest } = figure;
  return { ...rest, total: fromQualifier(value, qualifier, upper ?? null), count: 1 };
}

export type Dimension = 'board' | 'programme';

export interface SeriesKey {
  metric: FigureGroup['metric'];
  board?: FigureGroup['board'];
  programme?: FigureGroup['programme'];
  basis: Basis;
}

/** A period figure covering more than the bucket it ends in, shown with its own span. */
export interface SpanningFigure {
  programme: string;
  value: QualifiedValue;
  periodStart: string;
  periodEnd: string;
  datePrecision: DatePrecision;
  count: number;
}

export type SeriesCell =
  | { status: 'no_figures'; bucket: Bucket; spanning: SpanningFigure[] }
  | {
      status: 'value';
      bucket: Bucket;
      total: QualifiedValue;
      observations: number;
      spanning: SpanningFigure[];
      /** Cumulative only: the oldest and newest as-of dates of the snapshots in the total. */
      asOf?: { from: string; to: string };
      /** Cumulative only: no snapshot falls inside this bucket; the latest earlier one stands. */
      carriedForward?: boolean;
    }
  | {
      status: 'not_summable';
      bucket: Bucket;
      reason: string;
      observations: number;
      /** The largest single programme's figure, where that is a meaningful floor. */
      largest?: { programme: string; value: QualifiedValue };
      spanning: SpanningFigure[];
    };

export interface Series {
  key: SeriesKey;
  cells: SeriesCell[];
}

export interface AggregateOptions {
  granularity: Granularity;
  /** First and last day of the range shown; defaults to the figures' own range. */
  from?: string;
  to?: string;
  /** Group by board and/or programme as well as metric. */
  by?: Dimension[];
}

const qualified = (g: FigureGroup) => g.total;

function seriesKeyOf(g: FigureGroup, byBoard: boolean, byProgramme: boolean): SeriesKey {
  const key: SeriesKey = { metric: g.metric, basis: g.basis };
  if (byBoard) key.board = g.board;
  if (byProgramme) key.programme = g.programme;
  return key;
}

/** Names in the reader's alphabetical order: String.prototype.localeCompare's order. */
const compareNames = new Intl.Collator().compare;

// Every name sorted so far, alphabetically, and each one's place among them (names that collate
// equal share one). Collating is the costly part of sorting series, and the names — boards,
// programmes, metrics, bases — are few and the same from one page to the next: each is placed once.
const knownNames: string[] = [];
let knownRanks = new Map<string, number>();
// Renamed programmes leave their old names behind; start afresh long before that matters.
const MAX_KNOWN_NAMES = 20_000;

/** Each name's place in alphabetical order: ranks to compare instead of collating strings. */
export function alphabeticalRanks(names: Iterable<string>): Map<string, number> {
  const wanted = [...new Set(names)];
  const unknown = wanted.filter((name) => !knownRanks.has(name));
  if (!unknown.length) return knownRanks;
  const all = knownNames.length + unknown.length > MAX_KNOWN_NAMES ? wanted : [...knownNames, ...unknown];
  all.sort(compareNames);
  knownNames.length = 0;
  knownNames.push(...all);
  knownRanks = new Map();
  all.forEach((name, i) => knownRanks.set(name, i > 0 && compareNames(all[i - 1]!, name) === 0 ? knownRanks.get(all[i - 1]!)! : i));
  return knownRanks;
}

/**
 * Series keys in order: metric, board, programme and basis by name — after `leading`, if given:
 * two numbers per item, smaller first, worked out once per item rather than at each comparison.
 */
export function sortByKey<T>(items: T[], keyOf: (item: T) => SeriesKey, leading?: (item: T) => [number, number]): T[] {
  // Each item's four ranks, looked up once, not at every comparison. Names are almost always
  // known already; only when one is new are they all placed (alphabeticalRanks) and looked up again.
  const rankAll = (rank: Map<string, number>) =>
    items.map((item) => {
      const k = keyOf(item);
      const [l1, l2] = leading ? leading(item) : [0, 0];
      return { item, l1, l2, m: rank.get(k.metric.name), b: rank.get(k.board?.name ?? ''), p: rank.get(k.programme?.name ?? ''), s: rank.get(k.basis) };
    });
  let ranked = rankAll(knownRanks);
  if (ranked.some((r) => r.m === undefined || r.b === undefined || r.p === undefined || r.s === undefined)) {
    const names = new Set<string>(['']);
    for (const item of items) {
      const k = keyOf(item);
      names.add(k.metric.name).add(k.basis);
      if (k.board) names.add(k.board.name);
      if (k.programme) names.add(k.programme.name);
    }
    ranked = rankAll(alphabeticalRanks(names));
  }
  ranked.sort((x, y) => x.l1 - y.l1 || x.l2 - y.l2 || x.m! - y.m! || x.b! - y.b! || x.p! - y.p! || x.s! - y.s!);
  return ranked.map((r) => r.item);
}

/** ISO dates sort as text, character by character. */
const compareDates = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Why figures of this metric may not be added across these programmes, or null if they may. */
function refusal(metric: FigureGroup['metric'], programmes: number, figures: number): string | null {
  if (metric.additivity === 'non_additive' && figures > 1)
    return `${metric.name} figures are ${metric.unit === 'percent' ? 'percentages' : 'averages or rates'} and cannot be added up`;
  if (metric.additivity === 'within_programme' && programmes > 1)
    return `not added up across programmes: ${metric.name.toLowerCase()} may be counted by more than one programme`;
  return null;
}

function largestProgramme(perProgramme: Map<string, QualifiedValue>) {
  let best: { programme: string; value: QualifiedValue } | undefined;
  // Ties go to the name first in alphabetical order, not to whichever programme's figures came first.
  for (const [programme, value] of perProgramme)
    if (!best || value.value > best.value.value || (value.value === best.value.value && compareNames(programme, best.programme) < 0)) best = { programme, value };
  return best;
}

/** The place of the bucket whose days include the date (buckets are in order and do not overlap), or -1. */
function bucketHolding(buckets: Bucket[], date: string): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = buckets[mid]!;
    if (date < b.start) hi = mid - 1;
    else if (date > b.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** How many different programmes the groups are of: most cells have one, so no set until a second. */
function programmeCount(groups: FigureGroup[]): number {
  const first = groups[0]!.programme.name;
  let names: Set<string> | undefined;
  for (const g of groups) if (g.programme.name !== first) (names ??= new Set([first])).add(g.programme.name);
  return names ? names.size : 1;
}

/** Each programme's total, for the largest one of a cell that may not be added up. */
function totalsByProgramme(entries: Iterable<[string, QualifiedValue]>): Map<string, QualifiedValue> {
  const totals = new Map<string, QualifiedSum>();
  for (const [programme, value] of entries) {
    let sum = totals.get(programme);
    if (!sum) totals.set(programme, (sum = new QualifiedSum()));
    sum.add(value);
  }
  return new Map([...totals].map(([programme, sum]) => [programme, sum.result()]));
}

function periodCells(groups: FigureGroup[], buckets: Bucket[]): SeriesCell[] {
  const slots = buckets.map(() => ({ contained: [] as FigureGroup[], spanning: [] as SpanningFigure[] }));
  for (const g of groups) {
    const at = bucketHolding(buckets, g.periodEnd);
    if (at < 0) continue;
    const slot = slots[at]!;
    if (g.periodStart && g.periodStart < buckets[at]!.start)
      slot.spanning.push({
        programme: g.programme.name,
        value: qualified(g),
        periodStart: g.periodStart,
        periodEnd: g.periodEnd,
        datePrecision: g.datePrecision,
        count: g.count,
      });
    else slot.contained.push(g);
  }
  // Figures for longer spans are listed in one order, whatever order the database gave the groups in.
  for (const slot of slots)
    slot.spanning.sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd) || a.programme.localeCompare(b.programme) || a.value.value - b.value.value);
  return buckets.map((bucket, at): SeriesCell => {
    const { contained, spanning } = slots[at]!;
    if (!contained.length) return { status: 'no_figures', bucket, spanning };
    let observations = 0;
    const total = new QualifiedSum();
    for (const g of contained) {
      observations += g.count;
      total.add(qualified(g));
    }
    const metric = contained[0]!.metric;
    const reason = refusal(metric, programmeCount(contained), observations);
    if (reason) {
      const largest = metric.additivity === 'within_programme' ? largestProgramme(totalsByProgramme(contained.map((g) => [g.programme.name, qualified(g)]))) : undefined;
      return { status: 'not_summable', bucket, reason, observations, largest, spanning };
    }
    return { status: 'value', bucket, total: total.result(), observations, spanning };
  });
}

/** A programme's running total on one as-of date: its figures of that date added up. */
interface Snapshot {
  asOf: string;
  value: QualifiedValue;
  count: number;
}

function cumulativeCells(groups: FigureGroup[], buckets: Bucket[]): SeriesCell[] {
  // Each programme's groups, in date order (SQL reads them so, mostly: sorted only if not; the
  // sort is stable, so same-date groups keep the order they came in).
  const byProgramme = new Map<string, FigureGroup[]>();
  for (const g of groups) {
    const list = byProgramme.get(g.programme.name);
    if (list) list.push(g);
    else byProgramme.set(g.programme.name, [g]);
  }
  // Then its snapshots: same-date figures are parts of one total.
  const programmes = [...byProgramme].map(([name, list]) => {
    if (!list.every((g, i) => i === 0 || list[i - 1]!.periodEnd <= g.periodEnd)) list.sort((x, y) => compareDates(x.periodEnd, y.periodEnd));
    const snapshots: Snapshot[] = [];
    for (const g of list) {
      const last = snapshots[snapshots.length - 1];
      if (last?.asOf === g.periodEnd) {
        last.value = addQualified(last.value, qualified(g));
        last.count += g.count;
      } else snapshots.push({ asOf: g.periodEnd, value: qualified(g), count: g.count });
    }
    // How many of the snapshots are at or before the end of the bucket being filled: buckets are
    // in order, so this only moves forward.
    return { name, snapshots, upTo: 0 };
  });
  const metric = groups[0]!.metric;
  return buckets.map((bucket): SeriesCell => {
    const standing: [string, QualifiedValue][] = [];
    const total = new QualifiedSum();
    let first = '';
    let last = '';
    let observations = 0;
    for (const programme of programmes) {
      const { snapshots } = programme;
      while (programme.upTo < snapshots.length && snapshots[programme.upTo]!.asOf <= bucket.end) programme.upTo += 1;
      // The latest snapshot at or before the bucket's end.
      const latest = snapshots[programme.upTo - 1];
      if (!latest) continue;
      standing.push([programme.name, latest.value]);
      total.add(latest.value);
      if (!first || latest.asOf < first) first = latest.asOf;
      if (latest.asOf > last) last = latest.asOf;
      observations += latest.count;
    }
    if (!standing.length) return { status: 'no_figures', bucket, spanning: [] };
    const asOf = { from: first, to: last };
    const carriedForward = asOf.to < bucket.start;
    // One snapshot per programme.
    const reason = refusal(metric, standing.length, standing.length);
    if (reason)
      return {
        status: 'not_summable',
        bucket,
        reason,
        observations,
        largest: metric.additivity === 'within_programme' ? largestProgramme(new Map(standing)) : undefined,
        spanning: [],
      };
    return { status: 'value', bucket, total: total.result(), observations, spanning: [], asOf, carriedForward };
  });
}

/** Series of the given figures, one per metric (and board/programme if asked) and basis. */
export function aggregate(groups: FigureGroup[], options: AggregateOptions): Series[] {
  if (!groups.length) return [];
  const ends = groups.map((g) => g.periodEnd).sort();
  const from = options.from ?? ends[0]!;
  const to = options.to ?? ends[ends.length - 1]!;
  return aggregateInto(groups, bucketsBetween(from, to, options.granularity), options.by);
}

/**
 * What aggregate() would chart, without working out a single cell: the metrics of its series, in
 * the order its series come (by metric name), and the first and last of its buckets. A page that
 * only lists its charts (each fetched later) needs no more. series.test.ts holds the two equal.
 */
export function outlineOf(groups: FigureGroup[], options: Pick<AggregateOptions, 'granularity' | 'from' | 'to'>): { metrics: FigureGroup['metric'][]; span: { from: Bucket; to: Bucket } | null } {
  if (!groups.length) return { metrics: [], span: null };
  const metrics = new Map<string, FigureGroup['metric']>();
  let first = groups[0]!.periodEnd;
  let last = first;
  for (const g of groups) {
    if (!metrics.has(g.metric.slug)) metrics.set(g.metric.slug, g.metric);
    if (g.periodEnd < first) first = g.periodEnd;
    if (g.periodEnd > last) last = g.periodEnd;
  }
  const from = options.from ?? first;
  const to = options.to ?? last;
  if (from > to) return { metrics: [], span: null };
  const rank = alphabeticalRanks([...metrics.values()].map((m) => m.name));
  return {
    metrics: [...metrics.values()].sort((x, y) => rank.get(x.name)! - rank.get(y.name)!),
    span: { from: bucketOf(from, options.granularity), to: bucketOf(to, options.granularity) },
  };
}

/**
 * The same rules over buckets of your choosing, in order and not overlapping: a custom range
 * and the period before it, say, for a headline card. Series come sorted by key (sortByKey)
 * unless `sorted` is false, for a caller that puts them in an order of its own.
 */
export function aggregateInto(groups: FigureGroup[], buckets: Bucket[], by: Dimension[] = [], options: { sorted?: boolean } = {}): Series[] {
  return aggregateLevels(groups, buckets, [by], options)[0]!;
}

/**
 * aggregateInto for several groupings of the same figures at once (a comparison's totals, and
 * its rows by board and by programme): one pass over the groups finds each one's series at every
 * level. Each series holds its groups in the order they came, as aggregateInto's would.
 */
export function aggregateLevels(groups: FigureGroup[], buckets: Bucket[], levels: Dimension[][], { sorted = true }: { sorted?: boolean } = {}): Series[][] {
  if (!groups.length || !buckets.length) return levels.map(() => []);
  // A series is found by its metric and basis, then at each level by one slug: the programme's
  // where the level is by programme (a programme is on one board), else the board's, else ''.
  type Entry = { key: SeriesKey; groups: FigureGroup[] };
  const series: Entry[][] = levels.map(() => []);
  const splits = levels.map((by) => ({ board: by.includes('board'), programme: by.includes('programme') }));
  const index = new Map<string, Map<string, Map<string, Entry>[]>>();
  for (const g of groups) {
    let byBasis = index.get(g.metric.slug);
    if (!byBasis) index.set(g.metric.slug, (byBasis = new Map()));
    let perLevel = byBasis.get(g.basis);
    if (!perLevel) byBasis.set(g.basis, (perLevel = levels.map(() => new Map())));
    for (let level = 0; level < levels.length; level++) {
      const { board, programme } = splits[level]!;
      const slug = programme ? g.programme.slug : board ? g.board.slug : '';
      let entry = perLevel[level]!.get(slug);
      if (!entry) {
        perLevel[level]!.set(slug, (entry = { key: seriesKeyOf(g, board, programme), groups: [] }));
        series[level]!.push(entry);
      }
      entry.groups.push(g);
    }
  }
  return series.map((entries) => {
    const result = entries
      .map(({ key, groups: gs }) => ({
        key,
        cells: key.basis === 'cumulative' ? cumulativeCells(gs, buckets) : periodCells(gs, buckets),
      }))
      .filter((s) => s.cells.some((c) => c.status !== 'no_figures' || c.spanning.length));
    return sorted ? sortByKey(result, (s) => s.key) : result;
  });
}

/** A stretch of days no bucket boundary falls inside (ISO dates, inclusive). */
export interface Atom {
  start: string;
  end: string;
}

/**
 * The smallest stretches of time that the given buckets are made of: every boundary of every
 * bucket cuts the span from the earliest start to the latest end. Figures summed by SQL within
 * one atom can be placed in any of these buckets exactly as the figures one by one would be
 * (a bucket is a union of atoms), which is what lets listFigureGroups group by atom.
 */
export function atomsOf(buckets: Bucket[]): Atom[] {
  if (!buckets.length) return [];
  const starts = new Set<string>();
  let last = buckets[0]!.end;
  for (const b of buckets) {
    starts.add(b.start);
    starts.add(dayAfter(b.end));
    if (b.end > last) last = b.end;
  }
  const sorted = [...starts].sort().filter((d) => d <= last);
  return sorted.map((start, i) => ({ start, end: i + 1 < sorted.length ? dayBefore(sorted[i + 1]!) : last }));
}

// The day after or before an ISO date, by UTC calendar arithmetic (no time zone can shift it).
const shiftDay = (date: string, days: number) =>
  new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days)).toISOString().slice(0, 10);
const dayAfter = (date: string) => shiftDay(date, 1);
const dayBefore = (date: string) => shiftDay(date, -1);
