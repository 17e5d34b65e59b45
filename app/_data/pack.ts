// The board pack (issue: the board's meeting cycle): what a board paper for one quarter or year
// needs, read once for the printable page and the Word document alike.
import type { AppDatabase } from '@/db/client';
import { getComparison } from '@/db/queries/compare';
import { getHeadlines } from '@/db/queries/headlines';
import { lastMeetingBy, type ReportedFigure } from '@/db/queries/meetings';
import { getFigureQuarter } from '@/db/queries/quarters';
import { getBoard, getLatestFigureDate } from '@/db/queries/reference';
import { targetsForPeriod, type TargetRow } from '@/db/queries/targets';
import { annotationsFor } from '@/db/queries/annotations';
import { FLAG_LABELS, listFlags } from '@/db/queries/flags';
import { summarise } from '@/lib/compare';
import { firstParam, type SearchParams } from '@/lib/filters';
import { bucketOf, parsePeriodToken, previousPeriod, type Bucket } from '@/lib/fiscal-periods';
import type { Headline } from '@/lib/headlines';
import { formatPeriod } from '@/lib/period-label';

export interface PackData {
  period: Bucket;
  previous: Bucket;
  board: { slug: string; name: string } | null;
  /** The quarter's status where the pack is of a quarter. */
  status: { label: string; status: 'provisional' | 'final' } | null;
  headlines: Headline[];
  targets: Map<string, TargetRow>;
  summary: string;
  /** What the reports cover, where the cards say they cover only part of the period, once each. */
  coverage: string[];
  /** The latest meeting on record up to the period's end, and the figures restated since it. */
  lastMeeting: { title: string; date: string; restated: ReportedFigure[] } | null;
  sources: { id: number; title: string; date: string; figures: number }[];
  /** Data-quality flags not yet acknowledged on figures ending in the period. */
  flags: { kind: string; text: string }[];
  /** Notes on each headline metric within its trend's quarters, by metric slug. */
  notes: Map<string, { number: number; date: string; text: string; quarter: string }[]>;
}

export type PackResult = { errors: string[]; pack: PackData | null };

/** `period` a quarter or financial-year token (the latest quarter with figures by default); `board` optional. */
export function loadPack(db: AppDatabase, params: SearchParams): PackResult {
  const raw = firstParam(params.period);
  const latest = getLatestFigureDate(db);
  const period = raw ? parsePeriodToken(raw.slice(0, 40)) : latest ? bucketOf(latest, 'quarter') : null;
  if (!period || (period.granularity !== 'quarter' && period.granularity !== 'year'))
    return { errors: [raw ? `“${raw.slice(0, 40)}” is not a quarter or financial year, such as 2020-21-Q4 or 2020-21.` : 'There are no figures yet.'], pack: null };
  const boardSlug = firstParam(params.board);
  const board = boardSlug ? getBoard(db, boardSlug) : null;
  if (boardSlug && !board) return { errors: [`No board is called “${boardSlug.slice(0, 80)}”.`], pack: null };
  const filters = { boards: board ? [board.slug] : [], programmes: [], metrics: [] };
  const previous = previousPeriod(period);
  const headlines = getHeadlines(db, filters, period);
  const comparison = getComparison(db, { a: previous, b: period, boards: filters.boards, programmes: [], metrics: [], errors: [] });
  const last = lastMeetingBy(db, period.end, board?.slug ?? null);
  const restated = last ? [...new Map(last.reported.filter((f) => f.restatements.length).map((f) => [f.id, f])).values()] : [];
  const sources = db.$client
    .prepare(
      `SELECT s.id, s.title, s.document_date AS date, count(DISTINCT o.id) AS figures FROM sources s JOIN observation_sources os ON os.source_id = s.id
       JOIN observations o ON o.id = os.observation_id JOIN programmes p ON p.id = o.programme_id JOIN boards b ON b.id = p.board_id
       WHERE o.deleted_at IS NULL AND o.period_end BETWEEN ? AND ? AND (? IS NULL OR b.slug = ?) GROUP BY s.id ORDER BY s.document_date, s.id`,
    )
    .all(period.start, period.end, board?.slug ?? null, board?.slug ?? null) as PackData['sources'];
  const quarter = period.granularity === 'quarter' ? getFigureQuarter(db, period.end) : null;
  return {
    errors: [],
    pack: {
      period,
      previous,
      board: board ? { slug: board.slug, name: board.name } : null,
      status: quarter ? { label: quarter.label, status: quarter.status } : null,
      headlines,
      // Targets that speak for the pack's view: a board's pack rates none (db/queries/targets.ts).
      targets: targetsForPeriod(db, period.token, { boards: board ? [board.slug] : [] }),
      summary: summarise(comparison),
      coverage: [...new Set(headlines.flatMap((h) => h.current.notes.filter((n) => /^The reports cover|^No report covers/.test(n)).map((n) => `${h.metric.name}: ${n}.`)))],
      lastMeeting: last ? { title: `${last.board.name}, ${formatPeriod(null, last.date, last.precision)}`, date: last.date, restated } : null,
      sources,
      flags: openFlagsIn(db, period, board?.slug ?? null),
      notes: notesOf(db, headlines, filters.boards),
    },
  };
}

/** Flags not yet acknowledged on figures ending in the period (and of the board, if one). */
function openFlagsIn(db: AppDatabase, period: Bucket, board: string | null): PackData['flags'] {
  const ids = new Set(
    db.$client
      .prepare(
        `SELECT o.id FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN boards b ON b.id = p.board_id
         WHERE o.deleted_at IS NULL AND o.period_end BETWEEN ? AND ? AND (? IS NULL OR b.slug = ?)`,
      )
      .pluck()
      .all(period.start, period.end, board, board) as number[],
  );
  return listFlags(db, { identities: false })
    .filter((f) => !f.acknowledged && ids.has(f.figures[0]!))
    .map((f) => ({ kind: FLAG_LABELS[f.kind], text: f.text }));
}

/** Each headline metric's notes within its trend's quarters, numbered, with the quarter each marks. */
function notesOf(db: AppDatabase, headlines: Headline[], boards: string[]): PackData['notes'] {
  const out: PackData['notes'] = new Map();
  for (const h of headlines) {
    const first = h.trend[0];
    const last = h.trend.at(-1);
    if (!first || !last) continue;
    const from = parsePeriodTokenLabel(first.label);
    const to = parsePeriodTokenLabel(last.label);
    if (!from || !to) continue;
    const notes = annotationsFor(db, h.metric.slug, { boards }, from.start, to.end);
    if (notes.length) out.set(h.metric.slug, notes.map((n, i) => ({ number: i + 1, date: n.date, text: n.text, quarter: bucketOf(n.date, 'quarter').label })));
  }
  return out;
}

/** "Q4 2020/21" back to its quarter. */
function parsePeriodTokenLabel(label: string): Bucket | null {
  const m = /^Q([1-4]) (\d{4})\/(\d{2})$/.exec(label);
  return m ? parsePeriodToken(`${m[2]}-${m[3]}-Q${m[1]}`) : null;
}
