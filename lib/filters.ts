// The view filters that live in the URL: parsed once on the server with zod, and written back
// into links by the same module, so a view is a link that survives a reload.
import { z } from 'zod';
import { GRANULARITIES, parsePeriodToken, type Bucket, type Granularity } from './fiscal-periods';
import { daySchema } from './dates';
import type { Basis } from './vocabulary';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const PERIOD_HINT = 'Use a financial year such as 2020-21, a quarter such as 2020-21-Q3, or a month such as 2020-10, from 2000 to 2100.';

export type SearchParams = Record<string, string | string[] | undefined>;

/** What every figure query is filtered by (db/queries/figure-filters.ts turns it into SQL). */
export interface FigureFilters {
  boards?: string[];
  programmes?: string[];
  metrics?: string[];
  /** ISO dates: the first and last day shown (a figure is in a period when its period end is). */
  from?: string;
  to?: string;
}

/** The figures page's search on top of the usual filters: words and bases. */
export interface FigureSearch extends FigureFilters {
  /** Words, each of which must be in the figure's evidence or note, or its programme, board or metric name. */
  search?: string;
  bases?: Basis[];
}

export interface ViewFilters {
  boards: string[];
  programmes: string[];
  metrics: string[];
  /** The buckets the range starts and ends in, as chosen. */
  from: Bucket | null;
  to: Bucket | null;
  by: Granularity;
  /**
   * `?seen=YYYY-MM-DD`: the figures as the board saw them on that day (db/as-seen.ts), kept in
   * every link the view writes, so its charts, tables and downloads read the same figures.
   */
  seen?: string;
}

const seenDay = daySchema({
  format: 'The “as the board saw it” date must be written YYYY-MM-DD, so today’s figures are shown.',
  notReal: 'The “as the board saw it” date is not a real day, so today’s figures are shown.',
  outside: 'The “as the board saw it” date is outside the years the dashboard holds, so today’s figures are shown.',
});

/** The day of `?seen=`, or why it cannot be used; nothing when the view is of today's figures. */
export function parseSeen(params: SearchParams): { seen?: string; error?: string } {
  const raw = firstParam(params.seen);
  if (!raw) return {};
  const day = seenDay.safeParse(raw);
  return day.success ? { seen: day.data } : { error: day.error.issues[0]!.message };
}

export interface ParsedFilters {
  filters: ViewFilters;
  /** Plain-English messages for values that could not be used; the view falls back to defaults for them. */
  errors: string[];
}

// An empty value ("board=" from a form's "All boards") means no filter, not a filter called "".
// Only text counts: a value that is not a string or a list of strings (an inherited property of an
// object built carelessly from a query) is no value at all.
export const paramList = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
const list = paramList;
/** A parameter's value: the first non-empty one when it is given several times. */
export const firstParam = (v: unknown): string | undefined => (Array.isArray(v) ? paramList(v)[0] : typeof v === 'string' ? v : undefined);

const paramsSchema = z.object({
  board: z.array(slug).max(50),
  programme: z.array(slug).max(200),
  metric: z.array(slug).max(50),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  by: z.enum(GRANULARITIES).optional(),
});

/** Parses ?board=&programme=&metric=&from=&to=&by= — never throws; bad values become messages. */
export function parseFilters(params: SearchParams): ParsedFilters {
  const errors: string[] = [];
  const raw = {
    board: list(params.board),
    programme: list(params.programme),
    metric: list(params.metric),
    from: firstParam(params.from) || undefined,
    to: firstParam(params.to) || undefined,
    by: firstParam(params.by) || undefined,
  };
  const filters: ViewFilters = { boards: [], programmes: [], metrics: [], from: null, to: null, by: 'quarter' };

  for (const key of ['board', 'programme', 'metric'] as const) {
    const parsed = paramsSchema.shape[key].safeParse(raw[key]);
    const target = key === 'board' ? 'boards' : key === 'programme' ? 'programmes' : 'metrics';
    if (parsed.success) filters[target] = [...new Set(parsed.data)];
    else errors.push(`The ${key} filter "${raw[key].join(', ').slice(0, 80)}" is not a valid ${key} name, so it was ignored.`);
  }
  for (const key of ['from', 'to'] as const) {
    const token = raw[key];
    if (token === undefined) continue;
    const bucket = paramsSchema.shape[key].safeParse(token).success ? parsePeriodToken(token) : null;
    if (bucket) filters[key] = bucket;
    else errors.push(`“${token.slice(0, 40)}” is not a period we recognise for “${key}”. ${PERIOD_HINT}`);
  }
  if (raw.by !== undefined) {
    const by = paramsSchema.shape.by.safeParse(raw.by);
    if (by.success && by.data) filters.by = by.data;
    else errors.push(`“${raw.by.slice(0, 20)}” is not a way to group figures: choose month, quarter or year.`);
  }
  if (filters.from && filters.to && filters.from.start > filters.to.end) {
    errors.push(`The period starts (${filters.from.label}) after it ends (${filters.to.label}), so both were ignored.`);
    filters.from = null;
    filters.to = null;
  }
  const seen = parseSeen(params);
  if (seen.seen) filters.seen = seen.seen;
  if (seen.error) errors.push(seen.error);
  return { filters, errors };
}

/** The query string for a view: the inverse of parseFilters, with any overrides applied. */
export function filtersToQuery(filters: ViewFilters, overrides: Partial<ViewFilters> = {}): string {
  const f = { ...filters, ...overrides };
  const q = new URLSearchParams();
  for (const b of f.boards) q.append('board', b);
  for (const p of f.programmes) q.append('programme', p);
  for (const m of f.metrics) q.append('metric', m);
  if (f.from) q.set('from', f.from.token);
  if (f.to) q.set('to', f.to.token);
  if (f.by !== 'quarter') q.set('by', f.by);
  if (f.seen) q.set('seen', f.seen);
  const s = q.toString();
  return s ? `?${s}` : '';
}

const KIND_WORDS = { boards: 'board', programmes: 'programme', metrics: 'metric' } as const;

/**
 * Drops filters naming no board, programme or metric (an old or mistyped link), with a message
 * for each: a page must not show "All boards" above figures filtered down to nothing.
 */
export function withoutUnknown<T extends Pick<ViewFilters, 'boards' | 'programmes' | 'metrics'>>(
  filters: T,
  unknown: { boards: string[]; programmes: string[]; metrics: string[] },
): { filters: T; errors: string[] } {
  const errors: string[] = [];
  const kept = { ...filters };
  for (const kind of ['boards', 'programmes', 'metrics'] as const) {
    if (!unknown[kind].length) continue;
    kept[kind] = filters[kind].filter((s) => !unknown[kind].includes(s));
    for (const slug of unknown[kind]) errors.push(`No ${KIND_WORDS[kind]} is called “${slug.slice(0, 60)}”, so that filter was left out.`);
  }
  return { filters: kept, errors };
}
