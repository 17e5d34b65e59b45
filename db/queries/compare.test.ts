// Comparisons on the seeded dataset: what the reports cover, and who is behind a change
// (docs/decisions/0004 and 0006).
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../client';
import { createSeededTestDatabase } from '../testing';
import { parseComparePeriod, summarise, type CompareRow } from '../../lib/compare';
import { getComparison } from './compare';

let db: AppDatabase;
beforeAll(() => {
  db = createSeededTestDatabase();
});

const comparison = (a: string, b: string, metrics: string[] = []) =>
  getComparison(db, { a: parseComparePeriod(a)!, b: parseComparePeriod(b)!, boards: [], programmes: [], metrics, errors: [] });
const row = (rows: CompareRow[], metric: string, basis = 'period') => rows.find((r) => r.key.metric.slug === metric && r.key.basis === basis)!;

describe('comparisons on the seeded dataset', () => {
  it('flags 2019/20 against 2020/21 as partly covered, with no change or percentage, and offers the months covered in both', () => {
    const c = comparison('2019-20', '2020-21');
    const inPeriod = c.rows.filter((r) => r.key.basis === 'period');
    expect(inPeriod.length).toBeGreaterThan(5);
    for (const r of inPeriod) {
      // Figures in both years: no change at all. Figures in one year only: said so, with how much
      // of the other the reports cover.
      if (r.aValue !== null && r.bValue !== null) expect(r.status).toBe('partly_covered');
      else expect(r.note).toMatch(/has figures for \d+ of its 12 months|no report covers/);
      expect([r.change, r.percent]).toEqual(['—', null]);
    }
    expect(inPeriod.filter((r) => r.status === 'partly_covered').length).toBeGreaterThan(3);
    const attendees = row(c.rows, 'attendees');
    expect(attendees.note).toMatch(/2019\/20 has figures for 6 of its 12 months \(October 2019 to March 2020\)/);
    expect(attendees.likeForLike).toMatchObject({ a: { token: '2019-10..2020-02' }, b: { token: '2020-10..2021-02' } });
    expect(summarise(c)).toMatch(/given no change because the reports cover only part of 2019\/20; compare October 2019 to February 2020 with October 2020 to February 2021 instead/);
    // No percentage anywhere in the table, the breakdowns included.
    for (const r of inPeriod) for (const x of [...c.breakdown(r).byBoard, ...c.breakdown(r).byProgramme]) expect(x.percent).toBeNull();
  });

  it('separates the programmes first reported in Q4 2020/21 from the change in resources published', () => {
    const c = comparison('2020-21-Q3', '2020-21-Q4', ['resources-published']);
    const r = row(c.rows, 'resources-published', 'cumulative');
    expect(r.composition?.newInB.map((p) => p.programme)).toEqual([
      'Advanced & Predictive Analytics Network',
      'Collection and sharing of COVID-19 related good practice',
      'Frequently Asked Questions hub',
    ]);
    // The change is judged over the programmes that reported in both, and the one that did has no
    // newer running total in Q4: so no "+102%", and the new programmes are listed apart.
    expect(r).toMatchObject({ status: 'not_comparable', change: '—', percent: null });
    expect(r.note).toMatch(/^the one programme that reported in both cannot be compared .*; new in Q4 2020\/21: Advanced & Predictive Analytics Network \(≈85 as of February 2021\)/);
  });
});
