// What each dashboard page reads, in one call per page. The pages render what these return, and
// `npm run bench` times exactly these calls (and the SQL they run) at up to a million figures,
// so a query added to a page is measured as soon as it is added. Server-only.
import type { AppDatabase } from '@/db/client';
import { getComparison, withKnownSlugs } from '@/db/queries/compare';
import { getHeadlines } from '@/db/queries/headlines';
import { countObservations, getDatasetTotals, listLatestObservations, listObservations, type ObservationRow } from '@/db/queries/observations';
import { listActivity, listFiguresPerQuarter, TOP_PROGRAMMES } from '@/db/queries/overview';
import { getFigureDateRange } from '@/db/queries/periods';
import { getCoverage } from '@/db/queries/coverage';
import { getBoard, getLatestFigureDate, getMetric, getProgramme, listBoards, listMetrics, listProgrammes } from '@/db/queries/reference';
import { listFigureGroups, listSeries, listSeriesOutline, type FigureFilters } from '@/db/queries/series';
import { targetsForChart, targetsForPeriod, type TargetRow } from '@/db/queries/targets';
import { annotationsFor } from '@/db/queries/annotations';
import { getFigureQuarter } from '@/db/queries/quarters';
import { aggregateInto } from '@/lib/aggregation';
import { parseCompareParams } from '@/lib/compare';
import { bucketOf, bucketsBetween, spanBuckets } from '@/lib/fiscal-periods';
import type { Bucket, Granularity } from '@/lib/fiscal-periods';
import type { SearchParams } from '@/lib/filters';
import { FIGURES_PER_PAGE, parseFigureSearch } from '@/lib/figure-search';
import type { FigureSearch } from '@/lib/filters';
import { buildMetricPanels, toFigureRef, type FigureRef, type MetricPanel } from './metric-panels';
import { loadView } from './view';

/** How many figures the overview's "latest figures" table shows. */
export const LATEST_ROWS = 25;
/**
 * How many figures the table of a board, programme or metric page shows, latest first; the rest
 * are a link away on the figures page, a page at a time (the whole page stays ≤ 300 KB).
 */
export const TABLE_ROWS = 50;
/** How many of a period's figures a chart's "Figures for" lists; the rest are a link away. */
export const PERIOD_FIGURES = 50;

export function loadOverview(db: AppDatabase, params: SearchParams) {
  const view = loadView(db, '/', params, { defaultRange: 'latest-quarter', selects: ['board', 'programme'], grouping: false });
  const range = view.range;
  return {
    view,
    totals: getDatasetTotals(db),
    headlines: range ? getHeadlines(db, view.query, range) : [],
    // The quarter's status, where the period shown is one quarter (docs/decisions/0011).
    quarter: range?.granularity === 'quarter' ? getFigureQuarter(db, range.end) : null,
    // The cards rate the targets that speak for the view: every programme's, or one programme's own.
    targets: range ? targetsForPeriod(db, range.token, view.query) : new Map<string, TargetRow>(),
    boardActivity: range ? listActivity(db, view.query, 'board') : [],
    topProgrammes: range ? listActivity(db, view.query, 'programme', TOP_PROGRAMMES) : [],
    perQuarter: listFiguresPerQuarter(db, view.query),
    latest: listLatestObservations(db, LATEST_ROWS, view.query),
    // How many figures the period has, of which the table shows the latest LATEST_ROWS.
    latestTotal: countObservations(db, view.query),
  };
}

/** What the overview shows. */
export type OverviewData = ReturnType<typeof loadOverview>;

export interface DetailData {
  /** The metrics with figures in the view, one chart each (its panel is fetched: loadMetricPanel). */
  metrics: MetricPanel['metric'][];
  /**
   * The first and last periods the charts span (with "all figures", from the first figure of any
   * of the metrics to the last): each panel is fetched for exactly these, so all share one axis.
   */
  span: { from: Bucket; to: Bucket } | null;
  /** The latest TABLE_ROWS figures, and how many there are in all. */
  observations: ObservationRow[];
  total: number;
}

/** The charts (one per metric) and the figures table of a board, programme or metric page. */
function loadDetail(db: AppDatabase, query: FigureFilters, by: Granularity): DetailData {
  const { metrics, span } = listSeriesOutline(db, query, by);
  return {
    metrics: metrics.map(({ slug, name, unit }) => ({ slug, name, unit })),
    span,
    observations: listObservations(db, query, { order: 'period', limit: TABLE_ROWS }),
    total: countObservations(db, query),
  };
}

/**
 * One metric's chart panel on a board, programme or metric page (GET /api/panels): the page's
 * filters, with `metric` the one metric. `errors` when the filters cannot be read; a null panel
 * when they do not name exactly one metric, or it has no figures in the view.
 */
export function loadMetricPanel(db: AppDatabase, params: SearchParams): { errors: string[]; panel: MetricPanel | null } {
  const { query, filters, errors } = loadView(db, '', params, { defaultRange: 'all', selects: [] });
  if (errors.length || query.metrics?.length !== 1) return { errors, panel: null };
  const series = listSeries(db, query, { granularity: filters.by });
  const cells = series[0]?.cells;
  const coverage = cells?.length ? getCoverage(db, query, cells[0]!.bucket.start, cells[cells.length - 1]!.bucket.end) : new Map();
  const panel = buildMetricPanels(series, coverage)[0] ?? null;
  if (!panel || !cells?.length) return { errors, panel };
  const notes = annotationsFor(db, panel.metric.slug, query, cells[0]!.bucket.start, cells[cells.length - 1]!.bucket.end);
  const tokens = new Set(cells.map((c) => c.bucket.token));
  const targets = targetsForChart(db, panel.metric.slug, query).filter((t) => tokens.has(t.period.token));
  return {
    errors,
    panel: {
      ...panel,
      ...(notes.length ? { annotations: notes.map((n, i) => ({ number: i + 1, date: n.date, text: n.text, about: n.about, token: bucketOf(n.date, filters.by).token })) } : {}),
      ...(targets.length ? { targets: targets.map((t) => ({ token: t.period.token, basis: t.basis, value: t.value, text: `Target ${t.valueText} (${t.basis === 'period' ? 'in period' : 'running total'}): ${t.rag.label}` })) } : {}),
    },
  };
}

/**
 * The figures a chart's period stands for (GET /api/panels/figures): those ending in the period
 * `from`–`to`, with the page's other filters, latest first, at most PERIOD_FIGURES of them.
 */
export function loadPeriodFigures(db: AppDatabase, params: SearchParams): { errors: string[]; figures: FigureRef[]; total: number } {
  const { query, errors } = loadView(db, '', params, { defaultRange: 'all', selects: [] });
  if (errors.length) return { errors, figures: [], total: 0 };
  return {
    errors,
    figures: listObservations(db, query, { order: 'period', limit: PERIOD_FIGURES }).map(toFigureRef),
    total: countObservations(db, query),
  };
}

export function loadBoardPage(db: AppDatabase, slug: string, params: SearchParams) {
  const board = getBoard(db, slug);
  if (!board) return null;
  const view = loadView(db, `/boards/${slug}`, params, { defaultRange: 'all', selects: ['metric'] });
  return {
    board,
    view,
    programmes: listProgrammes(db, { board: slug }),
    detail: loadDetail(db, { ...view.query, boards: [slug] }, view.filters.by),
  };
}

export function loadProgrammePage(db: AppDatabase, slug: string, params: SearchParams) {
  const programme = getProgramme(db, slug);
  if (!programme) return null;
  const view = loadView(db, `/programmes/${slug}`, params, { defaultRange: 'all', selects: ['metric'] });
  return { programme, view, detail: loadDetail(db, { ...view.query, programmes: [slug] }, view.filters.by) };
}

export function loadMetricPage(db: AppDatabase, slug: string, params: SearchParams) {
  const metric = getMetric(db, slug);
  if (!metric) return null;
  const view = loadView(db, `/metrics/${slug}`, params, { defaultRange: 'all', selects: ['board', 'programme'] });
  const query = { ...view.query, metrics: [slug] };
  // The breakdown: each programme's figure over the whole range shown, by basis.
  const dates = getFigureDateRange(db);
  const range = view.range ?? (dates ? spanBuckets(bucketOf(dates.first, 'quarter'), bucketOf(dates.last, 'quarter')) : null);
  const breakdown = range ? aggregateInto(listFigureGroups(db, { ...query, from: range.start, to: range.end }, [range]), [range], ['programme']) : [];
  return { metric, view, range, breakdown, detail: loadDetail(db, query, view.filters.by) };
}

export function loadComparePage(db: AppDatabase, params: SearchParams) {
  const parsed = parseCompareParams(params, getLatestFigureDate(db));
  if (!parsed) return null;
  const p = withKnownSlugs(db, parsed);
  const comparison = getComparison(db, p);
  const dates = getFigureDateRange(db);
  const periods = dates
    ? [...bucketsBetween(dates.first, dates.last, 'year'), ...bucketsBetween(dates.first, dates.last, 'quarter')].sort(
        (x, y) => x.start.localeCompare(y.start) || y.end.localeCompare(x.end),
      )
    : [];
  return {
    p,
    comparison,
    periods,
    boards: listBoards(db),
    programmes: listProgrammes(db),
    metrics: listMetrics(db).filter((m) => m.figures > 0),
  };
}

/** The comparison page's data, once there are figures to compare. */
export type ComparePageData = NonNullable<ReturnType<typeof loadComparePage>>;

/** The figures page (/observations): every figure, searched, filtered, sorted and a page at a time. */
export function loadFiguresPage(db: AppDatabase, params: SearchParams) {
  const search = parseFigureSearch(params);
  const view = loadView(db, '/observations', params, { defaultRange: 'all', selects: ['board', 'programme', 'metric'], grouping: false });
  const query: FigureSearch = { ...view.query, search: search.q || undefined, bases: search.bases };
  const total = countObservations(db, query);
  const pages = Math.max(1, Math.ceil(total / FIGURES_PER_PAGE));
  const page = Math.min(search.page, pages);
  const rows = listObservations(db, query, { order: search.order, limit: FIGURES_PER_PAGE, offset: (page - 1) * FIGURES_PER_PAGE });
  // The view's own filters (unknown names left out) with the search's words, bases, order and page.
  const shown = { ...search, filters: view.filters, page };
  return { view, search: shown, errors: [...view.errors, ...search.errors.filter((e) => !view.errors.includes(e))], total, page, pages, rows };
}
