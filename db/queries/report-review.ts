// The figures a stored report proposes, each checked against what the dashboard already holds,
// for the review screen. Extraction runs on every view: it takes milliseconds and so always
// reflects the current programmes and metrics.
import type { AppDatabase } from '../client';
import type { Basis, DatePrecision, Qualifier, Unit } from '../../lib/vocabulary';
import { plainEvidence } from '../../lib/evidence';
import { extractFigures, type ReferenceNames } from '../../lib/extraction';

export interface ReviewSource {
  id: number;
  title: string;
  documentDate: string;
  datePrecision: DatePrecision;
  lines: number;
}

export type RecordedAs =
  /** Already a figure with this report as its source. */
  | { observationId: number; how: 'this-report' }
  /** The same sentence and value are recorded from another copy or report: link this one. */
  | { observationId: number; how: 'same-sentence' }
  /** The same programme, metric, value and period are recorded: link this report to it. */
  | { observationId: number; how: 'same-figure' };

export interface ReviewProposal {
  /** Stable within a report's text: line and position of the number. */
  key: string;
  line: number;
  evidence: string;
  numberStart: number;
  numberEnd: number;
  value: number;
  qualifier: Qualifier;
  unit: Unit;
  counted: string;
  /** Slugs, as the form's lists use them; null when the extractor had no suggestion. */
  metric: string | null;
  programme: string | null;
  board: string | null;
  basis: Basis;
  periodStart: string | null;
  periodEnd: string;
  datePrecision: DatePrecision;
  likelyContext: boolean;
  contextReason: string | null;
  /** The top of a range ("20-30"), else null. */
  upper: number | null;
  /** Where no metric or programme fits: a name from the report for a new one, for the officer to confirm. */
  proposedMetric: string | null;
  proposedProgramme: string | null;
  /** A table's cell: its column's header and its row's label, shown beside the evidence. */
  table: { column: string | null; row: string | null } | null;
  recorded: RecordedAs | null;
}

/** What a report's numbers may be read as: the boards, and the programmes and metrics not retired. */
export function listReferenceNames(db: AppDatabase): ReferenceNames {
  const sqlite = db.$client;
  return {
    boards: sqlite.prepare('SELECT name, slug FROM boards ORDER BY name').all() as ReferenceNames['boards'],
    programmes: sqlite
      .prepare('SELECT p.name, p.slug, b.name AS board, p.theme FROM programmes p JOIN boards b ON b.id = p.board_id WHERE p.retired_at IS NULL ORDER BY p.name')
      .all() as ReferenceNames['programmes'],
    metrics: sqlite.prepare('SELECT name, slug, unit, definition FROM metrics WHERE retired_at IS NULL ORDER BY name').all() as ReferenceNames['metrics'],
  };
}

export function getReviewSource(db: AppDatabase, id: number): (ReviewSource & { text: string }) | null {
  const row = db.$client
    .prepare('SELECT id, title, document_date AS documentDate, date_precision AS datePrecision, text FROM sources WHERE id = ? AND text IS NOT NULL')
    .get(id) as (Omit<ReviewSource, 'lines'> & { text: string }) | undefined;
  return row ? { ...row, lines: row.text.split('\n').length } : null;
}

const overlaps = (a: string, b: string) => a.includes(b) || b.includes(a);

type Candidate = { id: number; qualifier: string; periodEnd: string; programme: string; metric: string; sourceId: number | null; line: number | null; evidence: string | null };

/**
 * A report's repeat of a figure already stored (docs/decisions/0002, "Finding a fact again"), among
 * the live figures with the same value, in this order: cited at this very line of this report;
 * stated in the same sentence elsewhere with the same qualifier; or the same figure by programme,
 * metric, qualifier and period end. Looser than the fact key on purpose: the review then offers to
 * link the report to that figure rather than record the fact twice, and the officer decides.
 */
function howRecorded(
  p: { line: number; evidence: string; qualifier: string; programme: string | null; metric: string | null; periodEnd: string },
  sourceId: number,
  found: Candidate[],
): RecordedAs | null {
  const sentence = plainEvidence(p.evidence);
  const fromHere = found.find((c) => c.sourceId === sourceId && c.line === p.line && c.evidence && overlaps(plainEvidence(c.evidence), sentence));
  if (fromHere) return { observationId: fromHere.id, how: 'this-report' };
  const sameSentence = found.find((c) => c.qualifier === p.qualifier && c.evidence && overlaps(plainEvidence(c.evidence), sentence));
  if (sameSentence) return { observationId: sameSentence.id, how: 'same-sentence' };
  const sameFigure = found.find((c) => c.qualifier === p.qualifier && c.programme === p.programme && c.metric === p.metric && c.periodEnd === p.periodEnd);
  if (sameFigure) return { observationId: sameFigure.id, how: 'same-figure' };
  return null;
}

export function getReportReview(db: AppDatabase, sourceId: number): { source: ReviewSource; proposals: ReviewProposal[] } | null {
  const source = getReviewSource(db, sourceId);
  if (!source) return null;
  const reference = listReferenceNames(db);
  const programmeSlug = new Map(reference.programmes.map((p) => [p.name, p.slug]));
  const metricSlug = new Map(reference.metrics.map((m) => [m.name, m.slug]));
  const proposals = extractFigures(source.text, { reportDate: source.documentDate, datePrecision: source.datePrecision, reference, title: source.title });

  // Every live figure with a value the report states, with its sources: few rows, by index.
  const byValue = db.$client.prepare(
    `SELECT o.id, o.qualifier, o.period_end AS periodEnd, p.slug AS programme, m.slug AS metric, os.source_id AS sourceId, os.line, os.evidence
     FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN metrics m ON m.id = o.metric_id
     LEFT JOIN observation_sources os ON os.observation_id = o.id
     WHERE o.value = ? AND o.deleted_at IS NULL`,
  );
  const candidates = new Map<number, Candidate[]>();
  for (const value of new Set(proposals.map((p) => p.value))) candidates.set(value, byValue.all(value) as Candidate[]);

  return {
    source: { id: source.id, title: source.title, documentDate: source.documentDate, datePrecision: source.datePrecision, lines: source.lines },
    proposals: proposals.map((p) => {
      const programme = p.programme ? (programmeSlug.get(p.programme) ?? null) : null;
      const metric = p.metric ? (metricSlug.get(p.metric) ?? null) : null;
      const recorded = howRecorded({ ...p, programme, metric }, sourceId, candidates.get(p.value) ?? []);
      return {
        key: `${p.line}:${p.numberStart}`,
        line: p.line,
        evidence: p.evidence,
        numberStart: p.numberStart,
        numberEnd: p.numberEnd,
        value: p.value,
        qualifier: p.qualifier,
        unit: p.unit,
        counted: p.counted,
        metric,
        programme,
        board: p.board,
        basis: p.basis,
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        datePrecision: p.datePrecision,
        likelyContext: p.likelyContext,
        contextReason: p.contextReason,
        upper: p.upper,
        proposedMetric: metric ? null : p.proposedMetric,
        proposedProgramme: programme ? null : p.proposedProgramme,
        table: p.table,
        recorded,
      };
    }),
  };
}
