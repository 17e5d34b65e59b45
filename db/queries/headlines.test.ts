// The overview's headline cards on the seeded dataset: each card means the same every quarter.
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../client';
import { createSeededTestDatabase } from '../testing';
import { parsePeriodToken } from '../../lib/fiscal-periods';
import { getHeadlines } from './headlines';

let db: AppDatabase;
beforeEach(() => {
  db = createSeededTestDatabase();
});

const Q4 = parsePeriodToken('2020-21-Q4')!;
const card = (slug: string) => getHeadlines(db, {}, Q4).find((h) => h.metric.slug === slug)!;

describe('headline cards', () => {
  it('keep one definition for coaching hours before and after an in-period figure is added', () => {
    const before = card('coaching-hours');
    expect(before).toMatchObject({ basis: 'cumulative', current: { text: '541 hours' }, alongside: null });
    // Two in-period figures for Q4 2020/21, as an officer might add them.
    db.$client.exec(`INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_start, period_end, date_precision)
      SELECT p.id, m.id, v.value, 'at_least', 'period', '2021-01-01', '2021-03-31', 'month'
      FROM programmes p, metrics m, (SELECT 100 AS value UNION ALL SELECT 70) v
      WHERE p.slug = 'coaching-for-chief-executives' AND m.slug = 'coaching-hours'`);
    const after = card('coaching-hours');
    expect(after).toMatchObject({ basis: 'cumulative', basisLabel: 'running total', current: { text: '541 hours' } });
    expect(after.alongside).toEqual({ basisLabel: 'in period', text: '170+ hours' });
  });

  it('say when the period is covered in part, and give no percentage for it, with the reason a click away', () => {
    const attendees = card('attendees');
    expect(attendees.current.notes).toContain('The reports cover January and February 2021 only (2 of 3 months)');
    const year = getHeadlines(db, {}, parsePeriodToken('2020-21')!).find((h) => h.metric.slug === 'events-delivered')!;
    expect(year.basis).toBe('period');
    expect(year.change).toBeNull();
    expect(year.noChange?.label).toBe('partly covered');
    expect(year.noChange?.reason).toMatch(/2019\/20 has figures for 6 of its 12 months \(October 2019 to March 2020\)/);
  });
});
