// The target form: one zod schema, shared by the browser (hints) and the server (the authority).
import { z } from 'zod';
import { figureNumber } from './figure-value';
import { parsePeriodToken } from './fiscal-periods';

const slug = (what: string) => z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, `Choose the ${what} from the list`);
const percent = (what: string, fallback: string) =>
  z
    .string()
    .trim()
    .transform((s) => (s === '' ? fallback : s.replace(/%$/, '')))
    .pipe(figureNumber(`Enter ${what} as a number of per cent, such as ${fallback}`))
    .refine((n) => n <= 1000, `Enter ${what} as a share of the target, at most 1000 per cent`);

export const targetInputSchema = z
  .object({
    metric: slug('metric'),
    // '' for every programme.
    programme: z.union([z.literal(''), slug('programme')]),
    period: z
      .string()
      .trim()
      .refine((t) => ['year', 'quarter'].includes(parsePeriodToken(t)?.granularity ?? ''), 'Choose a financial year or quarter, such as 2020-21 or 2020-21-Q4'),
    basis: z.enum(['period', 'cumulative'], { error: 'Choose in the period or running total' }),
    value: z
      .string()
      .trim()
      .transform((s) => s.replace(/,/g, ''))
      .pipe(figureNumber('Enter the target as a number, such as 400'))
      .refine((n) => n > 0, 'A target must be more than nothing'),
    amberBelowPct: percent('the green threshold', '100'),
    redBelowPct: percent('the red threshold', '80'),
  })
  .refine((t) => t.redBelowPct <= t.amberBelowPct, { path: ['redBelowPct'], message: 'The red threshold must be at or below the green one' });

export type TargetInput = z.output<typeof targetInputSchema>;
