// The overview's counts come from rollups and index seeks; here they are held equal to the
// plain count over the figures that they replace.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../client';
import { createTestDatabase } from '../testing';
import { loadSeed } from '../seed';
import { listActivity, listFiguresPerQuarter } from './overview';
import { bucketOf } from '../../lib/fiscal-periods';

let db: AppDatabase;
beforeAll(() => {
  db = createTestDatabase();
  loadSeed(db);
  // A deleted figure must not count.
  db.$client.exec('UPDATE observations SET deleted_at = strftime(\'%Y-%m-%dT%H:%M:%fZ\', \'now\') WHERE id IN (SELECT id FROM observations ORDER BY id LIMIT 3)');
});

const VIEWS = [
  {},
  { from: '2020-04-01', to: '2021-03-31' },
  { from: '2020-10-01', to: '2020-12-31', boards: ['improvement-and-innovation-board'] },
  { programmes: ['remote-peer-support', 'lga-leadership-essentials'] },
  { metrics: ['attendees'], to: '2021-06-30' },
];

function plainActivity(by: 'board' | 'programme', f: (typeof VIEWS)[number] & { boards?: string[]; programmes?: string[]; metrics?: string[] }) {
  // Parts of another figure (breakdowns) are in their total already: activity counts facts.
  const where = ["o.deleted_at IS NULL", "o.part_of_id IS NULL", "o.basis <> 'planned'"];
  const params: string[] = [];
  const add = (clause: string, ...values: string[]) => {
    where.push(clause);
    params.push(...values);
  };
  if ('from' in f && f.from) add('o.period_end >= ?', f.from);
  if ('to' in f && f.to) add('o.period_end <= ?', f.to);
  for (const [column, values] of [['b.slug', f.boards], ['p.slug', f.programmes], ['m.slug', f.metrics]] as const)
    if (values?.length) add(`${column} IN (${values.map(() => '?').join(', ')})`, ...values);
  const g = by === 'board' ? 'b' : 'p';
  return (
    db.$client
      .prepare(
        `SELECT ${g}.slug AS slug, count(*) AS figures, group_concat(DISTINCT m.name) AS metrics FROM observations o
         JOIN programmes p ON p.id = o.programme_id JOIN boards b ON b.id = p.board_id JOIN metrics m ON m.id = o.metric_id
         WHERE ${where.join(' AND ')} GROUP BY ${g}.id ORDER BY figures DESC, ${g}.name`,
      )
      .all(...params) as { slug: string; figures: number; metrics: string }[]
  ).map((r) => ({ slug: r.slug, figures: r.figures, metrics: r.metrics.split(',').sort() }));
}

describe('overview counts', () => {
  it('count each board and programme’s figures in the period as a plain count does', () => {
    let compared = 0;
    for (const view of VIEWS)
      for (const by of ['board', 'programme'] as const) {
        const rows = listActivity(db, view, by).map((r) => ({ slug: r.slug, figures: r.figures, metrics: r.metrics }));
        expect(rows).toEqual(plainActivity(by, view));
        compared += rows.length;
      }
    expect(compared).toBeGreaterThan(20);
  });

  it('count figures per financial quarter as a plain count does', () => {
    for (const view of [{}, { boards: ['improvement-and-innovation-board'] }, { programmes: ['remote-peer-support'] }]) {
      const plain = new Map<string, number>();
      const f = view as { boards?: string[]; programmes?: string[] };
      const rows = db.$client
        .prepare(
          `SELECT o.period_end AS end FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN boards b ON b.id = p.board_id
           WHERE o.deleted_at IS NULL ${f.boards ? 'AND b.slug = ?' : ''} ${f.programmes ? 'AND p.slug = ?' : ''}`,
        )
        .all(...(f.boards ?? []), ...(f.programmes ?? [])) as { end: string }[];
      for (const r of rows) plain.set(bucketOf(r.end, 'quarter').token, (plain.get(bucketOf(r.end, 'quarter').token) ?? 0) + 1);
      const counted = new Map(listFiguresPerQuarter(db, view).map((q) => [q.token, q.period + q.cumulative + q.planned]));
      for (const [token, n] of plain) expect([token, counted.get(token)]).toEqual([token, n]);
      expect([...counted.values()].reduce((a, b) => a + b, 0)).toBe(rows.length);
    }
  });
});
