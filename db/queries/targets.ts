// Targets with how far the figures have come and their RAG status (lib/targets.ts).
import type { AppDatabase } from '../client';
import { aggregateInto, type SeriesCell } from '../../lib/aggregation';
import { parsePeriodToken, type Bucket } from '../../lib/fiscal-periods';
import { formatNumber } from '../../lib/qualifiers';
import { rateAgainstTarget, type RagStatus } from '../../lib/targets';
import type { Basis, Unit } from '../../lib/vocabulary';
import { listFigureGroups } from './series';

export interface TargetRow {
  id: number;
  metric: { slug: string; name: string; unit: Unit };
  programme: { slug: string; name: string } | null;
  period: Bucket;
  basis: Extract<Basis, 'period' | 'cumulative'>;
  value: number;
  valueText: string;
  amberBelowPct: number;
  redBelowPct: number;
  rag: RagStatus;
}

interface Row {
  id: number;
  metric_slug: string;
  metric_name: string;
  unit: Unit;
  programme_slug: string | null;
  programme_name: string | null;
  period: string;
  basis: 'period' | 'cumulative';
  value: number;
  amber_below_pct: number;
  red_below_pct: number;
}

/** The RAG status of a target, from the figure its metric (and programme) has for its period and basis. */
function rate(db: AppDatabase, r: Row, bucket: Bucket): RagStatus {
  const groups = listFigureGroups(db, { metrics: [r.metric_slug], programmes: r.programme_slug ? [r.programme_slug] : undefined, to: bucket.end }, [bucket]);
  const cell: SeriesCell | undefined = aggregateInto(groups, [bucket]).find((s) => s.key.basis === r.basis)?.cells[0];
  const levels = { value: r.value, amberBelowPct: r.amber_below_pct, redBelowPct: r.red_below_pct };
  if (cell?.status === 'not_summable') return { status: 'cannot_tell', could: ['green', 'amber', 'red'], label: `Cannot tell: ${cell.reason}`, progress: 'not added up' };
  if (cell?.status !== 'value') return rateAgainstTarget(null, levels, r.unit);
  // A running total reported before the period ends stands at its end as a floor: running totals do
  // not fall, so "541 as of March 2021" is "at least 541" at the end of a later year.
  const total = cell.carriedForward && cell.total.bound !== 'upper' && cell.total.bound !== 'none' ? { ...cell.total, bound: 'lower' as const, high: undefined } : cell.total;
  return rateAgainstTarget(total, levels, r.unit);
}

const SELECT = `SELECT t.id, m.slug AS metric_slug, m.name AS metric_name, m.unit, p.slug AS programme_slug, p.name AS programme_name, t.period, t.basis, t.value,
  t.amber_below_pct, t.red_below_pct FROM targets t JOIN metrics m ON m.id = t.metric_id LEFT JOIN programmes p ON p.id = t.programme_id`;

function toRow(db: AppDatabase, r: Row): TargetRow {
  const period = parsePeriodToken(r.period)!;
  return {
    id: r.id,
    metric: { slug: r.metric_slug, name: r.metric_name, unit: r.unit },
    programme: r.programme_slug ? { slug: r.programme_slug, name: r.programme_name! } : null,
    period,
    basis: r.basis,
    value: r.value,
    valueText: formatNumber(r.value, r.unit),
    amberBelowPct: r.amber_below_pct,
    redBelowPct: r.red_below_pct,
    rag: rate(db, r, period),
  };
}

/** Every target, newest period first, then by metric, each with its RAG status. */
export function listTargets(db: AppDatabase): TargetRow[] {
  const rows = db.$client.prepare(`${SELECT} ORDER BY t.period DESC, m.name, p.name NULLS FIRST`).all() as Row[];
  return rows.map((r) => toRow(db, r));
}

/**
 * Which targets speak for a view: with no board or programme filter, those for every programme;
 * filtered to one programme, that programme's own; filtered otherwise, none (a whole-metric
 * target says nothing about a board's share of it). Null for none.
 */
function targetScope(view: { boards?: string[]; programmes?: string[] }): { where: string; params: string[] } | null {
  const boards = view.boards ?? [];
  const programmes = view.programmes ?? [];
  if (programmes.length === 1) return { where: 'p.slug = ?', params: programmes };
  if (boards.length || programmes.length) return null;
  return { where: 't.programme_id IS NULL', params: [] };
}

/** The targets for a period (a token) that speak for the view, by metric slug and basis: the overview's cards and the pack. */
export function targetsForPeriod(db: AppDatabase, period: string, view: { boards?: string[]; programmes?: string[] } = {}): Map<string, TargetRow> {
  const scope = targetScope(view);
  if (!scope) return new Map();
  const rows = db.$client.prepare(`${SELECT} WHERE t.period = ? AND ${scope.where}`).all(period, ...scope.params) as Row[];
  return new Map(rows.map((r) => [`${r.metric_slug}|${r.basis}`, toRow(db, r)]));
}

/** The targets a chart of `metric` draws: those that speak for the view (targetScope). */
export function targetsForChart(db: AppDatabase, metric: string, view: { boards?: string[]; programmes?: string[] }): TargetRow[] {
  const scope = targetScope(view);
  if (!scope) return [];
  const rows = db.$client.prepare(`${SELECT} WHERE m.slug = ? AND ${scope.where} ORDER BY t.period`).all(metric, ...scope.params) as Row[];
  return rows.map((r) => toRow(db, r));
}
