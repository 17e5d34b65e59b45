// A page sends only its panels' headings; each panel is fetched alone (loadMetricPanel) and a
// chosen period's figures too (loadPeriodFigures). Fetched alone, each must be exactly what the
// page would have drawn with every metric at once, and a period's figures exactly those ending in it.
import { describe, expect, it } from 'vitest';
import { createSeededTestDatabase } from '../../db/testing';
import { listSeries } from '../../db/queries/series';
import { getCoverage } from '../../db/queries/coverage';
import { listObservations } from '../../db/queries/observations';
import { parsePeriodToken } from '../../lib/fiscal-periods';
import { buildMetricPanels } from './metric-panels';
import { loadBoardPage, loadMetricPanel, loadPeriodFigures, PERIOD_FIGURES, TABLE_ROWS } from './page-data';

const db = createSeededTestDatabase();
const board = (db.$client.prepare('SELECT slug FROM boards ORDER BY id').get() as { slug: string }).slug;

describe('a board page and its panels', () => {
  for (const params of [{}, { from: '2019-20', to: '2020-21', by: 'month' }, { by: 'year' }] as const)
    it(`fetches each panel equal to the one built with every metric (${JSON.stringify(params)})`, () => {
      const page = loadBoardPage(db, board, params)!;
      expect(page.detail.metrics.length).toBeGreaterThan(1);
      const query = { ...page.view.query, boards: [board] };
      const series = listSeries(db, query, { granularity: page.view.filters.by });
      const cells = series[0]!.cells;
      const all = buildMetricPanels(series, getCoverage(db, query, cells[0]!.bucket.start, cells[cells.length - 1]!.bucket.end));
      expect(page.detail.metrics).toEqual(all.map((p) => p.metric));
      for (const expected of all) {
        const span = { from: page.detail.span!.from.token, to: page.detail.span!.to.token };
        const { errors, panel } = loadMetricPanel(db, { ...params, ...span, board, metric: expected.metric.slug });
        expect(errors).toEqual([]);
        expect(panel).toEqual(expected);
      }
    });

  it('shows the latest figures and says how many there are in all', () => {
    const page = loadBoardPage(db, board, {})!;
    expect(page.detail.observations).toEqual(listObservations(db, { boards: [board] }, { order: 'period', limit: TABLE_ROWS }));
    expect(page.detail.total).toBe(listObservations(db, { boards: [board] }, { order: 'period', limit: 100_000 }).length);
  });

  it('refuses a panel without exactly one metric, and says what it cannot read', () => {
    expect(loadMetricPanel(db, { board }).panel).toBeNull();
    expect(loadMetricPanel(db, { board, metric: ['attendees', 'downloads'] }).panel).toBeNull();
    expect(loadMetricPanel(db, { board, metric: 'attendees', from: '2020-Q9' }).errors).not.toEqual([]);
  });

  it('lists a period’s figures: those ending in it, latest first, with how many', () => {
    const metric = loadBoardPage(db, board, {})!.detail.metrics[0]!.slug;
    let periods = 0;
    for (const token of ['2019-20-Q4', '2020-21-Q1', '2020-21-Q2', '2020-21']) {
      const range = parsePeriodToken(token)!;
      const { errors, figures, total } = loadPeriodFigures(db, { board, metric, from: token, to: token });
      expect(errors).toEqual([]);
      const expected = listObservations(db, { boards: [board], metrics: [metric] }, { order: 'period', limit: 100_000 }).filter(
        (o) => o.periodEnd >= range.start && o.periodEnd <= range.end,
      );
      expect(total).toBe(expected.length);
      expect(figures.map((f) => f.id)).toEqual(expected.slice(0, PERIOD_FIGURES).map((o) => o.id));
      if (total) periods++;
    }
    expect(periods).toBeGreaterThan(0);
  });
});
