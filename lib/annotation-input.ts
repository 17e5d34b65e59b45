// The annotation form: one zod schema, shared by the browser (hints) and the server (the authority).
// `scope` is '' for everything, or 'metric:<slug>', 'programme:<slug>' or 'board:<slug>'.
import { z } from 'zod';
import { daySchema } from './dates';

export const annotationInputSchema = z.object({
  date: daySchema({ format: 'Enter a date like 2020-03-23', notReal: 'Enter a real date', outside: 'Enter a date from 2000 to 2100' }),
  text: z.string().trim().min(3, 'Say what happened, such as “first national lockdown”').max(300, 'Keep the note under 300 characters'),
  scope: z.string().regex(/^(?:|(?:metric|programme|board):[a-z0-9]+(?:-[a-z0-9]+)*)$/, 'Choose what the note is about from the list'),
});

export type AnnotationInput = z.output<typeof annotationInputSchema>;

export function parseScope(scope: string): { kind: 'metric' | 'programme' | 'board'; slug: string } | null {
  const [kind, slug] = scope.split(':') as ['metric' | 'programme' | 'board', string];
  return scope ? { kind, slug } : null;
}
