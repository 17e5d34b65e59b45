// The overview's headline cards: for each leading metric, its figure for the chosen period, the
// change against the period before (judged as the compare page judges it: like for like, and not
// over a period the reports cover in part), and a trend by quarter.
import type { Series } from './aggregation';
import { aggregate, aggregateInto, type FigureGroup } from './aggregation';
import { previousPeriod, type Bucket } from './fiscal-periods';
import { viewCell, type CellView } from './series-view';
import { BASIS_LABELS } from './qualifiers';
import { compare, COMPARABILITY_LABELS, type CoverageByMetric } from './compare';
import { coverageOf, describeMonths } from './coverage';
import type { Basis, Unit } from './vocabulary';

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
  /** What the card's number is: the running total where the metric has running totals, else the in-period sum. */
  basis: Basis;
  basisLabel: string;
  current: CellView;
  /** The in-period sum beside a running total, where the period has one. */
  alongside: { basisLabel: string; text: string } | null;
  previousLabel: string;
  change: { text: string; percent: string | null } | null;
  /** Where there is no change: a short label ("not comparable") and why, a click away. */
  noChange: { label: string; reason: string } | null;
  trend: { label: string; value: number | null }[];
}

/**
 * A card has one definition per metric, whatever the period holds: the running total as of the
 * period's end where the metric has running totals up to then, else the in-period sum. So the
 * coaching hours card is "541 hours, running total" before and after an in-period figure is added.
 */
function cardBasis(own: FigureGroup[], rangeEnd: string): Basis | null {
  if (own.some((g) => g.basis === 'cumulative' && g.periodEnd <= rangeEnd)) return 'cumulative';
  if (own.some((g) => g.basis === 'period')) return 'period';
  return null;
}

export function buildHeadlines(groups: FigureGroup[], range: Bucket, trendBuckets: Bucket[], coverage?: CoverageByMetric): Headline[] {
  const previous = previousPeriod(range);
  const out: Headline[] = [];
  // One comparison of every card's metric, as the compare page makes it.
  const rows = new Map(compare(groups, previous, range, coverage).rows.map((r) => [`${r.key.metric.slug}|${r.key.basis}`, r]));
  for (const slug of LEADING_METRICS) {
    const own = groups.filter((g) => g.metric.slug === slug);
    if (!own.length) continue;
    const metric = own[0]!.metric;
    const basis = cardBasis(own, range.end);
    if (!basis) continue;
    const series = aggregateInto(own, [previous, range]);
    const lead = series.find((s) => s.key.basis === basis);
    const now = lead?.cells[1] ?? { status: 'no_figures' as const, bucket: range, spanning: [] };
    const inPeriod = basis === 'cumulative' ? series.find((s) => s.key.basis === 'period')?.cells[1] : undefined;
    const row = rows.get(`${slug}|${basis}`);
    const changed = row?.status === 'comparable';
    const trendSeries = aggregate(own, { granularity: 'quarter', from: trendBuckets[0]!.start, to: trendBuckets[trendBuckets.length - 1]!.end }).find(
      (s: Series) => s.key.basis === basis,
    );
    const current = viewCell(now, metric.unit, { compact: true });
    // An in-period number over a period the reports cover in part says so on the card.
    const covered = coverage?.get(slug);
    const alongside = inPeriod && inPeriod.status !== 'no_figures' ? { basisLabel: BASIS_LABELS.period, text: viewCell(inPeriod, metric.unit).text } : null;
    if (covered && (basis === 'period' || alongside)) {
      const c = coverageOf(range, covered);
      if (c.covered < c.months)
        current.notes.push(
          c.covered ? `The reports cover ${describeMonths(c.coveredMonths)} only (${c.covered} of ${c.months} months)` : `No report covers ${range.label}`,
        );
    }
    out.push({
      metric: { slug: metric.slug, name: metric.name, unit: metric.unit },
      basis,
      basisLabel: BASIS_LABELS[basis],
      current,
      alongside,
      previousLabel: previous.label,
      change: changed ? { text: row.change, percent: row.percent } : null,
      noChange:
        changed || !row || now.status !== 'value'
          ? null
          : {
              // The compare page's A and B mean nothing on a card: say which period.
              label: row.status === 'new_in_b' ? `none in ${previous.label}` : row.status === 'absent_from_b' ? 'none in this period' : COMPARABILITY_LABELS[row.status],
              reason: row.note ?? `no figures reported in ${previous.label} to compare with`,
            },
      trend: (trendSeries?.cells ?? []).map((c) => ({ label: c.bucket.label, value: viewCell(c, metric.unit).value })),
    });
  }
  return out;
}
