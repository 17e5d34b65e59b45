import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/roles';
import type { AppDatabase } from '../client';
import { addTestUser, createSeededTestDatabase, figureAsForm } from '../testing';
import { createObservation, deleteObservation, updateObservation } from '../mutations/observations';
import { getObservation } from './observations';
import { getMeeting, listMeetings, reportedLine } from './meetings';

let db: AppDatabase;
let officer: SessionUser;
beforeEach(() => {
  db = createSeededTestDatabase();
  officer = addTestUser(db, 'officer');
});

const BOARD = 'improvement-and-innovation-board';
const asForm = (id: number, overrides: Record<string, string> = {}) => figureAsForm(db, id, overrides);

describe('what the board saw', () => {
  it('lists the May 2020 meeting with the figures its two papers gave, as reported', () => {
    const may = listMeetings(db).find((m) => m.date === '2020-05-21')!;
    expect(may).toMatchObject({ board: { slug: BOARD }, dateKind: 'meeting', restated: 0 });
    expect(may.papers.map((p) => p.title).sort()).toEqual(['Improvement and Innovation Board agenda pack, 21 May 2020', 'LGA Refocused COVID-19 Sector Support (May 2020)']);
    const meeting = getMeeting(db, BOARD, '2020-05-21')!;
    expect(new Set(meeting.reported.map((f) => f.id)).size).toBe(may.figures);
    expect(meeting.reported.length).toBeGreaterThan(5);
    expect(meeting.reported.every((f) => f.reported === f.current && f.restatements.length === 0)).toBe(true);
    // A paper without a meeting date stands at its own date.
    expect(listMeetings(db).find((m) => m.date === '2020-03-31')).toMatchObject({ dateKind: 'paper' });
    expect(getMeeting(db, BOARD, '2019-01-01')).toBeNull();
  });

  it('shows a correction made after the meeting as a restatement, on the meeting and on the figure', () => {
    const figure = getMeeting(db, BOARD, '2020-05-21')!.reported[0]!;
    const o = getObservation(db, figure.id)!;
    updateObservation(db, officer, figure.id, asForm(figure.id, { value: String(o.value + 5), reason: 'The programme corrected its return after the meeting' }));
    // A note alone does not change what the figure says: not a restatement.
    updateObservation(db, officer, figure.id, asForm(figure.id, { note: 'checked', reason: 'Checked' }));
    const after = getMeeting(db, BOARD, '2020-05-21')!;
    const seen = after.reported.find((f) => f.id === figure.id)!;
    expect(seen.reported).toBe(figure.reported);
    expect(seen.current).not.toBe(figure.reported);
    expect(seen.restatements).toEqual([expect.objectContaining({ kind: 'corrected', who: 'An officer', reason: 'The programme corrected its return after the meeting', now: seen.current })]);
    expect(after.restated).toBe(1);
    expect(reportedLine(db, figure.id)[0]).toMatchObject({ reported: figure.reported, restatements: [expect.objectContaining({ kind: 'corrected' })] });
    deleteObservation(db, officer, figure.id, 'Counted twice');
    expect(getMeeting(db, BOARD, '2020-05-21')!.reported.find((f) => f.id === figure.id)!.restatements.map((r) => r.now).at(-1)).toBe('deleted');
  });

  it('shows a later paper giving a different value for the same fact as a restatement', () => {
    const figure = getMeeting(db, BOARD, '2020-05-21')!.reported[0]!;
    const o = getObservation(db, figure.id)!;
    const later = db.$client.prepare("SELECT id FROM sources WHERE document_date > '2020-05-21' ORDER BY document_date LIMIT 1").pluck().get() as number;
    createObservation(db, officer, asForm(figure.id, { value: String(o.value + 100), sourceId: String(later), evidence: 'A later paper says otherwise', line: '1', version: '' }));
    const seen = getMeeting(db, BOARD, '2020-05-21')!.reported.find((f) => f.id === figure.id)!;
    expect(seen.current).toBe(figure.reported);
    expect(seen.restatements).toEqual([expect.objectContaining({ kind: 'later paper', paper: expect.objectContaining({ id: later }) })]);
  });
});
