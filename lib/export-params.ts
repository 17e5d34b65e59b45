// The export routes take the same query parameters as the pages they serve, plus what the
// table on screen used: its order and how many rows it shows.
import type { FigureSearch } from './filters';
import { FIGURE_ORDERS, parseFigureSearch, type FigureOrder } from './figure-search';
import type { SearchParams } from './filters';

export function searchParamsToObject(q: URLSearchParams): SearchParams {
  const out: SearchParams = {};
  for (const key of new Set(q.keys())) {
    const all = q.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

export interface ExportRequest {
  filters: FigureSearch;
  order: FigureOrder | 'recorded';
  limit: number | undefined;
  offset: number | undefined;
  errors: string[];
  /** What the file name says: the filters and range. */
  nameParts: string[];
}

export function parseExportRequest(q: URLSearchParams): ExportRequest {
  // The figures page's search (q, basis, sort) and the usual filters, read as the page reads them.
  const search = parseFigureSearch(searchParamsToObject(q));
  const { filters, errors } = search;
  const count = (name: string, min: number) => {
    const raw = q.get(name);
    const n = raw === null ? undefined : /^\d{1,7}$/.test(raw) && Number(raw) >= min ? Number(raw) : NaN;
    if (Number.isNaN(n)) errors.push(`“${(raw ?? '').slice(0, 20)}” is not a number of rows.`);
    return Number.isNaN(n) ? undefined : n;
  };
  const limit = count('limit', 1);
  const offset = count('offset', 0);
  const requested = q.get('order') ?? q.get('sort');
  // Without a table to match (no limit), rows come in the order they were recorded.
  const order: FigureOrder | 'recorded' =
    requested && requested in FIGURE_ORDERS ? (requested as FigureOrder) : limit === undefined ? 'recorded' : 'period';
  const range = filters.from || filters.to ? [filters.from?.token ?? 'start', 'to', filters.to?.token ?? 'latest'] : ['all-periods'];
  return {
    filters: {
      boards: filters.boards,
      programmes: filters.programmes,
      metrics: filters.metrics,
      from: filters.from?.start,
      to: filters.to?.end,
      search: search.q || undefined,
      bases: search.bases,
    },
    order,
    limit,
    offset,
    errors,
    nameParts: [...filters.boards, ...filters.programmes, ...filters.metrics, ...range],
  };
}
