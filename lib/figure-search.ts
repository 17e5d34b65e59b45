// The figures page (/observations): what a person can search, filter and sort figures by, read
// from the address once with zod and written back into links by the same module.
import { z } from 'zod';
import { BASES, type Basis } from './vocabulary';
import { firstParam, paramList, parseFilters, filtersToQuery, type SearchParams, type ViewFilters } from './filters';

/** The orders a list of figures can be in, in the users' words. */
export const FIGURE_ORDERS = {
  reported: 'Most recently reported first',
  period: 'Latest period first',
  earliest: 'Earliest period first',
  value: 'Largest value first',
  programme: 'Programme, A to Z',
} as const;
export type FigureOrder = keyof typeof FIGURE_ORDERS;

/** How many figures a page of the figures list shows. */
export const FIGURES_PER_PAGE = 50;

export interface FigureSearchParams {
  filters: ViewFilters;
  /** The words searched for, as typed (trimmed). */
  q: string;
  bases: Basis[];
  order: FigureOrder;
  /** 1-based. */
  page: number;
  errors: string[];
}

const first = (v: string | string[] | undefined) => firstParam(v) || undefined;
const list = paramList;

/** Reads ?q=&basis=&sort=&page= and the usual filters; never throws, bad values become messages. */
export function parseFigureSearch(params: SearchParams): FigureSearchParams {
  const { filters, errors } = parseFilters(params);
  const q = (first(params.q) ?? '').trim().slice(0, 200);
  const bases: Basis[] = [];
  for (const b of list(params.basis)) {
    if ((BASES as readonly string[]).includes(b)) bases.push(b as Basis);
    else errors.push(`“${b.slice(0, 20)}” is not a basis: choose in period, running total or planned.`);
  }
  const sortRaw = first(params.sort);
  const sort = z.enum(Object.keys(FIGURE_ORDERS) as [FigureOrder, ...FigureOrder[]]).safeParse(sortRaw ?? 'reported');
  if (!sort.success) errors.push(`“${(sortRaw ?? '').slice(0, 20)}” is not a way to sort figures.`);
  const pageRaw = first(params.page);
  const page = pageRaw === undefined ? 1 : /^\d{1,6}$/.test(pageRaw) && Number(pageRaw) >= 1 ? Number(pageRaw) : null;
  if (page === null) errors.push(`“${(pageRaw ?? '').slice(0, 20)}” is not a page number.`);
  return { filters, q, bases: [...new Set(bases)], order: sort.success ? sort.data : 'reported', page: page ?? 1, errors };
}

/** The query string of a search, with any overrides: the inverse of parseFigureSearch. */
export function figureSearchQuery(p: Omit<FigureSearchParams, 'errors'>, overrides: Partial<Omit<FigureSearchParams, 'errors'>> = {}): string {
  const v = { ...p, ...overrides };
  const q = new URLSearchParams(filtersToQuery(v.filters).slice(1));
  if (v.q) q.set('q', v.q);
  for (const b of v.bases) q.append('basis', b);
  if (v.order !== 'reported') q.set('sort', v.order);
  if (v.page !== 1) q.set('page', String(v.page));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * The words of a search, lower-cased: a figure matches when every word is in its evidence, its
 * note, or the name of its programme, board or metric (a word may be the start of a longer one).
 */
export function searchWords(q: string): string[] {
  return [...new Set(q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean))].slice(0, 8).map((w) => w.slice(0, 40));
}

/** A word as an FTS5 query: a quoted prefix, so no word can be read as an operator. */
export const ftsPrefix = (word: string) => `"${word.replace(/"/g, '')}"*`;
