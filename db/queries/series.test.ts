import { beforeAll, describe, expect, it } from 'vitest';
import { createOnePairDatabase, createTestDatabase, openAnotherConnection } from '../testing';
import type { AppDatabase } from '../client';
import { loadSeed } from '../seed';
import { listSeries, listSeriesOutline } from './series';
import type { FigureFilters } from '../../lib/filters';
import type { Series, SeriesCell } from '../../lib/aggregation';
import { differenceQualified, formatChange, formatQualifiedValue } from '../../lib/qualifiers';

let db: AppDatabase;
beforeAll(() => {
  db = createTestDatabase();
  loadSeed(db);
});

const cell = (series: Series | undefined, token: string): SeriesCell => {
  const found = series?.cells.find((c) => c.bucket.token === token);
  if (!found) throw new Error(`no cell ${token}`);
  return found;
};
const shown = (c: SeriesCell) =>
  c.status === 'value' ? formatQualifiedValue(c.total) : c.status === 'no_figures' ? 'no figures reported' : c.reason;
const find = (series: Series[], metric: string, basis = 'cumulative') =>
  series.find((s) => s.key.metric.slug === metric && s.key.basis === basis);

describe('seeded series, as a careful reader of the reports would write them', () => {
  it('coaching hours: 465 individual hours (January 2021) and 76 top-team hours make 541 by the end of 2020/21', () => {
    const series = listSeries(db, { metrics: ['coaching-hours'], from: '2020-04-01', to: '2021-03-31' }, { granularity: 'quarter' });
    const hours = find(series, 'coaching-hours');
    expect(shown(cell(hours, '2020-21-Q3'))).toBe('no figures reported');
    expect(shown(cell(hours, '2020-21-Q4'))).toBe('541');
    const byProgramme = listSeries(db, { metrics: ['coaching-hours'], to: '2021-03-31' }, { granularity: 'year', by: ['programme'] });
    expect(byProgramme.map((s) => [s.key.programme?.name, shown(s.cells[s.cells.length - 1]!)])).toEqual([
      ['Coaching for chief executives', '465'],
      ['Top team coaching', '76'],
    ]);
  });

  it('Return to Social Work: applications 275+ in March 2020, 1,000+ by June 2020, and no honest change between them', () => {
    const series = listSeries(db, { programmes: ['return-to-social-work'], from: '2019-10-01', to: '2021-03-31' }, { granularity: 'quarter' });
    const applications = find(series, 'applications');
    const march = cell(applications, '2019-20-Q4');
    const june = cell(applications, '2020-21-Q1');
    expect(shown(march)).toBe('275+');
    expect(shown(june)).toBe('1,000+');
    if (march.status !== 'value' || june.status !== 'value') throw new Error('expected values');
    expect(formatChange(differenceQualified(march.total, june.total))).toMatch(/not comparable/);

    expect(shown(cell(find(series, 'expressions-of-interest'), '2019-20-Q4'))).toBe('890+');
    expect(shown(cell(find(series, 'expressions-of-interest'), '2020-21-Q4'))).toBe('1,000+');
    expect(shown(cell(find(series, 'candidates'), '2020-21-Q4'))).toBe('111');
    expect(shown(cell(find(series, 'people-placed'), '2020-21-Q4'))).toBe('86');
    expect(shown(cell(find(series, 'job-offers'), '2020-21-Q1'))).toBe('no figures reported');
    expect(shown(cell(find(series, 'job-offers'), '2020-21-Q4'))).toBe('59');
    // The running total carries forward, marked as such, into quarters with no new report.
    expect(cell(applications, '2020-21-Q3')).toMatchObject({ status: 'value', carriedForward: true });
  });

  it('webinar attendance: the three TTOM webinars (405, 147 and 203) make 755 in 2020/21, undated within the year', () => {
    const filters = { programmes: ['ttom-shielded-groups-and-enforcement-webinars'], metrics: ['attendees'], from: '2020-04-01', to: '2021-03-31' };
    const year = cell(find(listSeries(db, filters, { granularity: 'year' }), 'attendees', 'period'), '2020-21');
    expect(shown(year)).toBe('755');
    expect(year).toMatchObject({ observations: 3 });
    // The report does not say in which quarter each webinar was held: no quarter claims them.
    const q4 = cell(find(listSeries(db, filters, { granularity: 'quarter' }), 'attendees', 'period'), '2020-21-Q4');
    expect(q4.status).toBe('no_figures');
    expect(q4.spanning).toEqual([expect.objectContaining({ periodStart: '2020-04-01', periodEnd: '2021-02-28', count: 3 })]);
  });

  it('procurement events held December to February are shown with their span by quarter, and summed (370) by year', () => {
    const filters = { programmes: ['procurement-and-commissioning-programme'], metrics: ['attendees'], from: '2020-04-01', to: '2021-03-31' };
    const byQuarter = find(listSeries(db, filters, { granularity: 'quarter' }), 'attendees', 'period');
    const q4 = cell(byQuarter, '2020-21-Q4');
    expect(q4.status).toBe('no_figures');
    // The three events (250, 70 and 50 attendees) share their span, so they are shown together with it.
    expect(q4.spanning).toEqual([
      expect.objectContaining({ periodStart: '2020-12-01', periodEnd: '2021-02-28', count: 3, value: expect.objectContaining({ value: 370 }) }),
    ]);
    const byYear = find(listSeries(db, filters, { granularity: 'year' }), 'attendees', 'period');
    expect(shown(cell(byYear, '2020-21'))).toBe('370');
  });

  it('councils supported are not added up across programmes', () => {
    const series = listSeries(db, { metrics: ['councils-supported'], from: '2020-04-01', to: '2021-03-31' }, { granularity: 'year' });
    const c = cell(find(series, 'councils-supported'), '2020-21');
    expect(c.status).toBe('not_summable');
    if (c.status === 'not_summable') expect(c.largest?.programme).toBe('Peer Support'); // 235 councils
  });

  it('planned figures stay in their own series, never added to what was delivered', () => {
    const series = listSeries(db, { programmes: ['remote-peer-support'], metrics: ['councils-supported'] }, { granularity: 'quarter' });
    expect(series.map((s) => s.key.basis).sort()).toEqual(['period', 'planned']);
    // 39 councils since the July 2020 launch; sessions with 36 more planned for March to June 2021.
    const delivered = cell(find(series, 'councils-supported', 'period'), '2020-21-Q4');
    expect(delivered.spanning.map((s) => s.value.value)).toEqual([39]);
    const planned = cell(find(series, 'councils-supported', 'planned'), '2021-22-Q1');
    expect(planned.spanning).toEqual([expect.objectContaining({ periodStart: '2021-03-01', periodEnd: '2021-06-30' })]);
    expect(planned.spanning[0]!.value.value).toBe(36);
  });
});

describe('programme and metric names in series', () => {
  it('follow a rename at once, whether made on this connection or committed by another', () => {
    const one = createOnePairDatabase("INSERT INTO observations (programme_id, metric_id, value, basis, period_end) VALUES (1, 1, 5, 'period', '2024-05-31');");
    const names = () => listSeries(one, {}, { granularity: 'quarter', by: ['programme'] }).map((s) => [s.key.programme?.name, s.key.metric.name]);
    expect(names()).toEqual([['P1', 'M1']]);
    one.$client.exec("UPDATE programmes SET name = 'Renamed here' WHERE id = 1");
    expect(names()).toEqual([['Renamed here', 'M1']]);
    const other = openAnotherConnection(one);
    other.$client.exec("UPDATE metrics SET name = 'Renamed there' WHERE id = 1");
    other.$client.close();
    expect(names()).toEqual([['Renamed here', 'Renamed there']]);
  });
});

describe('a page that only lists its charts', () => {
  // Every combination a board, programme or metric page can ask for on the seeded figures.
  const views: FigureFilters[] = [
    {},
    { boards: ['improvement-and-innovation-board'] },
    { programmes: ['remote-peer-support'] },
    { programmes: ['return-to-social-work'], from: '2019-10-01', to: '2021-03-31' },
    { metrics: ['attendees'] },
    { metrics: ['coaching-hours'], to: '2021-03-31' },
    { from: '2020-07-01' },
    { from: '2020-01-01', to: '2020-03-31' },
    { from: '2031-01-01' },
  ];
  it.each(views.flatMap((v) => (['quarter', 'year', 'month'] as const).map((g) => [JSON.stringify(v), g, v] as const)))(
    'lists the metrics and first and last periods the full series would (%s by %s)',
    (_, granularity, filters) => {
      const series = listSeries(db, filters, { granularity });
      const cells = series[0]?.cells ?? [];
      const metrics = [...new Map(series.map((s) => [s.key.metric.slug, s.key.metric])).values()];
      expect(listSeriesOutline(db, filters, granularity)).toEqual({
        metrics,
        span: cells.length ? { from: cells[0]!.bucket, to: cells[cells.length - 1]!.bucket } : null,
      });
    },
  );
});
