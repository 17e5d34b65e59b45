// The figures page's reads on the seeded dataset: counts and pages agree with a plain reading of
// the figures, whatever the filters, words, kinds, orders and pages.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../client';
import { createSeededTestDatabase } from '../testing';
import { FIGURE_ORDERS, type FigureOrder } from '../../lib/figure-search';
import { countObservations, listObservations } from './observations';
import type { FigureSearch } from '../../lib/filters';

let db: AppDatabase;
beforeAll(() => {
  db = createSeededTestDatabase();
  // A deleted figure counts nowhere.
  db.$client.exec("UPDATE observations SET deleted_at = '2024-01-01T00:00:00Z' WHERE id IN (3, 40)");
});

/** The figures matching, read one by one in JavaScript: the reference. */
function plain(f: FigureSearch): { id: number; reportedOn: string; periodEnd: string; value: number; programme: string }[] {
  const rows = db.$client
    .prepare(
      `SELECT o.id, o.reported_on AS reportedOn, o.period_end AS periodEnd, o.value, o.basis, o.note, p.name AS programme, p.slug AS programmeSlug,
         b.name AS board, b.slug AS boardSlug, m.name AS metric, m.slug AS metricSlug,
         (SELECT group_concat(evidence, ' ') FROM observation_sources WHERE observation_id = o.id) AS evidence
       FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN boards b ON b.id = p.board_id JOIN metrics m ON m.id = o.metric_id
       WHERE o.deleted_at IS NULL`,
    )
    .all() as { id: number; reportedOn: string; periodEnd: string; value: number; basis: string; note: string | null; programme: string; programmeSlug: string; board: string; boardSlug: string; metric: string; metricSlug: string; evidence: string | null }[];
  const words = (f.search ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return rows.filter((r) => {
    const text = [r.note, r.evidence, r.programme, r.board, r.metric].join(' ').toLowerCase().split(/[^\p{L}\p{N}]+/u);
    return (
      (!f.boards?.length || f.boards.includes(r.boardSlug)) &&
      (!f.programmes?.length || f.programmes.includes(r.programmeSlug)) &&
      (!f.metrics?.length || f.metrics.includes(r.metricSlug)) &&
      (!f.from || r.periodEnd >= f.from) &&
      (!f.to || r.periodEnd <= f.to) &&
      (!f.bases?.length || f.bases.includes(r.basis as 'period')) &&
      words.every((w) => text.some((t) => t.startsWith(w)))
    );
  });
}

const SEARCHES: FigureSearch[] = [
  {},
  { from: '2021-01-01', to: '2021-03-31' },
  { boards: ['improvement-and-innovation-board'], from: '2020-04-01' },
  { metrics: ['attendees', 'coaching-hours'], bases: ['cumulative'] },
  { search: 'coaching' },
  { search: 'Chief executives', from: '2020-04-01', to: '2021-03-31' },
  { search: 'webinar', bases: ['period'], programmes: ['green-webinars-series'] },
  { search: 'nothing-matches-this' },
  { bases: ['planned'] },
];

describe('the figures page’s reads', () => {
  it('count what a plain reading counts, with and without words', () => {
    for (const f of SEARCHES) expect(countObservations(db, f), JSON.stringify(f)).toBe(plain(f).length);
    expect(countObservations(db, { search: 'coaching' })).toBeGreaterThan(3);
  });

  it('give each page of fifty in the order chosen, with no figure twice or left out', () => {
    const ref = plain({});
    const orders: Record<FigureOrder, (a: (typeof ref)[number], b: (typeof ref)[number]) => number> = {
      reported: (a, b) => (b.reportedOn ?? '').localeCompare(a.reportedOn ?? '') || b.periodEnd.localeCompare(a.periodEnd) || b.id - a.id,
      period: (a, b) => b.periodEnd.localeCompare(a.periodEnd) || b.id - a.id,
      earliest: (a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.id - b.id,
      value: (a, b) => b.value - a.value || b.id - a.id,
      programme: (a, b) => (a.programme < b.programme ? -1 : a.programme > b.programme ? 1 : 0) || b.periodEnd.localeCompare(a.periodEnd) || b.id - a.id,
    };
    for (const order of Object.keys(FIGURE_ORDERS) as FigureOrder[]) {
      const pages = [0, 50, 100, 150].map((offset) => listObservations(db, {}, { order, limit: 50, offset }).map((r) => r.id));
      expect(pages.flat(), order).toEqual([...ref].sort(orders[order]).map((r) => r.id));
    }
  });
});
