import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../client';
import { createSeededTestDatabase } from '../testing';
import { getMetricCatalogue, listMetrics } from './reference';
import { bucketOf, bucketsBetween } from '../../lib/fiscal-periods';

let db: AppDatabase;
beforeAll(() => {
  db = createSeededTestDatabase();
});

describe('the metric catalogue', () => {
  it('gives each metric its category and the first and last period of its live figures', () => {
    for (const m of listMetrics(db)) {
      const span = db.$client
        .prepare('SELECT min(o.period_end) AS first, max(o.period_end) AS last FROM observations o JOIN metrics m ON m.id = o.metric_id WHERE m.slug = ? AND o.deleted_at IS NULL')
        .get(m.slug) as { first: string | null; last: string | null };
      expect([m.firstPeriodEnd, m.lastPeriodEnd]).toEqual([span.first, span.last]);
      expect(m.category).toBeTruthy();
    }
  });

  it('lists the programmes that report a metric, with their figures, and the quarters its figures cover', () => {
    for (const m of listMetrics(db).filter((x) => x.figures > 0)) {
      const entry = getMetricCatalogue(db, m.slug);
      expect(entry.programmes).toHaveLength(m.programmes);
      expect(entry.programmes.reduce((n, p) => n + p.figures, 0)).toBe(m.figures);
      const months = db.$client
        .prepare('SELECT DISTINCT substr(o.period_end, 1, 7) FROM observations o JOIN metrics m ON m.id = o.metric_id WHERE m.slug = ? AND o.deleted_at IS NULL')
        .pluck()
        .all(m.slug) as string[];
      const quarters = new Set(months.map((x) => bucketOf(`${x}-01`, 'quarter').label));
      const span = bucketsBetween(`${m.firstPeriodEnd!.slice(0, 7)}-01`, m.lastPeriodEnd!, 'quarter');
      expect(entry.quarters).toEqual({ first: span[0]!.label, last: span.at(-1)!.label, span: span.length, withFigures: quarters.size });
      expect(entry.quarters!.withFigures).toBeLessThanOrEqual(entry.quarters!.span);
    }
    expect(getMetricCatalogue(db, 'no-such-metric')).toEqual({ programmes: [], quarters: null });
    // The seed's coaching hours: two coaching programmes, both in Q4 2020/21.
    expect(getMetricCatalogue(db, 'coaching-hours')).toEqual({
      programmes: [
        { slug: 'coaching-for-chief-executives', name: 'Coaching for chief executives', board: 'Improvement and Innovation Board', figures: 1 },
        { slug: 'top-team-coaching', name: 'Top team coaching', board: 'Improvement and Innovation Board', figures: 1 },
      ],
      quarters: { first: 'Q4 2020/21', last: 'Q4 2020/21', span: 1, withFigures: 1 },
    });
  });
});
