// A day as forms, imports, report review and the seed take it: written YYYY-MM-DD, a real calendar
// day, and one the dashboard holds (FIRST_DAY to LAST_DAY in fiscal-periods.ts). One rule; each
// place words its messages for its readers.
import { z } from 'zod';
import { FIRST_DAY, LAST_DAY, isRealDay } from './fiscal-periods';

export function daySchema(words: { format: string; notReal: string; outside: string }) {
  return z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, words.format)
    .refine(isRealDay, words.notReal)
    .refine((day) => day >= FIRST_DAY && day <= LAST_DAY, words.outside);
}
