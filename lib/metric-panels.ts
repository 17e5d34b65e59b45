// Builds one panel per metric for the board, programme and metric pages: its chart rows, the
// table equivalent, a sentence for screen readers, and each period's figures with sources.
import type { ObservationRow } from '../db/queries/observations';
import type { Unit } from '../db/schema';
import type { Series } from './aggregation';
import { plainEvidence } from './evidence';
import { describePeriod } from './period-label';
import { describeKind, formatQualified } from './qualifiers';
import { chartRows, type ChartRow } from './series-view';

export interface FigureRef {
  id: number;
  programme: string;
  programmeSlug: string;
  metric: string;
  valueText: string;
  basisText: string;
  periodText: string;
  sources: { sourceId: number; title: string; line: number | null; evidence: string }[];
}

export interface MetricPanel {
  metric: { slug: string; name: string; unit: Unit };
  rows: ChartRow[];
  summary: string;
  figuresByBucket: Record<string, FigureRef[]>;
}

export const UNIT_LABELS: Record<Unit, string> = { count: 'Number', hours: 'Hours', GBP: '£', percent: '%' };

export function toFigureRef(o: ObservationRow): FigureRef {
  return {
    id: o.id,
    programme: o.programme.name,
    programmeSlug: o.programme.slug,
    metric: o.metric.name,
    valueText: formatQualified(o.value, o.qualifier, o.metric.unit, o.upper),
    basisText: describeKind(o.qualifier, o.basis, o.upper),
    periodText: describePeriod(o.periodStart, o.periodEnd, o.datePrecision, o.basis),
    sources: o.sources.map((s) => ({ sourceId: s.sourceId, title: s.title, line: s.line, evidence: plainEvidence(s.evidence) })),
  };
}

function summarise(name: string, rows: ChartRow[]): string {
  const withFigures = rows.filter((r) => r.text.period || r.text.cumulative || r.text.planned);
  if (!withFigures.length) return `${name}: no figures reported in this range.`;
  const parts = withFigures.map((r) => {
    const bits = [
      r.text.period && `${r.text.period} in period`,
      r.text.cumulative && `running total ${r.text.cumulative}`,
      r.text.planned && `${r.text.planned} planned`,
    ].filter(Boolean);
    return `${r.label}: ${bits.join(', ')}`;
  });
  return `${name}, by period. ${parts.join('. ')}.`;
}

/** Panels for every metric in the series, in metric-name order. */
export function buildMetricPanels(series: Series[], observations: ObservationRow[]): MetricPanel[] {
  const byMetric = new Map<string, Series[]>();
  for (const s of series) byMetric.set(s.key.metric.slug, [...(byMetric.get(s.key.metric.slug) ?? []), s]);
  return [...byMetric.values()].map((group) => {
    const metric = group[0]!.key.metric;
    const rows = chartRows(group, metric.unit);
    const buckets = group[0]!.cells.map((c) => c.bucket);
    const figuresByBucket: Record<string, FigureRef[]> = {};
    for (const o of observations) {
      if (o.metric.slug !== metric.slug) continue;
      const bucket = buckets.find((b) => o.periodEnd >= b.start && o.periodEnd <= b.end);
      if (bucket) (figuresByBucket[bucket.token] ??= []).push(toFigureRef(o));
    }
    return { metric: { slug: metric.slug, name: metric.name, unit: metric.unit }, rows, summary: summarise(metric.name, rows), figuresByBucket };
  });
}

export const ADDITIVITY_LABELS = {
  additive: 'Added up',
  within_programme: 'Added within a programme only',
  non_additive: 'Never added up',
} as const;
