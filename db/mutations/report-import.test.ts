import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../lib/errors';
import type { SessionUser } from '../../lib/auth/roles';
import type { AppDatabase } from '../client';
import { getReportReview } from '../queries/report-review';
import { addTestUser, createSeededTestDatabase } from '../testing';
import { acceptProposals, ProposalErrors, storeReport, type ReportDetails } from './report-import';

let db: AppDatabase;
let officer: SessionUser;

beforeEach(() => {
  db = createSeededTestDatabase();
  officer = addTestUser(db, 'officer', 'o@example.gov.uk', 'Olu');
});

// A report written for this test in the style of the board papers (not one of the real five).
const REPORT = [
  'Sector support highlights: summer 2026',
  '',
  'Remote Peer Support',
  'Since April, over 120 councillors have attended our remote peer support sessions, and 14 councils have taken part in a remote panel.',
  'Contact the team on 020 7664 3000 for more information.',
].join('\n');
const details: ReportDetails = { title: 'Sector support highlights (summer 2026)', documentDate: '2026-08-31', datePrecision: 'month', fileName: 'summer-2026.txt', existingSourceId: null, coversFrom: '2026-04-01', coversTo: '2026-08-31' };
const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;

describe('storing an imported report', () => {
  it('creates a source with its text, audited, and recognises the same report imported again', () => {
    const first = storeReport(db, officer, details, REPORT);
    expect(first.alreadyImported).toBe(false);
    // With the months it reports on, which its figures will cover (docs/decisions/0006).
    expect(db.$client.prepare('SELECT covers_from, covers_to FROM sources WHERE id = ?').get(first.sourceId)).toEqual({ covers_from: '2026-04-01', covers_to: '2026-08-31' });
    const stored = db.$client.prepare('SELECT title, file_name, text, content_hash FROM sources WHERE id = ?').get(first.sourceId) as Record<string, string>;
    expect(stored).toMatchObject({ title: details.title, file_name: 'summer-2026.txt', text: REPORT });
    expect(count("SELECT count(*) n FROM audit_log WHERE entity_type = 'source' AND action = 'create'")).toBe(1);
    // The same text with Windows line endings and a BOM is the same report.
    const again = storeReport(db, officer, { ...details, title: 'Another title' }, `\uFEFF${REPORT.replace(/\n/g, '\r\n')}`);
    expect(again).toEqual({ sourceId: first.sourceId, title: details.title, alreadyImported: true });
    expect(count('SELECT count(*) n FROM sources')).toBe(6);
  });

  it('fills in the text of a source registered without it', () => {
    const seeded = db.$client.prepare("SELECT id FROM sources WHERE file_name = '002_26d6f499a0fd7634.txt'").get() as { id: number };
    const stored = storeReport(db, officer, { ...details, existingSourceId: seeded.id }, REPORT);
    expect(stored).toMatchObject({ sourceId: seeded.id, alreadyImported: false });
    expect(count('SELECT count(*) n FROM sources')).toBe(5);
    expect(() => storeReport(db, officer, { ...details, existingSourceId: seeded.id }, `${REPORT}\nMore.`)).toThrow(/already has its text/);
  });

  it('is for officers only', () => {
    expect(() => storeReport(db, { ...officer, role: 'viewer' }, details, REPORT)).toThrow(ForbiddenError);
  });
});

describe('reviewing and accepting proposals', () => {
  it('proposes the report’s figures with their evidence, and accepting adds them linked to the report', () => {
    const { sourceId } = storeReport(db, officer, details, REPORT);
    const review = getReportReview(db, sourceId)!;
    const councillors = review.proposals.find((p) => p.value === 120)!;
    expect(councillors).toMatchObject({ line: 4, qualifier: 'at_least', likelyContext: false, recorded: null });
    expect(councillors.evidence.slice(councillors.numberStart, councillors.numberEnd)).toMatch(/over 120/);
    expect(review.proposals.find((p) => p.value === 3000)?.likelyContext ?? true).toBe(true);

    const figure = {
      programme: 'remote-peer-support', metric: 'attendees', value: '120', qualifier: 'at_least', basis: 'period', periodStart: '2026-04-01',
      periodEnd: '2026-08-31', datePrecision: 'month', note: '', evidence: councillors.evidence, line: '4',
    };
    const result = acceptProposals(db, officer, sourceId, [{ figure, linkTo: null }]);
    expect(result.created).toHaveLength(1);
    const link = db.$client.prepare('SELECT source_id, line, evidence FROM observation_sources WHERE observation_id = ?').get(result.created[0]);
    expect(link).toEqual({ source_id: sourceId, line: 4, evidence: councillors.evidence });
    // Reviewed again, the figure shows as recorded from this report.
    expect(getReportReview(db, sourceId)!.proposals.find((p) => p.value === 120)!.recorded).toEqual({ observationId: result.created[0], how: 'this-report' });
  });

  it('refuses evidence that is not in the report, and saves nothing when any row is wrong', () => {
    const { sourceId } = storeReport(db, officer, details, REPORT);
    const before = count('SELECT count(*) n FROM observations');
    const good = { programme: 'remote-peer-support', metric: 'councils-supported', value: '14', qualifier: 'exact', basis: 'period', periodStart: '', periodEnd: '2026-08-31', datePrecision: 'month', note: '', evidence: '14 councils have taken part in a remote panel', line: '4' };
    const forged = { ...good, value: '999', evidence: '999 councils were transformed overnight' };
    try {
      acceptProposals(db, officer, sourceId, [{ figure: good, linkTo: null }, { figure: forged, linkTo: null }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ProposalErrors);
      expect((error as ProposalErrors).items).toEqual({ 1: { evidence: 'The evidence must be a sentence of this report, at its line' } });
    }
    const unknown = { ...good, programme: 'no-such-programme' };
    expect(() => acceptProposals(db, officer, sourceId, [{ figure: good, linkTo: null }, { figure: unknown, linkTo: null }])).toThrow(ProposalErrors);
    expect(count('SELECT count(*) n FROM observations')).toBe(before);
  });
});
