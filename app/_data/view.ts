// What every dashboard page does first: read the filters from the URL, settle the period
// (chosen, preset or the page's default) and build the filter bar. Server-only.
import type { AppDatabase } from '@/db/client';
import { getFigureDateRange } from '@/db/queries/periods';
import { findUnknownSlugs, getLatestFigureDate, listBoards, listMetrics, listProgrammes } from '@/db/queries/reference';
import type { FigureFilters } from '@/db/queries/series';
import { bucketOf, bucketsBetween, PRESETS, presetRange, spanBuckets, type Bucket } from '@/lib/fiscal-periods';
import { filtersToQuery, parseFilters, withoutUnknown, type SearchParams, type ViewFilters } from '@/lib/filters';
import type { FilterBarProps } from '../_components/filter-bar';

export interface View {
  filters: ViewFilters;
  errors: string[];
  /** The period shown, or null for "all figures" on pages that default to everything. */
  range: Bucket | null;
  /** The filters as the queries take them. */
  query: FigureFilters;
  bar: FilterBarProps;
  latest: string | null;
}

export function loadView(
  db: AppDatabase,
  path: string,
  params: SearchParams,
  options: {
    defaultRange: 'latest-quarter' | 'all';
    selects: ('board' | 'programme' | 'metric')[];
    fixed?: Record<string, string>;
    /** Whether the page draws anything by month, quarter or year (the overview does not). */
    grouping?: boolean;
  },
): View {
  const parsed = parseFilters(params);
  const known = withoutUnknown(parsed.filters, findUnknownSlugs(db, parsed.filters));
  const filters = known.filters;
  const errors = [...parsed.errors, ...known.errors];
  const latest = getLatestFigureDate(db);
  const dates = getFigureDateRange(db);
  let from = filters.from;
  let to = filters.to;
  if (!from && !to && options.defaultRange === 'latest-quarter' && latest) ({ from, to } = presetRange('latest-quarter', latest));
  const range = from || to ? spanBuckets(from ?? bucketOf(dates?.first ?? to!.start, 'quarter'), to ?? bucketOf(dates?.last ?? from!.end, 'quarter')) : null;
  const shown: ViewFilters = { ...filters, from: from ?? null, to: to ?? null };

  const periods = dates
    ? [...bucketsBetween(dates.first, dates.last, 'year'), ...bucketsBetween(dates.first, dates.last, 'quarter')]
        .sort((a, b) => a.start.localeCompare(b.start) || b.end.localeCompare(a.end))
        .map((b) => ({ value: b.token, label: b.label }))
    : [];
  const presets = latest
    ? [
        ...(options.defaultRange === 'all'
          ? [{ label: 'All figures', href: `${path}${filtersToQuery(filters, { from: null, to: null })}`, current: !range }]
          : []),
        ...PRESETS.map((p) => {
          const r = presetRange(p.id, latest);
          return {
            label: p.label,
            href: `${path}${filtersToQuery(filters, r)}`,
            current: !!range && range.start === r.from.start && range.end === r.to.end,
          };
        }),
      ]
    : [];
  const bar: FilterBarProps = {
    action: path,
    periods,
    presets,
    values: {
      board: filters.boards[0],
      programme: filters.programmes[0],
      metric: filters.metrics[0],
      from: shown.from?.token,
      to: shown.to?.token,
      by: filters.by,
    },
    // A view as the board saw it stays on its day when the form is sent.
    hidden: filters.seen ? { ...options.fixed, seen: filters.seen } : options.fixed,
    showGrouping: options.grouping !== false,
  };
  if (options.selects.includes('board')) bar.boards = listBoards(db).map((b) => ({ value: b.slug, label: b.name }));
  if (options.selects.includes('programme'))
    bar.programmes = listProgrammes(db)
      .filter((p) => !filters.boards.length || filters.boards.includes(p.board.slug))
      .map((p) => ({ value: p.slug, label: p.name }));
  if (options.selects.includes('metric'))
    bar.metrics = listMetrics(db)
      .filter((m) => m.figures > 0)
      .map((m) => ({ value: m.slug, label: m.name }));

  const query: FigureFilters = {
    boards: filters.boards,
    programmes: filters.programmes,
    metrics: filters.metrics,
    from: range?.start,
    to: range?.end,
  };
  return { filters: shown, errors, range, query, bar, latest };
}
