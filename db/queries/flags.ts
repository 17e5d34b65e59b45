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
import type { Qualifier, Unit } from '../../lib/vocabulary';

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

const show = (r: Row) => formatQualified(r.value, r.qualifier, r.unit, r.upper_value);
const FIGURE = `SELECT o.id, p.name AS programme, m.name AS metric, m.unit, o.value, o.qualifier, o.upper_value, o.period_end, o.programme_id, o.metric_id
  FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN metrics m ON m.id = o.metric_id WHERE o.deleted_at IS NULL AND o.part_of_id IS NULL`;

function falling(db: AppDatabase): Omit<Flag, 'acknowledged'>[] {
  // Only what is known to have fallen: a value at most this (exact or "at most") under an earlier
  // value at least that (exact or "at least").
  const rows = db.$client.prepare(`${FIGURE} AND o.basis = 'cumulative' ORDER BY o.programme_id, o.metric_id, o.period_end, o.id`).all() as (Row & { programme_id: number; metric_id: number })[];
  const out: Omit<Flag, 'acknowledged'>[] = [];
  let series = '';
  let floor: Row | null = null;
  for (const r of rows) {
    const s = `${r.programme_id}|${r.metric_id}`;
    if (s !== series) [series, floor] = [s, null];
    const top = r.qualifier === 'exact' || r.qualifier === 'at_most' ? (r.upper_value ?? r.value) : Infinity;
    if (floor && top < floor.value && floor.period_end < r.period_end)
      out.push({ key: `falling:${r.id}`, kind: 'falling', figures: [r.id, floor.id], text: `${r.programme}, ${r.metric.toLowerCase()}: the running total is ${show(r)} at ${r.period_end}, below ${show(floor)} at ${floor.period_end}.` });
    if ((r.qualifier === 'exact' || r.qualifier === 'at_least') && (!floor || r.value > floor.value)) floor = r;
  }
  return out;
}

function outliers(db: AppDatabase): Omit<Flag, 'acknowledged'>[] {
  const rows = db.$client.prepare(`${FIGURE} AND o.basis = 'period' AND o.value > 0 ORDER BY o.programme_id, o.metric_id, o.id`).all() as (Row & { programme_id: number; metric_id: number })[];
  const series = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.programme_id}|${r.metric_id}`;
    series.set(key, [...(series.get(key) ?? []), r]);
  }
  const out: Omit<Flag, 'acknowledged'>[] = [];
  for (const figures of series.values()) {
    if (figures.length < 4) continue;
    for (const r of figures) {
      // The rest of the series: the median of its other figures, which one odd figure cannot drag.
      const rest = figures.filter((f) => f !== r).map((f) => f.value).sort((a, b) => a - b);
      const median = rest.length % 2 ? rest[(rest.length - 1) / 2]! : (rest[rest.length / 2 - 1]! + rest[rest.length / 2]!) / 2;
      if (median > 0 && (r.value > 10 * median || r.value < median / 10))
        out.push({ key: `outlier:${r.id}`, kind: 'outlier', figures: [r.id], text: `${r.programme}, ${r.metric.toLowerCase()}: ${show(r)} (${r.period_end}) against a median of ${median.toLocaleString('en-GB')} for the rest of its ${rest.length} figures.` });
    }
  }
  return out;
}

function twoDates(db: AppDatabase): Omit<Flag, 'acknowledged'>[] {
  const rows = db.$client
    .prepare(
      `SELECT a.id AS a, b.id AS b, a.period_end AS a_end, b.period_end AS b_end, p.name AS programme, m.name AS metric
       FROM observations a JOIN observations b ON b.programme_id = a.programme_id AND b.metric_id = a.metric_id AND b.value = a.value AND b.id > a.id AND b.period_end != a.period_end
       JOIN observation_sources sa ON sa.observation_id = a.id JOIN observation_sources sb ON sb.observation_id = b.id AND sb.source_id = sa.source_id AND sb.line IS sa.line
       JOIN programmes p ON p.id = a.programme_id JOIN metrics m ON m.id = a.metric_id
       WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL AND a.basis = b.basis GROUP BY a.id, b.id`,
    )
    .all() as { a: number; b: number; a_end: string; b_end: string; programme: string; metric: string }[];
  return rows.map((r) => ({ key: `two-dates:${r.a}:${r.b}`, kind: 'two-dates' as const, figures: [r.b, r.a], text: `${r.programme}, ${r.metric.toLowerCase()}: the same sentence gives the same number ending ${r.a_end} and ${r.b_end}.` }));
}

function gaps(db: AppDatabase): Omit<Flag, 'acknowledged'>[] {
  const rows = db.$client
    .prepare(
      `SELECT c.programme_id, c.metric_id, c.quarter AS month, p.name AS programme, m.name AS metric,
         (SELECT max(o.id) FROM observations o WHERE o.programme_id = c.programme_id AND o.metric_id = c.metric_id AND o.basis = 'period' AND o.deleted_at IS NULL) AS latest
       FROM (SELECT DISTINCT programme_id, metric_id, quarter FROM figure_sums_by_quarter WHERE basis = 'period' AND figures > 0) c
       JOIN programmes p ON p.id = c.programme_id JOIN metrics m ON m.id = c.metric_id ORDER BY c.programme_id, c.metric_id, c.quarter`,
    )
    .all() as { programme_id: number; metric_id: number; month: string; programme: string; metric: string; latest: number }[];
  const out: Omit<Flag, 'acknowledged'>[] = [];
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
        key: `gap:${a.programme_id}:${a.metric_id}:${to.token}`,
        kind: 'gap',
        figures: [b.latest],
        text: `${a.programme}, ${a.metric.toLowerCase()}: no in-period figure for ${missing.length} quarters (${missing[0]} to ${missing.at(-1)}), between ${from.label} and ${to.label}.`,
      });
  }
  return out;
}

function restated(db: AppDatabase): Omit<Flag, 'acknowledged'>[] {
  const rows = db.$client
    .prepare(
      `SELECT r.audit_id, r.observation_id, r.quarter, a.at, a.reason, p.name AS programme, m.name AS metric FROM restatements r
       JOIN audit_log a ON a.id = r.audit_id JOIN observations o ON o.id = r.observation_id JOIN programmes p ON p.id = o.programme_id JOIN metrics m ON m.id = o.metric_id`,
    )
    .all() as { audit_id: number; observation_id: number; quarter: string; at: string; reason: string | null; programme: string; metric: string }[];
  return rows.map((r) => ({
    key: `restated:${r.audit_id}`,
    kind: 'restated' as const,
    figures: [r.observation_id],
    text: `${r.programme}, ${r.metric.toLowerCase()}: changed on ${r.at.slice(0, 10)} after ${parsePeriodToken(r.quarter)?.label ?? r.quarter} was final${r.reason ? ` (“${r.reason}”)` : ''}.`,
  }));
}

/** Every flag on the live figures, with its acknowledgement where an officer has made one. */
export function listFlags(db: AppDatabase, { identities }: { identities: boolean }): Flag[] {
  const acks = new Map(
    (
      db.$client.prepare('SELECT f.flag_key, f.reason, f.created_at, u.email, u.role FROM flag_acknowledgements f LEFT JOIN users u ON u.id = f.user_id').all() as {
        flag_key: string;
        reason: string;
        created_at: string;
        email: string | null;
        role: string | null;
      }[]
    ).map((a) => [a.flag_key, { reason: a.reason, at: a.created_at, who: identities ? a.email : a.role ? `An ${a.role === 'admin' ? 'administrator' : a.role}` : null }]),
  );
  return [...falling(db), ...outliers(db), ...twoDates(db), ...gaps(db), ...restated(db)].map((f) => ({ ...f, acknowledged: acks.get(f.key) ?? null }));
}

/** The flags about one figure. */
export function flagsOfFigure(db: AppDatabase, id: number, options: { identities: boolean }): Flag[] {
  return listFlags(db, options).filter((f) => f.figures.includes(id));
}
