// Data-quality flags (issue: the board's meeting cycle; docs/decisions/0014), worked out from the
// live figures on every read, so that every write and import is checked the moment it lands:
//   falling     a running total lower than an earlier one of the same programme and metric
//   outlier     an in-period figure more than ten times, or under a tenth of, the median of the rest of its series
//   two-dates   one sentence of a source giving the same number for a programme and metric with two periods
//   gap         a series with figures before and after two or more quarters with none
//   restated    a change to a figure of a final quarter (db/mutations/quarters.ts)
// Each has a stable key; an officer acknowledges a flag by its key, with a reason (audited).
import type { AppDatabase } from '../client';
import { bucketOf, nextBucket, parsePeriodToken } from '../../lib/fiscal-periods';
import { formatQualified } from '../../lib/qualifiers';
import { publicActor } from '../../lib/auth/roles';
import type { Qualifier, Role, Unit } from '../../lib/vocabulary';

export type FlagKind = 'falling' | 'outlier' | 'two-dates' | 'gap' | 'restated';

export const FLAG_LABELS: Record<FlagKind, string> = {
  falling: 'Running total fell',
  outlier: 'Far outside its series',
  'two-dates': 'Dated two ways',
  gap: 'Two quarters without a figure',
  restated: 'Final quarter changed',
};

export interface Flag {
  key: string;
  kind: FlagKind;
  /** The figures it is about (links), first the one flagged. */
  figures: number[];
  text: string;
  acknowledged: { reason: string; at: string; who: string | null } | null;
}

interface Row {
  id: number;
  programme: string;
  metric: string;
  unit: Unit;
  value: number;
  qualifier: Qualifier;
  upper_value: number | null;
  period_end: string;
}

/** One programme's and metric's figures (a figure's page), or every series (null). */
type Scope = { programmeId: number; metricId: number } | null;
/** A flag as worked out, with the series it belongs to ("programme id|metric id"). */
type Found = Omit<Flag, 'acknowledged'> & { series: string };
const seriesKey = (programmeId: number, metricId: number) => `${programmeId}|${metricId}`;
/** The condition that keeps a query to the scope, on the table alias given, and its values. */
const inScope = (alias: string, scope: Scope): [string, number[]] =>
  scope ? [` AND ${alias}.programme_id = ? AND ${alias}.metric_id = ?`, [scope.programmeId, scope.metricId]] : ['', []];

const show = (r: Row) => formatQualified(r.value, r.qualifier, r.unit, r.upper_value);
const FIGURE = `SELECT o.id, p.name AS programme, m.name AS metric, m.unit, o.value, o.qualifier, o.upper_value, o.period_end, o.programme_id, o.metric_id
  FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN metrics m ON m.id = o.metric_id WHERE o.deleted_at IS NULL AND o.part_of_id IS NULL`;

function falling(db: AppDatabase, scope: Scope): Found[] {
  const [only, values] = inScope('o', scope);
  // Only what is known to have fallen: a value at most this (exact or "at most") under an earlier
  // value at least that (exact or "at least").
  // (The order is by expressions, so that SQLite finds a series by its index rather than reading a
  // whole programme through the index that gives this order: 15 ms against 0.1 at a million figures.)
  const rows = db.$client.prepare(`${FIGURE} AND o.basis = 'cumulative'${only} ORDER BY o.programme_id, o.metric_id, o.period_end || '', o.id + 0`).all(...values) as (Row & { programme_id: number; metric_id: number })[];
  const out: Found[] = [];
  let series = '';
  let floor: Row | null = null;
  for (const r of rows) {
    const s = seriesKey(r.programme_id, r.metric_id);
    if (s !== series) [series, floor] = [s, null];
    const top = r.qualifier === 'exact' || r.qualifier === 'at_most' ? (r.upper_value ?? r.value) : Infinity;
    if (floor && top < floor.value && floor.period_end < r.period_end)
      out.push({ series, key: `falling:${r.id}`, kind: 'falling', figures: [r.id, floor.id], text: `${r.programme}, ${r.metric.toLowerCase()}: the running total is ${show(r)} at ${r.period_end}, below ${show(floor)} at ${floor.period_end}.` });
    if ((r.qualifier === 'exact' || r.qualifier === 'at_least') && (!floor || r.value > floor.value)) floor = r;
  }
  return out;
}

function outliers(db: AppDatabase, scope: Scope): Found[] {
  const [only, values] = inScope('o', scope);
  const rows = db.$client.prepare(`${FIGURE} AND o.basis = 'period' AND o.value > 0${only} ORDER BY o.programme_id, o.metric_id, o.id + 0`).all(...values) as (Row & { programme_id: number; metric_id: number })[];
  const series = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = seriesKey(r.programme_id, r.metric_id);
    const figures = series.get(key);
    if (figures) figures.push(r);
    else series.set(key, [r]);
  }
  const out: Found[] = [];
  for (const [key, figures] of series) {
    if (figures.length < 4) continue;
    // The rest of the series: the median of its other figures, which one odd figure cannot drag.
    // Sorted once; the median without the k-th figure is read by skipping it.
    const sorted = [...figures].sort((a, b) => a.value - b.value);
    const n = sorted.length - 1;
    sorted.forEach((r, k) => {
      const at = (i: number) => sorted[i < k ? i : i + 1]!.value;
      const median = n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
      if (median > 0 && (r.value > 10 * median || r.value < median / 10))
        out.push({ series: key, key: `outlier:${r.id}`, kind: 'outlier', figures: [r.id], text: `${r.programme}, ${r.metric.toLowerCase()}: ${show(r)} (${r.period_end}) against a median of ${median.toLocaleString('en-GB')} for the rest of its ${n} figures.` });
    });
  }
  return out;
}

function twoDates(db: AppDatabase, scope: Scope): Found[] {
  const [only, values] = inScope('a', scope);
  const rows = db.$client
    .prepare(
      `SELECT a.id AS a, b.id AS b, a.period_end AS a_end, b.period_end AS b_end, a.programme_id, a.metric_id, p.name AS programme, m.name AS metric
       FROM observations a JOIN observations b ON b.programme_id = a.programme_id AND b.metric_id = a.metric_id AND b.value = a.value AND b.id > a.id AND b.period_end != a.period_end
       JOIN observation_sources sa ON sa.observation_id = a.id JOIN observation_sources sb ON sb.observation_id = b.id AND sb.source_id = sa.source_id AND sb.line IS sa.line
       JOIN programmes p ON p.id = a.programme_id JOIN metrics m ON m.id = a.metric_id
       WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL AND a.basis = b.basis${only} GROUP BY a.id, b.id, p.id, m.id`,
    )
    .all(...values) as { a: number; b: number; a_end: string; b_end: string; programme_id: number; metric_id: number; programme: string; metric: string }[];
  return rows.map((r) => ({ series: seriesKey(r.programme_id, r.metric_id), key: `two-dates:${r.a}:${r.b}`, kind: 'two-dates' as const, figures: [r.b, r.a], text: `${r.programme}, ${r.metric.toLowerCase()}: the same sentence gives the same number ending ${r.a_end} and ${r.b_end}.` }));
}

function gaps(db: AppDatabase, scope: Scope): Found[] {
  const [only, values] = inScope('q', scope);
  const rows = db.$client
    .prepare(
      `SELECT c.programme_id, c.metric_id, c.quarter AS month, p.name AS programme, m.name AS metric,
         (SELECT max(o.id) FROM observations o WHERE o.programme_id = c.programme_id AND o.metric_id = c.metric_id AND o.basis = 'period' AND o.deleted_at IS NULL) AS latest
       FROM (SELECT DISTINCT programme_id, metric_id, quarter FROM figure_sums_by_quarter q WHERE basis = 'period' AND figures > 0${only}) c
       JOIN programmes p ON p.id = c.programme_id JOIN metrics m ON m.id = c.metric_id ORDER BY c.programme_id, c.metric_id, c.quarter`,
    )
    .all(...values) as { programme_id: number; metric_id: number; month: string; programme: string; metric: string; latest: number }[];
  const out: Found[] = [];
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    if (a.programme_id !== b.programme_id || a.metric_id !== b.metric_id) continue;
    const from = bucketOf(`${a.month}-01`, 'quarter');
    const to = bucketOf(`${b.month}-01`, 'quarter');
    const missing: string[] = [];
    for (let q = nextBucket(from); q.token !== to.token && missing.length < 40; q = nextBucket(q)) missing.push(q.label);
    if (missing.length >= 2)
      out.push({
        series: seriesKey(a.programme_id, a.metric_id),
        key: `gap:${a.programme_id}:${a.metric_id}:${to.token}`,
        kind: 'gap',
        figures: [b.latest],
        text: `${a.programme}, ${a.metric.toLowerCase()}: no in-period figure for ${missing.length} quarters (${missing[0]} to ${missing.at(-1)}), between ${from.label} and ${to.label}.`,
      });
  }
  return out;
}

function restated(db: AppDatabase, scope: Scope): Found[] {
  const [only, values] = inScope('o', scope);
  const rows = db.$client
    .prepare(
      `SELECT r.audit_id, r.observation_id, r.quarter, a.at, a.reason, o.programme_id, o.metric_id, p.name AS programme, m.name AS metric FROM restatements r
       JOIN audit_log a ON a.id = r.audit_id JOIN observations o ON o.id = r.observation_id JOIN programmes p ON p.id = o.programme_id JOIN metrics m ON m.id = o.metric_id WHERE TRUE${only}`,
    )
    .all(...values) as { audit_id: number; observation_id: number; quarter: string; at: string; reason: string | null; programme_id: number; metric_id: number; programme: string; metric: string }[];
  return rows.map((r) => ({
    series: seriesKey(r.programme_id, r.metric_id),
    key: `restated:${r.audit_id}`,
    kind: 'restated' as const,
    figures: [r.observation_id],
    text: `${r.programme}, ${r.metric.toLowerCase()}: changed on ${r.at.slice(0, 10)} after ${parsePeriodToken(r.quarter)?.label ?? r.quarter} was final${r.reason ? ` (“${r.reason}”)` : ''}.`,
  }));
}

/** Every flag on the live figures, with its acknowledgement where an officer has made one. */
export function listFlags(db: AppDatabase, { identities }: { identities: boolean }, scope: Scope = null): Flag[] {
  const acks = new Map(
    (
      db.$client.prepare('SELECT f.flag_key, f.reason, f.created_at, u.email, u.role FROM flag_acknowledgements f LEFT JOIN users u ON u.id = f.user_id').all() as {
        flag_key: string;
        reason: string;
        created_at: string;
        email: string | null;
        role: Role | null;
      }[]
    ).map((a) => [a.flag_key, { reason: a.reason, at: a.created_at, who: identities ? a.email : publicActor(a.role, a.email ?? 'cli') }]),
  );
  return computeFlags(db, scope).map((f) => ({ key: f.key, kind: f.kind, figures: f.figures, text: f.text, acknowledged: acks.get(f.key) ?? null }));
}

const KINDS: FlagKind[] = ['falling', 'outlier', 'two-dates', 'gap', 'restated'];
const computeAll = (db: AppDatabase, scope: Scope): Found[] => [...falling(db, scope), ...outliers(db, scope), ...twoDates(db, scope), ...gaps(db, scope), ...restated(db, scope)];
// Beyond this many changed series, working them out one by one costs more than all at once.
const SERIES_ONE_BY_ONE = 200;

// Every flag of every series is kept between reads, by series (docs/decisions/0014): at a million
// figures working them all out is seconds, where a page view should be instant. Triggers number
// each series as it changes (series_changes, db/rollups/triggers.ts) — any write to a figure, its
// sources, a restatement, or a name — so a read works out again only the series changed since the
// last, and all of them only the first time on a connection or after a very large import.
const everyFlag = new WeakMap<AppDatabase['$client'], { seq: number; bySeries: Map<string, Found[]>; all: Found[] }>();

function byKindThenSeries(bySeries: Map<string, Found[]>): Found[] {
  const keys = [...bySeries.keys()].sort((a, b) => {
    const [pa, ma] = a.split('|').map(Number) as [number, number];
    const [pb, mb] = b.split('|').map(Number) as [number, number];
    return pa - pb || ma - mb;
  });
  return KINDS.flatMap((kind) => keys.flatMap((k) => bySeries.get(k)!.filter((f) => f.kind === kind)));
}

function computeFlags(db: AppDatabase, scope: Scope): Found[] {
  if (scope) return computeAll(db, scope);
  const sqlite = db.$client;
  const seq = sqlite.prepare('SELECT coalesce(max(seq), 0) FROM series_changes').pluck().get() as number;
  const kept = everyFlag.get(sqlite);
  if (kept?.seq === seq) return kept.all;
  const changed = kept
    ? (sqlite.prepare(`SELECT programme_id AS programmeId, metric_id AS metricId FROM series_changes WHERE seq > ? LIMIT ${SERIES_ONE_BY_ONE + 1}`).all(kept.seq) as { programmeId: number; metricId: number }[])
    : null;
  let bySeries: Map<string, Found[]>;
  if (kept && changed && changed.length <= SERIES_ONE_BY_ONE) {
    bySeries = kept.bySeries;
    for (const c of changed) {
      const found = computeAll(db, c);
      const key = seriesKey(c.programmeId, c.metricId);
      if (found.length) bySeries.set(key, found);
      else bySeries.delete(key);
    }
  } else {
    bySeries = new Map();
    for (const f of computeAll(db, null)) {
      const list = bySeries.get(f.series);
      if (list) list.push(f);
      else bySeries.set(f.series, [f]);
    }
  }
  const all = byKindThenSeries(bySeries);
  everyFlag.set(sqlite, { seq, bySeries, all });
  return all;
}

/** The series a flag's key is about: its figure's, or for a gap the programme and metric it names. */
export function seriesOfFlag(db: AppDatabase, key: string): Scope | undefined {
  const [kind, a, b] = key.split(':');
  if (kind === 'gap') return a && b ? { programmeId: Number(a), metricId: Number(b) } : undefined;
  const figure = kind === 'restated' ? (db.$client.prepare('SELECT observation_id FROM restatements WHERE audit_id = ?').pluck().get(Number(a)) as number | undefined) : Number(a);
  return figure === undefined ? undefined : (db.$client.prepare('SELECT programme_id AS programmeId, metric_id AS metricId FROM observations WHERE id = ?').get(figure) as Scope | undefined);
}

/** The flags about one figure. */
export function flagsOfFigure(db: AppDatabase, id: number, options: { identities: boolean }): Flag[] {
  // Every check compares a figure only with its own programme's and metric's: read that series alone.
  const series = db.$client.prepare('SELECT programme_id AS programmeId, metric_id AS metricId FROM observations WHERE id = ?').get(id) as Scope | undefined;
  if (!series) return [];
  return listFlags(db, options, series).filter((f) => f.figures.includes(id));
}
