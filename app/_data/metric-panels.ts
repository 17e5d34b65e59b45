// Builds one metric's panel for the board, programme and metric pages: its chart rows (also its
// table), a sentence for screen readers, and what no bar can show. The pages send only each
// panel's heading; the panel itself comes from /api/panels when it scrolls into view, and a
// period's figures with their sources from /api/panels/figures when one is chosen, so a page with
// forty charts stays small (`npm run bench`).
import type { ObservationRow } from '../../db/queries/observations';
import type { Unit } from '../../lib/vocabulary';
import type { Series } from '../../lib/aggregation';
import { plainEvidence } from '../../lib/evidence';
import { describePeriod } from '../../lib/period-label';
import { describeKind, formatQualified } from '../../lib/qualifiers';
import { chartRows, describeSpanning, type ChartRow } from '../../lib/series-view';
import { coverageOf, describeCoverage } from '../../lib/coverage';

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
  /** Whether any period has a number to draw: where none has, the chart is a sentence instead. */
  drawable: boolean;
  /** Figures for spans longer than a period, which no bar or point can show: how many, and each in words. */
  leftOut: { figures: number; described: string[] };
  /** Periods with in-period numbers that the reports cover only in part, in words. */
  partlyCovered: string[];
  /** Dated notes within the chart's periods, numbered in date order, each with the period it marks. */
  annotations?: { number: number; date: string; text: string; about: string; token: string }[];
  /** Targets for the chart's periods (same granularity), each drawn as a line across its period. */
  targets?: { token: string; basis: 'period' | 'cumulative'; value: number; text: string }[];
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

/** Panels for every metric in the series, in metric-name order; `coverage` by metric slug, where known. */
export function buildMetricPanels(series: Series[], coverage?: ReadonlyMap<string, ReadonlySet<string>>): MetricPanel[] {
  const byMetric = new Map<string, Series[]>();
  for (const s of series) byMetric.set(s.key.metric.slug, [...(byMetric.get(s.key.metric.slug) ?? []), s]);
  return [...byMetric.values()].map((group) => {
    const metric = group[0]!.key.metric;
    const rows = chartRows(group, metric.unit);
    const buckets = group[0]!.cells.map((c) => c.bucket);
    // Every figure for a span longer than its period, once (a span is listed in the period it ends in).
    const spans = group.flatMap((g) => g.cells.flatMap((c) => c.spanning.map((sp) => ({ sp, basis: g.key.basis }))));
    const leftOut = {
      figures: spans.reduce((n, { sp }) => n + sp.count, 0),
      described: spans.map(({ sp, basis }) => `${sp.programme}: ${describeSpanning(sp, metric.unit).replace(/ \(\d+ figures? for a longer span, not split into this period\)$/, '')}${basis === 'planned' ? ' (planned)' : ''}`),
    };
    const covered = coverage?.get(metric.slug);
    const partlyCovered: string[] = [];
    if (covered)
      rows.forEach((r, i) => {
        // Only where an in-period sum is drawn: that is the number the months left out would change.
        if (r.period === null) return;
        const c = coverageOf(buckets[i]!, covered);
        if (c.covered >= c.months) return;
        const words = describeCoverage(buckets[i]!, c);
        partlyCovered.push(words);
        r.notes.push(`in period: ${words}, so its sum covers only part of it`);
      });
    const drawable = rows.some((r) => r.period !== null || r.cumulative !== null || r.planned !== null);
    return {
      metric: { slug: metric.slug, name: metric.name, unit: metric.unit },
      rows,
      summary: summarise(metric.name, rows),
      drawable,
      leftOut,
      partlyCovered,
    };
  });
}

export const ADDITIVITY_LABELS = {
  additive: 'Added up',
  within_programme: 'Added within a programme only',
  non_additive: 'Never added up',
} as const;
