// A figure's number as forms, imports and the seed take it: digits with an optional decimal part,
// at most 15 digits before the point, so that every stored value is finite and exact (a value of
// 400 nines was once stored as infinity). One rule; each place words its format message.
import { z } from 'zod';

export const TOO_LARGE = 'That number is too large to be a figure (at most 15 digits before the point)';

const NUMBER = /^\d+(\.\d+)?$/;
const fits = (s: string) => s.split('.')[0]!.replace(/^0+(?=\d)/, '').length <= 15;

/** A required number. */
export function figureNumber(formatMessage: string) {
  return z.string().regex(NUMBER, formatMessage).refine(fits, TOO_LARGE).transform(Number);
}

/** A number or nothing (''), as null: the top of a range, a total's value. */
export function optionalFigureNumber(formatMessage: string) {
  return z
    .string()
    .refine((s) => s === '' || NUMBER.test(s), formatMessage)
    .refine((s) => s === '' || fits(s), TOO_LARGE)
    .transform((s) => (s === '' ? null : Number(s)));
}
