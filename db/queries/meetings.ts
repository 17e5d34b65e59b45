// What the board saw (issue: the board's meeting cycle; docs/decisions/0013). A meeting is the
// board and date its papers went to: a source's meeting date, or where none is recorded the
// paper's own date. What the board saw is each figure as it stood when it was cited from the
// meeting's papers — the audit trail's snapshot of the figure at its `link_source` entry. Anything
// after that which changed what the figure says is a restatement: an officer's or an
// administrator's correction, a deletion, or a later paper giving a different value for the
// same fact.
import type { AppDatabase } from '../client';
import { publicActor } from '../../lib/auth/roles';
import { formatQualified } from '../../lib/qualifiers';
import type { Basis, DatePrecision, Qualifier, Role, Unit } from '../../lib/vocabulary';

export interface MeetingSummary {
  /** The board's slug and the meeting's date: the meeting's address. */
  board: { slug: string; name: string };
  date: string;
  /** Whether the date is the meeting's (recorded on its papers) or only the paper's own. */
  dateKind: 'meeting' | 'paper';
  /** How precisely the date is known: a meeting's to the day, a paper's as the paper says. */
  precision: DatePrecision;
  papers: { id: number; title: string }[];
  figures: number;
  restated: number;
}

/** The parts of a figure that say what it is: a change to any of them restates it. */
const SUBSTANCE = ['value', 'upper_value', 'qualifier', 'basis', 'period_start', 'period_end', 'programme_id', 'metric_id', 'part_of_id', 'deleted_at'] as const;
type Snapshot = Record<string, unknown>;
const differs = (a: Snapshot, b: Snapshot) => SUBSTANCE.some((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null));

export interface Restatement {
  at: string;
  who: string;
  kind: 'corrected' | 'deleted' | 'restored' | 'later paper';
  /** The figure as it reads after this change ("412", "deleted"). */
  now: string;
  reason: string | null;
  /** For a later paper: which one. */
  paper?: { id: number; title: string; date: string };
}

export interface ReportedFigure {
  id: number;
  paper: { id: number; title: string };
  line: number | null;
  metric: string;
  programme: string;
  basis: Basis;
  periodEnd: string;
  /** As cited from the paper. */
  reported: string;
  /** As it stands now ("deleted" if so). */
  current: string;
  restatements: Restatement[];
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  role: Role | null;
  action: string;
  entity_id: number;
  before: string | null;
  after: string | null;
  reason: string | null;
}

function meetingKey(db: AppDatabase) {
  return db.$client
    .prepare(
      `SELECT s.id, s.title, coalesce(s.meeting_date, s.document_date) AS date, s.meeting_date IS NOT NULL AS known, s.date_precision AS precision, b.slug, b.name
       FROM sources s JOIN boards b ON b.id = s.meeting_board_id ORDER BY date DESC, s.id`,
    )
    .all() as { id: number; title: string; date: string; known: number; precision: DatePrecision; slug: string; name: string }[];
}

/** The meetings with papers on record, newest first, without their figures. */
function meetingsOnRecord(db: AppDatabase): MeetingSummary[] {
  const byKey = new Map<string, MeetingSummary>();
  for (const p of meetingKey(db)) {
    const key = `${p.slug}|${p.date}`;
    let m = byKey.get(key);
    if (!m) byKey.set(key, (m = { board: { slug: p.slug, name: p.name }, date: p.date, dateKind: p.known ? 'meeting' : 'paper', precision: p.known ? 'day' : p.precision, papers: [], figures: 0, restated: 0 }));
    m.papers.push({ id: p.id, title: p.title });
    if (p.known) Object.assign(m, { dateKind: 'meeting', precision: 'day' });
  }
  return [...byKey.values()];
}

/** A meeting's counts from its reported figures: a figure cited twice (two papers, or two lines) was still one figure the board saw. */
function withCounts(m: MeetingSummary, reported: ReportedFigure[]): MeetingSummary {
  return { ...m, figures: new Set(reported.map((f) => f.id)).size, restated: new Set(reported.filter((f) => f.restatements.length).map((f) => f.id)).size };
}

/** Every meeting with papers on record, newest first, with how many figures it was shown and how many were restated since. */
export function listMeetings(db: AppDatabase): MeetingSummary[] {
  return meetingsOnRecord(db).map((m) => withCounts(m, reportedFigures(db, m.papers)));
}

/** One meeting: its papers and every figure they gave, as reported and as now. Null where there is no such meeting. */
export function getMeeting(db: AppDatabase, board: string, date: string): (MeetingSummary & { reported: ReportedFigure[] }) | null {
  const m = meetingsOnRecord(db).find((x) => x.board.slug === board && x.date === date);
  if (!m) return null;
  const reported = reportedFigures(db, m.papers);
  return { ...withCounts(m, reported), reported };
}

/** The latest meeting on or before `date` (of one board, if given), with its figures; null if none. */
export function lastMeetingBy(db: AppDatabase, date: string, board: string | null): ReturnType<typeof getMeeting> {
  const m = meetingsOnRecord(db).find((x) => x.date <= date && (!board || x.board.slug === board));
  return m ? getMeeting(db, m.board.slug, m.date) : null;
}

const show = (s: Snapshot, unit: Unit) => (s.deleted_at ? 'deleted' : formatQualified(Number(s.value), s.qualifier as Qualifier, unit, (s.upper_value as number | null) ?? null));

/** The figures the papers cite (or only `figureId`), each as it stood when cited, with every restatement since. */
function reportedFigures(db: AppDatabase, papers: { id: number; title: string }[], figureId: number | null = null): ReportedFigure[] {
  const sqlite = db.$client;
  const out: ReportedFigure[] = [];
  const links = sqlite.prepare(
    `SELECT a.id AS audit_id, a.entity_id AS figure, json_extract(a.after, '$.line') AS line FROM audit_log a
     WHERE a.entity_type = 'observation' AND a.action = 'link_source' AND json_extract(a.after, '$.sourceId') = ? AND (? IS NULL OR a.entity_id = ?) ORDER BY a.id`,
  );
  const history = sqlite.prepare(
    `SELECT a.id, a.at, a.actor, u.role, a.action, a.entity_id, a.before, a.after, a.reason FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
     WHERE a.entity_type = 'observation' AND a.entity_id = ? AND a.action IN ('create', 'update', 'delete', 'restore') ORDER BY a.id`,
  );
  const figure = sqlite.prepare(
    `SELECT o.*, m.name AS metric_name, m.unit, p.name AS programme_name FROM observations o JOIN metrics m ON m.id = o.metric_id JOIN programmes p ON p.id = o.programme_id WHERE o.id = ?`,
  );
  // The same fact (programme, metric, basis, period, total) with a different number, cited by a later paper.
  const laterPapers = sqlite.prepare(
    `SELECT o.id, o.value, o.qualifier, o.upper_value, s.id AS paper_id, s.title, s.document_date, os.created_at AS at
     FROM observations o JOIN observation_sources os ON os.observation_id = o.id JOIN sources s ON s.id = os.source_id
     WHERE o.deleted_at IS NULL AND o.id != ? AND o.programme_id = ? AND o.metric_id = ? AND o.basis = ? AND coalesce(o.period_start, '') = coalesce(?, '')
       AND o.period_end = ? AND o.part_of_id IS ? AND s.document_date > ? ORDER BY s.document_date, s.id`,
  );
  const paperDate = sqlite.prepare('SELECT document_date FROM sources WHERE id = ?').pluck();
  for (const paper of papers) {
    const date = paperDate.get(paper.id) as string;
    for (const link of links.all(paper.id, figureId, figureId) as { audit_id: number; figure: number; line: number | null }[]) {
      const row = figure.get(link.figure) as (Snapshot & { metric_name: string; unit: Unit; programme_name: string }) | undefined;
      if (!row) continue;
      const steps = history.all(link.figure) as AuditRow[];
      // The figure as cited: its last snapshot written before the citation.
      let cited: Snapshot | null = null;
      for (const s of steps) if (s.id < link.audit_id && s.after) cited = JSON.parse(s.after) as Snapshot;
      if (!cited) continue;
      const restatements: Restatement[] = [];
      let prev = cited;
      for (const s of steps) {
        if (s.id < link.audit_id || !s.after) continue;
        const next = JSON.parse(s.after) as Snapshot;
        if (differs(prev, next))
          restatements.push({
            at: s.at,
            who: publicActor(s.role, s.actor),
            kind: s.action === 'delete' ? 'deleted' : s.action === 'restore' ? 'restored' : 'corrected',
            now: show(next, row.unit),
            reason: s.reason,
          });
        prev = next;
      }
      const later = laterPapers.all(row.id, row.programme_id, row.metric_id, row.basis, row.period_start, row.period_end, row.part_of_id, date) as {
        value: number;
        qualifier: Qualifier;
        upper_value: number | null;
        paper_id: number;
        title: string;
        document_date: string;
        at: string;
      }[];
      for (const l of later)
        restatements.push({
          at: l.at,
          who: 'A later paper',
          kind: 'later paper',
          now: formatQualified(l.value, l.qualifier, row.unit, l.upper_value),
          reason: null,
          paper: { id: l.paper_id, title: l.title, date: l.document_date },
        });
      out.push({
        id: row.id as number,
        paper,
        line: link.line,
        metric: row.metric_name,
        programme: row.programme_name,
        basis: row.basis as Basis,
        periodEnd: row.period_end as string,
        reported: show(cited, row.unit),
        current: show(row, row.unit),
        restatements: restatements.sort((a, b) => a.at.localeCompare(b.at)),
      });
    }
  }
  return out;
}

/** A figure's line of values: as reported to each meeting whose papers cite it, then each restatement. */
export function reportedLine(db: AppDatabase, figureId: number): { paper: { id: number; title: string }; date: string; reported: string; restatements: Restatement[] }[] {
  const papers = db.$client
    .prepare(
      `SELECT DISTINCT s.id, s.title, coalesce(s.meeting_date, s.document_date) AS date FROM observation_sources os JOIN sources s ON s.id = os.source_id
       WHERE os.observation_id = ? ORDER BY date`,
    )
    .all(figureId) as { id: number; title: string; date: string }[];
  return papers.flatMap((p) =>
    reportedFigures(db, [{ id: p.id, title: p.title }], figureId).map((f) => ({ paper: f.paper, date: p.date, reported: f.reported, restatements: f.restatements })),
  );
}
