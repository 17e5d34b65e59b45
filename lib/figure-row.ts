// The figures CSV format: one row per occurrence of a figure in a source. The seed dataset,
// the CSV import and the observations export all use it, so an export re-imports unchanged.
import { isValid, parseISO } from 'date-fns';
import { z } from 'zod';
import { BASES, DATE_PRECISIONS, QUALIFIERS, UNITS } from '../db/schema';

export const FIGURE_COLUMNS = [
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

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => isValid(parseISO(s)) && parseISO(s).toISOString().startsWith(s), 'is not a real calendar date');

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
      .regex(/^\d+(\.\d+)?$/, 'Value must be a plain number such as 1153 or 14000 (no commas, £ or %)')
      .transform(Number),
    qualifier: z.enum(QUALIFIERS, { error: `Qualifier must be one of ${QUALIFIERS.join(', ')}` }),
    basis: z.enum(BASES, { error: `Basis must be one of ${BASES.join(', ')}` }),
    period_start: z.union([z.literal('').transform(() => null), isoDate]),
    period_end: isoDate,
    date_precision: z.enum(DATE_PRECISIONS, { error: `Date precision must be one of ${DATE_PRECISIONS.join(', ')}` }),
    note: z
      .string()
      .trim()
      .transform((s) => (s === '' ? null : s)),
  })
  .refine((r) => r.period_start === null || r.period_start <= r.period_end, {
    path: ['period_end'],
    message: 'Period end must be on or after period start',
  });

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
  qualifier: string;
  basis: string;
  period_start: string | null;
  period_end: string;
}): string {
  return [
    r.programme.trim().toLowerCase(),
    r.metric.trim().toLowerCase(),
    r.value,
    r.qualifier,
    r.basis,
    r.period_start ?? '',
    r.period_end,
  ].join('|');
}
