// The export routes take the same query parameters as the pages they serve, plus what the
// table on screen used: its order and how many rows it shows. Each route reads its query with one
// of the schemas at the end (through parseQuery in app/_server/http.ts), which turn the pages'
// own parsers' complaints into zod issues, so a bad query is one 400 naming every problem.
import { z } from 'zod';
import type { FigureSearch } from './filters';
import { FIGURE_ORDERS, parseFigureSearch, type FigureOrder } from './figure-search';
import { firstParam, parseFilters, type SearchParams } from './filters';
import { parseCompareParams, type CompareParams } from './compare';

export function searchParamsToObject(q: URLSearchParams): SearchParams {
  // Object.fromEntries defines each key as the object's own property: assigning out[key] would
  // make "?__proto__=&__proto__=" the object's prototype (an array), and then "sort" would read
  // Array.prototype.sort.
  return Object.fromEntries(
    [...new Set(q.keys())].map((key) => {
      const all = q.getAll(key);
      return [key, all.length > 1 ? all : all[0]];
    }),
  );
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

const one = (v: string | string[] | undefined): string | null => firstParam(v) ?? null;

export function parseExportRequest(q: SearchParams): ExportRequest {
  // The figures page's search (q, basis, sort) and the usual filters, read as the page reads them.
  const search = parseFigureSearch(q);
  const { filters, errors } = search;
  const count = (name: string, min: number) => {
    const raw = one(q[name]);
    const n = raw === null ? undefined : /^\d{1,7}$/.test(raw) && Number(raw) >= min ? Number(raw) : NaN;
    if (Number.isNaN(n)) errors.push(`“${(raw ?? '').slice(0, 20)}” is not a number of rows.`);
    return Number.isNaN(n) ? undefined : n;
  };
  const limit = count('limit', 1);
  const offset = count('offset', 0);
  const requested = one(q.order) ?? one(q.sort);
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

/** A query string as the pages receive it: each name once, with every value it was given. */
export const searchParamsSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]).optional());

/** A schema that reads a query with `read` and fails with every error `read` reports. */
function queryReadBy<T extends { errors: string[] }>(read: (q: SearchParams) => T) {
  return searchParamsSchema.transform((q, ctx) => {
    const result = read(q);
    for (const message of result.errors) ctx.issues.push({ code: 'custom', message, input: q });
    return result;
  });
}

/** The figures export: the figures page's filters and search, order, limit and offset. */
export const figureExportQuery = queryReadBy(parseExportRequest);

/** The series export: the figures export's filters, the bucket size (`by`), and `group`. */
export const seriesExportQuery = queryReadBy((q) => {
  const request = parseExportRequest(q);
  const raw = one(q.group);
  const group: 'board' | 'programme' | null = raw === 'board' || raw === 'programme' ? raw : null;
  if (raw !== null && !group) request.errors.push(`“${raw.slice(0, 20)}” is not a way to group: use board or programme.`);
  return { ...request, by: parseFilters(q).filters.by, group };
});

/**
 * The compare export: periods A and B and the filters, as the compare page reads them, given the
 * latest figure's date (the default periods) and a check of the slugs against the dashboard.
 * Null when there are no figures to compare.
 */
export const compareExportQuery = (latest: string | null, knownSlugs: (p: CompareParams) => CompareParams) =>
  searchParamsSchema.transform((q, ctx): CompareParams | null => {
    const parsed = parseCompareParams(q, latest);
    if (!parsed) return null;
    const checked = knownSlugs(parsed);
    for (const message of checked.errors) ctx.issues.push({ code: 'custom', message, input: q });
    return checked;
  });
