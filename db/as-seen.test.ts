import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../lib/auth/roles';
import { bucketOf } from '../lib/fiscal-periods';
import { LEADING_METRICS } from '../lib/headlines';
import type { AppDatabase } from './client';
import { seenDatabase } from './as-seen';
import { addTestUser, createSeededTestDatabase, figureAsForm } from './testing';
import { deleteObservation, updateObservation } from './mutations/observations';
import { getHeadlines } from './queries/headlines';
import { getDatasetTotals, getObservation } from './queries/observations';
import { getMeeting, listMeetings } from './queries/meetings';

let db: AppDatabase;
let officer: SessionUser;
beforeEach(() => {
  db = createSeededTestDatabase();
  officer = addTestUser(db, 'officer');
});

const BOARD = 'improvement-and-innovation-board';
const MAY = '2020-05-21';
const asForm = (id: number, overrides: Record<string, string> = {}) => figureAsForm(db, id, overrides);
const valueIn = (d: AppDatabase, id: number) => d.$client.prepare('SELECT value FROM observations WHERE id = ?').pluck().get(id) as number | undefined;

describe('the dashboard as the board saw it on a date', () => {
  it('holds exactly the figures the papers to meetings up to the date gave', () => {
    const seen = seenDatabase(db, MAY);
    // Every meeting on or before the date: their figures, each once.
    const meetings = listMeetings(db).filter((m) => m.date <= MAY);
    const ids = new Set(meetings.flatMap((m) => getMeeting(db, m.board.slug, m.date)!.reported.map((f) => f.id)));
    expect(seen.figures).toBe(ids.size);
    expect(seen.papers).toBe(meetings.reduce((n, m) => n + m.papers.length, 0));
    // Of the sources, only those papers.
    expect(seen.db.$client.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(seen.papers);
    const held = seen.db.$client.prepare('SELECT id FROM observations ORDER BY id').pluck().all() as number[];
    expect(held).toEqual([...ids].sort((a, b) => a - b));
    // Fewer than today: the later papers' figures are not there.
    expect(seen.figures).toBeLessThan(getDatasetTotals(db).observations);
    // Before the first paper the board had seen nothing.
    expect(seenDatabase(db, '2019-01-01').figures).toBe(0);
  });

  it('shows a figure as it was cited, not as corrected since, and keeps a figure deleted since', () => {
    const [first, second] = getMeeting(db, BOARD, MAY)!.reported;
    const reported = valueIn(db, first!.id)!;
    updateObservation(db, officer, first!.id, asForm(first!.id, { value: String(reported + 5), reason: 'Corrected after the meeting' }));
    deleteObservation(db, officer, second!.id, 'Counted twice');
    const seen = seenDatabase(db, MAY);
    expect(valueIn(db, first!.id)).toBe(reported + 5);
    expect(valueIn(seen.db, first!.id)).toBe(reported);
    expect(valueIn(seen.db, second!.id)).toBeDefined();
  });

  it('feeds the pages the same way as the live figures: a card as reported, whatever was corrected since', () => {
    const figure = getMeeting(db, BOARD, MAY)!.reported.find((f) => f.basis === 'cumulative' && LEADING_METRICS.some((m) => getObservation(db, f.id)!.metric.slug === m))!;
    const quarter = bucketOf(figure.periodEnd, 'quarter');
    const slug = getObservation(db, figure.id)!.metric.slug;
    const card = (d: AppDatabase) => JSON.stringify(getHeadlines(d, {}, quarter).find((c) => c.metric.slug === slug));
    const before = { live: card(db), seen: card(seenDatabase(db, MAY).db) };
    updateObservation(db, officer, figure.id, asForm(figure.id, { value: String(valueIn(db, figure.id)! + 1000), reason: 'Corrected after the meeting' }));
    const seen = seenDatabase(db, MAY);
    expect(card(db)).not.toBe(before.live);
    expect(card(seen.db)).toBe(before.seen);
    // The rollups were kept by the copy's own triggers: they count exactly the figures held.
    expect(seen.db.$client.prepare('SELECT sum(figures) FROM figure_counts_by_quarter').pluck().get()).toBe(seen.figures);
  });

  it('is read-only, and is built again once anything is written', () => {
    const seen = seenDatabase(db, MAY);
    expect(() => seen.db.$client.prepare('DELETE FROM observations').run()).toThrow(/readonly|query_only/i);
    expect(seenDatabase(db, MAY).db).toBe(seen.db);
    // Every day up to the next meeting shares the copy: the board had seen the same figures.
    const nextDay = seenDatabase(db, '2020-05-22');
    expect(nextDay.db).toBe(seen.db);
    expect(nextDay.date).toBe('2020-05-22');
    const figure = getMeeting(db, BOARD, MAY)!.reported[0]!;
    deleteObservation(db, officer, figure.id, 'Counted twice');
    expect(seenDatabase(db, MAY).db).not.toBe(seen.db);
  });
});
