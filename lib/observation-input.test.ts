import { describe, expect, it } from 'vitest';
import { fieldErrors, observationInputSchema, summariseFieldErrors } from './observation-input';

const form = (overrides: Record<string, string>) => ({
  programme: 'p', metric: 'm', value: '12', qualifier: 'exact', basis: 'period', periodStart: '', periodEnd: '2021-03-31',
  datePrecision: 'day', note: '', sourceId: '', evidence: '', line: '', reason: '', ...overrides,
});
const errorsOf = (overrides: Record<string, string>) => {
  const r = observationInputSchema.safeParse(form(overrides));
  return r.success ? {} : fieldErrors(r.error);
};

describe('the figure form refuses what no figure can be', () => {
  it('a number too large to store exactly, beside its field', () => {
    expect(errorsOf({ value: '9'.repeat(400) }).value).toMatch(/too large/);
    expect(errorsOf({ value: '1', upper: '9'.repeat(16) }).upper).toMatch(/too large/);
    expect(errorsOf({ value: '9'.repeat(15) })).toEqual({});
  });

  it('a date outside 2000 to 2100', () => {
    expect(errorsOf({ periodEnd: '9999-12-31' }).periodEnd).toBe('Enter a date from 2000 to 2100');
    expect(errorsOf({ periodStart: '0001-01-01' }).periodStart).toBe('Enter a date from 2000 to 2100');
  });

  it('a NUL character in its text', () => {
    expect(errorsOf({ note: 'a\u0000b' }).note).toMatch(/NUL/);
    expect(errorsOf({ reason: '\u0000' }).reason).toMatch(/NUL/);
  });
});

describe('what a batch of refused figures needs, in one sentence', () => {
  it('gives each message once, with how many figures and their lines', () => {
    expect(
      summariseFieldErrors([
        { line: 10, errors: { programme: 'Choose a programme' } },
        { line: 10, errors: { programme: 'Choose a programme' } },
        { line: 18, errors: { programme: 'Choose a programme', metric: 'Choose a metric' } },
        { line: 13, errors: { programme: 'Choose a programme' } },
      ]),
    ).toBe('Choose a programme: 4 figures, lines 10, 13 and 18; Choose a metric: 1 figure, line 18');
  });
});
