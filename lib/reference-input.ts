// The forms for boards, programmes, metrics and sources: one zod schema each, shared by the
// browser (hints) and the server (the authority).
import { z } from 'zod';
import { daySchema } from './dates';
import { ADDITIVITY, DATE_PRECISIONS, METRIC_CATEGORIES, UNITS } from './vocabulary';
import { slugify } from './slug';

const name = (what: string) => z.string().trim().min(2, `Enter the ${what}’s name`).max(200, 'Keep the name under 200 characters');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max.toLocaleString('en-GB')} characters`)
    .transform((s) => (s === '' ? null : s));
const isoDate = daySchema({ format: 'Enter a date like 2021-03-31', notReal: 'Enter a real date', outside: 'Enter a date from 2000 to 2100' });
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((s) => s ?? '')
  .pipe(z.union([z.literal('').transform(() => null), isoDate]));
const slugOf = (field: string) => z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, `Choose the ${field} from the list`);

export const REFERENCE_SCHEMAS = {
  board: z.object({ name: name('board'), description: optionalText(1000) }),
  programme: z.object({ name: name('programme'), board: slugOf('lead board'), theme: optionalText(200), description: optionalText(1000) }),
  metric: z.object({
    name: name('metric'),
    unit: z.enum(UNITS, { error: 'Choose a unit' }),
    category: z.enum(METRIC_CATEGORIES, { error: 'Choose a category' }),
    additivity: z.enum(ADDITIVITY, { error: 'Choose whether figures may be added up' }),
    definition: z.string().trim().min(5, 'Say what the metric counts').max(1000),
  }),
  source: z
    .object({
      title: z.string().trim().min(3, 'Enter the report’s title').max(300),
      documentDate: isoDate,
      datePrecision: z.enum(DATE_PRECISIONS, { error: 'Choose day, month or year' }),
      fileName: optionalText(200),
      // The months the report gives an account of (docs/decisions/0006): optional, both or neither.
      coversFrom: optionalDate,
      coversTo: optionalDate,
    })
    .superRefine((v, ctx) => {
      if ((v.coversFrom === null) !== (v.coversTo === null))
        ctx.addIssue({ code: 'custom', path: [v.coversFrom === null ? 'coversFrom' : 'coversTo'], message: 'Give both the first and the last month the report covers, or neither' });
      else if (v.coversFrom && v.coversTo && v.coversFrom > v.coversTo)
        ctx.addIssue({ code: 'custom', path: ['coversTo'], message: 'The last month covered must be on or after the first' });
    }),
} as const;

export type ReferenceKind = keyof typeof REFERENCE_SCHEMAS;
export const REFERENCE_KINDS = Object.keys(REFERENCE_SCHEMAS) as ReferenceKind[];

/** The slug a new board, programme or metric gets from its name (stable, lowercase, hyphenated). */
export const slugFor = (value: string) => slugify(value);
