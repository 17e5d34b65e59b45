import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { annotationInputSchema } from '@/lib/annotation-input';
import type { AppDatabase } from '@/db/client';
import { addTestUser, createSeededTestDatabase } from '@/db/testing';
import { annotationsFor } from '@/db/queries/annotations';
import { addAnnotation } from '@/db/mutations/annotations';
import { loadMetricPanel } from './page-data';

let db: AppDatabase;
let officer: SessionUser;
beforeEach(() => {
  db = createSeededTestDatabase();
  officer = addTestUser(db, 'officer');
});
const note = (o: Record<string, string> = {}) => annotationInputSchema.parse({ date: '2020-03-23', text: 'First national lockdown', scope: '', ...o });

describe('notes on charts', () => {
  it('appear on the charts they are about: everything, the metric, and the view’s boards and programmes', () => {
    addAnnotation(db, officer, note());
    addAnnotation(db, officer, note({ date: '2020-07-01', text: 'Webinars moved online', scope: 'metric:attendees' }));
    addAnnotation(db, officer, note({ date: '2020-07-02', text: 'Downloads counted afresh', scope: 'metric:downloads' }));
    addAnnotation(db, officer, note({ date: '2020-08-01', text: 'Board away day', scope: 'board:community-wellbeing-board' }));
    const texts = (view: { boards?: string[] }) => annotationsFor(db, 'attendees', view, '2019-04-01', '2021-03-31').map((a) => a.text);
    expect(texts({})).toEqual(['First national lockdown', 'Webinars moved online', 'Board away day']);
    expect(texts({ boards: ['improvement-and-innovation-board'] })).toEqual(['First national lockdown', 'Webinars moved online']);
    // A chart's panel marks each at the period it falls in, numbered in date order.
    const byQuarter = loadMetricPanel(db, { metric: 'attendees', board: 'improvement-and-innovation-board', from: '2019-20', to: '2020-21' }).panel!;
    expect(byQuarter.annotations).toEqual([
      { number: 1, date: '2020-03-23', text: 'First national lockdown', about: 'everything', token: '2019-20-Q4' },
      { number: 2, date: '2020-07-01', text: 'Webinars moved online', about: 'Attendees', token: '2020-21-Q2' },
    ]);
    const byMonth = loadMetricPanel(db, { metric: 'attendees', board: 'improvement-and-innovation-board', from: '2019-20', to: '2020-21', by: 'month' }).panel!;
    expect(byMonth.annotations!.map((a) => a.token)).toEqual(['2020-03', '2020-07']);
  });
});
