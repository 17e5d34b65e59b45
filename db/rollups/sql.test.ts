import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fiscalQuarterOf } from '../../lib/fiscal-periods';
import { quarterOf } from './sql';

describe('quarterOf (the rollups’ financial quarter)', () => {
  const sqlite = new Database(':memory:');
  const quarter = sqlite.prepare(`SELECT ${quarterOf('@date')} AS q`);

  it('names the quarter the app’s financial periods put a date in, by its first month', () => {
    const firstMonthOf = { 1: 4, 2: 7, 3: 10, 4: 1 } as const;
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const date = d.toISOString().slice(0, 10);
        const q = (quarter.get({ date }) as { q: string }).q;
        expect(q).toBe(`${date.slice(0, 4)}-${String(firstMonthOf[fiscalQuarterOf(date)]).padStart(2, '0')}`);
      }),
      { numRuns: 2000 },
    );
    expect((quarter.get({ date: '2024-05-31' }) as { q: string }).q).toBe('2024-04');
    expect((quarter.get({ date: '2025-02-28' }) as { q: string }).q).toBe('2025-01');
  });
});
