// A figure stored with a date far outside the years the dashboard holds (written before dates
// were checked, or straight into the database) must not take the pages down with it.
import { describe, expect, it } from 'vitest';
import { createSeededTestDatabase } from '../../db/testing';
import { loadBoardPage, loadComparePage, loadFiguresPage, loadMetricPage, loadOverview, loadProgrammePage } from './page-data';

describe('pages with a figure dated outside 2000–2100 in the database', () => {
  for (const [start, end] of [
    [null, '9999-12-31'],
    [null, '0001-01-01'],
    ['0001-01-01', '9999-12-31'],
  ] as const)
    it(`still load (${start ?? 'no start'} to ${end})`, () => {
      const db = createSeededTestDatabase();
      const programme = db.$client.prepare("SELECT p.id, p.slug, b.slug AS board FROM programmes p JOIN boards b ON b.id = p.board_id WHERE p.slug = 'peer-support'").get() as { id: number; slug: string; board: string };
      const metric = db.$client.prepare("SELECT id, slug FROM metrics WHERE slug = 'attendees'").get() as { id: number; slug: string };
      db.$client
        .prepare("INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_start, period_end, date_precision) VALUES (?, ?, 7, 'exact', 'period', ?, ?, 'day')")
        .run(programme.id, metric.id, start, end);
      for (const params of [{}, { from: '2019-20', to: '2020-21', by: 'month' }]) {
        expect(() => loadOverview(db, params)).not.toThrow();
        expect(() => loadBoardPage(db, programme.board, params)).not.toThrow();
        expect(() => loadProgrammePage(db, programme.slug, params)).not.toThrow();
        expect(() => loadMetricPage(db, metric.slug, params)).not.toThrow();
        expect(() => loadFiguresPage(db, params)).not.toThrow();
      }
      expect(() => loadComparePage(db, {})).not.toThrow();
      expect(() => loadComparePage(db, { a: '2019-20', b: '2020-21' })).not.toThrow();
    });
});
