// The overview's headline cards: for each leading metric, its figure for the chosen period,
// the change against the period before, and a trend by quarter.
import type { Series } from './aggregation';
import { aggregate, aggregateInto, type FigureGroup } from './aggregation';
import { previousPeriod, type Bucket } from './fiscal-periods';
import { viewCell, viewChange, type CellView, type ChangeView } from './series-view';
import { BASIS_LABELS } from './qualifiers';
import type { Basis, Unit } from '../db/schema';

/** The metrics a councillor looks for first, in the order the cards show them. */
export const LEADING_METRICS = [
  'councils-supported',
  'attendees',
  'coaching-hours',
  'people-supported',
  'events-delivered',
  'downloads',
  'page-views',
  'applications',
  'projects-funded',
  'members',
  'resources-published',
  'enquiries-handled',
] as const;

export interface Headline {
  metric: { slug: string; name: string; unit: Unit };
  basis: Basis;
  basisLabel: string;
  current: CellView;
  previousLabel: string;
  change: ChangeView | null;
  /** Why there is no change, when there is none. */
  noChange: string | null;
  trend: { label: string; value: number | null }[];
}

/**
 * The basis a card leads with: in-period figures where the period has them, else running
 * totals where it has those, else whichever has anything to say (figures for longer spans).
 */
function leadingSeries(series: Series[]): Series | undefined {
  const period = series.find((s) => s.key.basis === 'period');
  const cumulative = series.find((s) => s.key.basis === 'cumulative');
  const hasNumber = (s: Series | undefined) => !!s && s.cells[1]!.status !== 'no_figures';
  const hasAnything = (s: Series | undefined) => !!s && (s.cells[1]!.status !== 'no_figures' || s.cells[1]!.spanning.length > 0);
  if (hasNumber(period)) return period;
  if (hasNumber(cumulative)) return cumulative;
  return hasAnything(period) ? period : hasAnything(cumulative) ? cumulative : undefined;
}

export function buildHeadlines(groups: FigureGroup[], range: Bucket, trendBuckets: Bucket[]): Headline[] {
  const previous = previousPeriod(range);
  const out: Headline[] = [];
  for (const slug of LEADING_METRICS) {
    const own = groups.filter((g) => g.metric.slug === slug);
    if (!own.length) continue;
    const metric = own[0]!.metric;
    const lead = leadingSeries(aggregateInto(own, [previous, range]));
    if (!lead) continue;
    const [before, now] = lead.cells as [Series['cells'][number], Series['cells'][number]];
    const change = viewChange(before, now, metric.unit);
    const trendSeries = aggregate(own, { granularity: 'quarter', from: trendBuckets[0]!.start, to: trendBuckets[trendBuckets.length - 1]!.end }).find(
      (s) => s.key.basis === lead.key.basis,
    );
    out.push({
      metric: { slug: metric.slug, name: metric.name, unit: metric.unit },
      basis: lead.key.basis,
      basisLabel: BASIS_LABELS[lead.key.basis],
      current: viewCell(now, metric.unit, { compact: true }),
      previousLabel: previous.label,
      change,
      noChange: change
        ? null
        : now.status !== 'value'
          ? null
          : before.status === 'no_figures'
            ? `no figures reported in ${previous.label} to compare with`
            : 'no honest comparison with the period before',
      trend: (trendSeries?.cells ?? []).map((c) => ({ label: c.bucket.label, value: viewCell(c, metric.unit).value })),
    });
  }
  return out;
}
