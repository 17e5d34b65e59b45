// The figures CSV format: one row per occurrence of a figure in a source. The seed dataset,
// the CSV import and the observations export all use it, so an export re-imports unchanged.
import { z } from 'zod';
import { daySchema } from './dates';
import { figureNumber, optionalFigureNumber } from './figure-value';
import { BASES, DATE_PRECISIONS, QUALIFIERS, UNITS, type Qualifier } from './vocabulary';

/** The columns every figures CSV has had from the start. */
export const FIGURE_BASE_COLUMNS = [
  'source_file',
  'line',
  'evidence',
  'board',
  'programme',
  'metric',
  'unit',
  'value',
  'qualifier',
  'basis',
  'period_start',
  'period_end',
  'date_precision',
  'note',
] as const;

/**
 * The columns for ranges and breakdowns (docs/decisions/0006), optional in every file:
 * - upper: the top of a range ("20-30": value 20, upper 30); empty for a single number;
 * - part_of: for a breakdown of a total stated in the same sentence ("171 officers … 32 of which
 *   are chief executives"), the total's value, as that figure's row in the same source and line has it.
 */
export const FIGURE_RANGE_AND_PART_COLUMNS = ['upper', 'part_of'] as const;

export const FIGURE_COLUMNS = [...FIGURE_BASE_COLUMNS, ...FIGURE_RANGE_AND_PART_COLUMNS] as const;

/** A qualifier column may say "range" (or "between"): an exact range, which needs its upper value. */
export const RANGE_WORDS = ['range', 'between'] as const;

/**
 * The one rule for a range, shared by every figure row (seed, import): its upper value is above
 * its value, and the range is exact or approximate ("over" and "up to" are bounds already).
 */
export function checkRange(
  r: { value: number; upper: number | null; qualifier: string },
  ctx: z.RefinementCtx,
): void {
  if (r.upper === null) {
    if ((RANGE_WORDS as readonly string[]).includes(r.qualifier))
      ctx.addIssue({ code: 'custom', path: ['upper'], message: 'A range needs its upper value in the upper column (for 20-30, value 20 and upper 30)' });
    return;
  }
  if (r.upper <= r.value) ctx.addIssue({ code: 'custom', path: ['upper'], message: 'Upper must be more than value: it is the top of a range such as 20-30' });
  if (r.qualifier === 'at_least' || r.qualifier === 'at_most')
    ctx.addIssue({ code: 'custom', path: ['qualifier'], message: 'A range (a value with an upper) is exact or approximate, not “at least” or “at most”' });
}

const optionalNumber = (label: string) =>
  z
    .string()
    .trim()
    .pipe(optionalFigureNumber(`${label} must be a plain number such as 30, or empty`));

const isoDate = daySchema({ format: 'must be a date written YYYY-MM-DD', notReal: 'is not a real calendar date', outside: 'must fall between 2000 and 2100' });

const required = (what: string) => z.string().trim().min(1, `${what} is required`);

export const figureRowSchema = z
  .object({
    source_file: required('Source file'),
    line: z.coerce.number().int('Line must be a whole number').min(1, 'Line must be 1 or more'),
    evidence: required('Evidence'),
    board: required('Board'),
    programme: required('Programme'),
    metric: required('Metric'),
    unit: z.enum(UNITS, { error: `Unit must be one of ${UNITS.join(', ')}` }),
    value: z
      .string()
      .trim()
      .pipe(figureNumber('Value must be a plain number such as 1153 or 14000 (no commas, £ or %)')),
    upper: optionalNumber('Upper').optional().transform((v) => v ?? null),
    qualifier: z.enum([...QUALIFIERS, ...RANGE_WORDS], { error: `Qualifier must be one of ${QUALIFIERS.join(', ')}, or range` }),
    basis: z.enum(BASES, { error: `Basis must be one of ${BASES.join(', ')}` }),
    period_start: z.union([z.literal('').transform(() => null), isoDate]),
    period_end: isoDate,
    date_precision: z.enum(DATE_PRECISIONS, { error: `Date precision must be one of ${DATE_PRECISIONS.join(', ')}` }),
    note: z
      .string()
      .trim()
      .transform((s) => (s === '' ? null : s)),
    part_of: optionalNumber('Part of').optional().transform((v) => v ?? null),
  })
  .superRefine((r, ctx) => {
    if (r.period_start !== null && r.period_start > r.period_end)
      ctx.addIssue({ code: 'custom', path: ['period_end'], message: 'Period end must be on or after period start' });
    checkRange(r, ctx);
  })
  .transform((r) => ({ ...r, qualifier: (RANGE_WORDS as readonly string[]).includes(r.qualifier) ? ('exact' as const) : (r.qualifier as Qualifier) }));

export type FigureRowInput = z.input<typeof figureRowSchema>;
export type FigureRow = z.output<typeof figureRowSchema>;

/**
 * The identity of a fact: two occurrences with the same key are the same figure reported
 * twice and become one observation with two sources (docs/decisions/0002).
 */
export function factKey(r: {
  programme: string;
  metric: string;
  value: number;
  upper?: number | null;
  qualifier: string;
  basis: string;
  period_start: string | null;
  period_end: string;
  part_of?: number | null;
}): string {
  return [
    r.programme.trim().toLowerCase(),
    r.metric.trim().toLowerCase(),
    r.value,
    r.upper ?? '',
    r.qualifier,
    r.basis,
    r.period_start ?? '',
    r.period_end,
    r.part_of ?? '',
  ].join('|');
}

// A note containing this marks a figure as a different fact from any that looks like it: two
// figures with the same programme, metric, value and period (two different "11"s in one report)
// stay two observations, and look-alikes dated differently are not flagged (lib/data-quality.ts).
export const DISTINCT_MARKER = /\bdistinct\b/i;

/**
 * The fact an occurrence records: its factKey, and for an occurrence marked distinct its source
 * and line too, so that it is never merged with another (docs/decisions/0002).
 */
export function occurrenceFactKey(f: Parameters<typeof factKey>[0] & { note: string | null; source_file: string; line: number }): string {
  return f.note && DISTINCT_MARKER.test(f.note) ? `${factKey(f)}|${f.source_file}:${f.line}` : factKey(f);
}
