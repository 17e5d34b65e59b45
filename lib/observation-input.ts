// The figure form's one zod schema: the browser uses it for hints, the server is the authority.
// Messages are written for officers ("Period end must be on or after period start").
import { z } from 'zod';
import { daySchema } from './dates';
import { figureNumber, optionalFigureNumber } from './figure-value';
import { BASES, DATE_PRECISIONS, QUALIFIERS } from './vocabulary';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const isoDate = daySchema({ format: 'Enter a date like 2021-03-31', notReal: 'Enter a real date', outside: 'Enter a date from 2000 to 2100' });

export const observationInputSchema = z
  .object({
    programme: slug.or(z.literal('')).refine((v) => v !== '', 'Choose a programme'),
    metric: slug.or(z.literal('')).refine((v) => v !== '', 'Choose a metric'),
    value: z
      .string()
      .trim()
      .min(1, 'Enter the value')
      // "1,153" and "£14,000" are how people type numbers; the qualifier carries "over" etc.
      .transform((s) => s.replace(/[£,\s]/g, ''))
      .pipe(figureNumber('Enter the value as a number, such as 600 (choose “at least” for “over 600”)')),
    // The top of a range ("20-30 elected members": value 20, upper 30); empty for one number.
    upper: z
      .string()
      .trim()
      .transform((s) => s.replace(/[£,\s]/g, ''))
      .pipe(optionalFigureNumber('Enter the top of the range as a number, such as 30 for “20-30”, or leave it empty'))
      .optional()
      .transform((v) => v ?? null),
    qualifier: z.enum(QUALIFIERS, { error: 'Choose exact, at least, at most or approximately' }),
    basis: z.enum(BASES, { error: 'Choose in period, running total or planned' }),
    periodStart: z.union([z.literal('').transform(() => null), isoDate]),
    periodEnd: isoDate,
    datePrecision: z.enum(DATE_PRECISIONS, { error: 'Choose day, month or year' }),
    note: z
      .string()
      .trim()
      .max(2000, 'Keep the note under 2,000 characters')
      .transform((s) => (s === '' ? null : s)),
    sourceId: z.union([z.literal('').transform(() => null), z.coerce.number().int().positive()]),
    evidence: z.string().trim().max(4000, 'Keep the evidence under 4,000 characters'),
    line: z.union([z.literal('').transform(() => null), z.coerce.number().int('Enter a whole number').min(1, 'Lines start at 1')]),
    reason: z.string().trim().max(1000, 'Keep the reason under 1,000 characters'),
    // The figure's version the form was filled from (an edit): saving fails if it has changed since.
    version: z
      .union([z.literal('').transform(() => null), z.coerce.number().int().positive()])
      .optional()
      .transform((v) => v ?? null),
    // A breakdown: the number of the figure this one is part of ("32 of which are chief executives").
    partOf: z
      .union([z.literal('').transform(() => null), z.coerce.number({ error: 'Enter the number of the figure, such as 128' }).int('Enter the number of the figure, such as 128').positive('Enter the number of the figure, such as 128')])
      .optional()
      .transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    // A NUL character is not text (pasted from a binary file): never stored.
    for (const key of ['note', 'evidence', 'reason'] as const)
      if (v[key]?.includes('\u0000')) ctx.addIssue({ code: 'custom', path: [key], message: 'This has a NUL character in it, which is not text' });
    if (v.periodStart && v.periodStart > v.periodEnd)
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'Period end must be on or after period start' });
    if (v.sourceId !== null && !v.evidence)
      ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'Copy the sentence the figure comes from' });
    // Evidence is kept as a link to its source: with no source it would be lost without a word.
    if (v.sourceId === null && v.evidence)
      ctx.addIssue({ code: 'custom', path: ['sourceId'], message: 'Choose the source this sentence comes from, or clear the evidence' });
    if (v.upper !== null && v.upper <= v.value)
      ctx.addIssue({ code: 'custom', path: ['upper'], message: 'The top of a range must be more than its value' });
    if (v.upper !== null && (v.qualifier === 'at_least' || v.qualifier === 'at_most'))
      ctx.addIssue({ code: 'custom', path: ['qualifier'], message: 'A range is exact or approximate: choose one of those, or clear the top of the range' });
    if (v.sourceId === null && v.line !== null)
      ctx.addIssue({ code: 'custom', path: ['sourceId'], message: 'Choose the source the line number is in, or clear the line' });
  });

export type ObservationInput = z.output<typeof observationInputSchema>;
export type ObservationFields = keyof z.input<typeof observationInputSchema>;
export type FieldErrors = Partial<Record<ObservationFields | 'form', string>>;

/** Field errors, first message per field, for the form. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = (issue.path[0] ?? 'form') as ObservationFields | 'form';
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * What a batch of figures refused by the form needs, in one sentence: each message with how many
 * figures and their report lines ("Choose a programme: 3 figures, lines 10, 13 and 18").
 */
export function summariseFieldErrors(refused: { line: number; errors: FieldErrors }[]): string {
  const lines = new Map<string, number[]>();
  for (const r of refused) for (const message of new Set(Object.values(r.errors))) if (message) lines.set(message, [...(lines.get(message) ?? []), r.line]);
  const list = (xs: number[]) => {
    const unique = [...new Set(xs)].sort((a, b) => a - b);
    return unique.length === 1 ? `line ${unique[0]}` : `lines ${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
  };
  return [...lines]
    .map(([message, at]) => `${message.replace(/\.$/, '')}: ${at.length} ${at.length === 1 ? 'figure' : 'figures'}, ${list(at)}`)
    .join('; ');
}
