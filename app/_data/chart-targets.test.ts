import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { targetInputSchema } from '@/lib/target-input';
import type { AppDatabase } from '@/db/client';
import { addTestUser, createSeededTestDatabase } from '@/db/testing';
import { setTarget } from '@/db/mutations/targets';
import { loadMetricPanel } from './page-data';

let db: AppDatabase;
let officer: SessionUser;
beforeEach(() => {
  db = createSeededTestDatabase();
  officer = addTestUser(db, 'officer');
});
const target = (o: Record<string, string> = {}) =>
  setTarget(db, officer, targetInputSchema.parse({ metric: 'coaching-hours', programme: '', period: '2020-21', basis: 'cumulative', value: '500', amberBelowPct: '', redBelowPct: '', ...o }));

describe('targets on a metric’s chart', () => {
  it('are drawn at the periods of the chart’s granularity, for the whole metric or the one programme shown', () => {
    target();
    target({ period: '2020-21-Q4', basis: 'period', value: '50' });
    const byYear = loadMetricPanel(db, { metric: 'coaching-hours', by: 'year' }).panel!;
    expect(byYear.targets).toEqual([{ token: '2020-21', basis: 'cumulative', value: 500, text: 'Target 500 hours (running total): Green: on target' }]);
    const byQuarter = loadMetricPanel(db, { metric: 'coaching-hours' }).panel!;
    expect(byQuarter.targets?.map((t) => t.token)).toEqual(['2020-21-Q4']);
    // A board's chart is not measured against a whole-metric target.
    expect(loadMetricPanel(db, { metric: 'coaching-hours', by: 'year', board: 'improvement-and-innovation-board' }).panel!.targets).toBeUndefined();
    // One programme's chart shows that programme's own targets only.
    const programme = db.$client.prepare("SELECT p.slug FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN metrics m ON m.id = o.metric_id WHERE m.slug = 'coaching-hours' LIMIT 1").pluck().get() as string;
    expect(loadMetricPanel(db, { metric: 'coaching-hours', by: 'year', programme }).panel!.targets).toBeUndefined();
    target({ programme, value: '100' });
    expect(loadMetricPanel(db, { metric: 'coaching-hours', by: 'year', programme }).panel!.targets?.map((t) => t.value)).toEqual([100]);
  });
});
