// The export routes take the same query parameters as the pages they serve, plus what the
// table on screen used: its order and how many rows it shows.
import type { FigureFilters } from '../db/queries/series';
import { parseFilters, type SearchParams } from './filters';

export function searchParamsToObject(q: URLSearchParams): SearchParams {
  const out: SearchParams = {};
  for (const key of new Set(q.keys())) {
    const all = q.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

export interface ExportRequest {
  filters: FigureFilters;
  order: 'reported' | 'period' | 'recorded';
  limit: number | undefined;
  errors: string[];
  /** What the file name says: the filters and range. */
  nameParts: string[];
}

export function parseExportRequest(q: URLSearchParams): ExportRequest {
  const { filters, errors } = parseFilters(searchParamsToObject(q));
  const limitRaw = q.get('limit');
  const limit = limitRaw === null ? undefined : /^\d{1,7}$/.test(limitRaw) && Number(limitRaw) > 0 ? Number(limitRaw) : NaN;
  if (Number.isNaN(limit)) errors.push(`“${(limitRaw ?? '').slice(0, 20)}” is not a number of rows.`);
  const requested = q.get('order');
  // Without a table to match (no limit), rows come in the order they were recorded.
  const order = requested === 'reported' || requested === 'period' ? requested : limit === undefined ? 'recorded' : 'period';
  const range = filters.from || filters.to ? [filters.from?.token ?? 'start', 'to', filters.to?.token ?? 'latest'] : ['all-periods'];
  return {
    filters: {
      boards: filters.boards,
      programmes: filters.programmes,
      metrics: filters.metrics,
      from: filters.from?.start,
      to: filters.to?.end,
    },
    order,
    limit: Number.isNaN(limit) ? undefined : limit,
    errors,
    nameParts: [...filters.boards, ...filters.programmes, ...filters.metrics, ...range],
  };
}
