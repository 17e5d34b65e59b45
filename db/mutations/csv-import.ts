// Importing a CSV of figures. The file is read as a stream into a staging table (csv-staging.ts,
// so a 100,000-row file never sits in memory), then one pass compares every row with the
// dashboard (lib/csv-import.ts checks each row) and, when committing, writes it through the
// figure writer — in a single transaction with its audit entries. The preview is the same pass
// rolled back, so what the officer is shown is exactly what the import would do.
// The pass waits its turn in the write queue and, between slices of rows, lets other requests
// run: the route gives the import a connection of its own, so readers keep reading the last
// committed figures while a long import is under way, and other writes wait in the queue.
import type { Statement } from 'better-sqlite3';
import type { AppDatabase } from '../client';
import type { SessionUser } from '../../lib/auth/roles';
import { requireRole } from '../../lib/auth/roles';
import { factKey } from '../../lib/figure-row';
import { checkRowReference, type HeaderMap, type ImportReference, type ImportRow, type RowProblem } from '../../lib/csv-import';
import { stageFile, type Staged } from './csv-staging';
import { writeAudit } from './audit';
import { finalQuarterRefusal } from './quarters';
import { figureWriter, retiredRefusal, type FigureRecord, type FigureValues, type FigureWriter } from './figure-writer';
import { queueWrite, yieldToOtherRequests } from '../write-queue';

export type RowStatus = 'new' | 'update' | 'unchanged' | 'error';

export interface PreviewRow {
  row: number;
  status: RowStatus;
  programme: string;
  metric: string;
  value: number | null;
  /** The top of a range, or null. */
  upper: number | null;
  qualifier: string;
  basis: string;
  periodStart: string | null;
  periodEnd: string;
  /** Plain words: what the import does with the row, or why it cannot. */
  detail: string;
  observationId: number | null;
}

export type ImportCounts = Record<RowStatus, number>;

export interface ImportResult {
  fileName: string;
  rows: number;
  counts: ImportCounts;
  /** Up to SAMPLE_PER_STATUS rows of each status, in file order. */
  samples: PreviewRow[];
  /** Every problem, up to MAX_PROBLEMS (problemsTotal says how many there were). */
  problems: RowProblem[];
  problemsTotal: number;
  ignoredColumns: string[];
  /** A problem with the whole file (no header, a missing column, not text): nothing is imported. */
  fileProblem: string | null;
  committed: boolean;
  /** Set when a commit found different counts from the preview the officer saw. */
  changedSincePreview: boolean;
  written: { created: number; updated: number; linked: number };
}

export interface ImportOptions {
  fileName: string;
  mode: 'preview' | 'commit';
  /** 'block': any error row stops the whole import; 'skip': error rows are left out. */
  onError: 'block' | 'skip';
  /** The preview's counts; a commit that finds others writes nothing. */
  expect?: ImportCounts;
  onProgress?: (p: { rows: number; bytes: number }) => void;
}

export const SAMPLE_PER_STATUS = 100;
export const MAX_PROBLEMS = 500;
// Rows read from the staging table at a time.
const APPLY_SLICE = 200;
// The longest the import works before other requests get a turn. By time, not by rows: a row
// costs about 0.1 ms on SQLite and several on PostgreSQL (a round trip per statement and the
// rollups' triggers), and 200 rows at a time there held every other request of the server back
// for a second or more per turn (npm run test:load:postgres).
const SLICE_MS = 10;

class DryRun extends Error {}

function loadReference(sqlite: AppDatabase['$client']): ImportReference {
  const programmes = new Map<string, { id: number; name: string; board: string; boardSlug: string }>();
  for (const p of sqlite
    .prepare('SELECT p.id, p.slug, p.name, b.name AS board, b.slug AS boardSlug FROM programmes p JOIN boards b ON b.id = p.board_id')
    .all() as { id: number; slug: string; name: string; board: string; boardSlug: string }[]) {
    programmes.set(p.slug, p);
    programmes.set(p.name.toLowerCase(), p);
  }
  const metrics = new Map<string, { id: number; name: string; unit: string }>();
  for (const m of sqlite.prepare('SELECT id, slug, name, unit FROM metrics').all() as { id: number; slug: string; name: string; unit: string }[]) {
    metrics.set(m.slug, m);
    metrics.set(m.name.toLowerCase(), m);
  }
  const sources = new Map<string, { id: number }>();
  for (const s of sqlite.prepare('SELECT id, title, file_name FROM sources').all() as { id: number; title: string; file_name: string | null }[]) {
    sources.set(s.title.toLowerCase(), s);
    if (s.file_name) sources.set(s.file_name.toLowerCase(), s);
  }
  return { programmes, metrics, sources };
}

const FIELDS: [keyof ImportRow, string, string][] = [
  ['value', 'value', 'value'],
  ['qualifier', 'qualifier', 'qualifier'],
  ['basis', 'basis', 'basis'],
  ['period_start', 'period_start', 'period start'],
  ['period_end', 'period_end', 'period end'],
  ['date_precision', 'date_precision', 'date precision'],
  ['note', 'note', 'note'],
  ['upper', 'upper_value', 'upper'],
];

/**
 * Compares every staged row with the dashboard and writes it, in one transaction; a preview (or a
 * refused commit) rolls the transaction back, so classification and writing can never disagree.
 */
async function applyStaged(
  db: AppDatabase,
  user: SessionUser,
  staged: { table: string; hash: string; header: HeaderMap },
  options: ImportOptions,
  result: ImportResult,
) {
  const sqlite = db.$client;
  const ref = loadReference(sqlite);
  const present = new Set<string>(staged.header.columns.filter((c) => c !== null));
  const page = sqlite.prepare(`SELECT row, raw, data, problems FROM temp.${staged.table} WHERE row > ? ORDER BY row LIMIT ${APPLY_SLICE}`);
  // A preview writes nothing, so it takes no write lock and never holds up other writers: it reads
  // in a transaction of its own and answers as the writes would (previewWriter). Only a commit
  // writes, in the write queue; it runs the same pass again and is refused if it finds other counts.
  const preview = options.mode === 'preview';
  const getObservation = sqlite.prepare('SELECT * FROM observations WHERE id = ?');
  const isLinked = sqlite.prepare('SELECT 1 FROM observation_sources WHERE observation_id = ? AND source_id = ? AND line IS ?');
  const figures = preview ? previewWriter(sqlite, isLinked) : figureWriter(sqlite, user);
  // A breakdown's total by its value: a live figure of the same programme cited at the same source
  // and line (or, for rows citing this upload, added by this file).
  const findTotal = sqlite.prepare(
    `SELECT o.id FROM observations o JOIN observation_sources os ON os.observation_id = o.id
     WHERE o.programme_id = ? AND o.value = ? AND os.source_id = ? AND os.line IS ? AND o.part_of_id IS NULL AND o.deleted_at IS NULL ORDER BY o.id LIMIT 1`,
  );
  const liveFigure = sqlite.prepare('SELECT id FROM observations WHERE id = ? AND deleted_at IS NULL');
  // Totals this file adds, by programme, value and where they are cited.
  const totalsHere = new Map<string, number>();
  const totalKey = (programmeId: number, value: number, sourceId: number | null, line: number | null) => `${programmeId}|${value}|${sourceId ?? 'upload'}|${sourceId ? line : ''}`;

  // The upload itself is the source of rows that name none: each row is its own evidence.
  let uploadSourceId: number | null =
    (sqlite.prepare('SELECT id FROM sources WHERE content_hash = ?').get(staged.hash) as { id: number } | undefined)?.id ?? null;
  const uploadSource = () => {
    if (uploadSourceId !== null) return uploadSourceId;
    // A preview stands the upload in with an id no source has.
    if (preview) return (uploadSourceId = -1);
    const today = new Date().toISOString().slice(0, 10);
    const created = sqlite
      .prepare("INSERT INTO sources (title, document_date, date_precision, content_hash) VALUES (?, ?, 'day', ?) RETURNING id, title, document_date")
      .get(`${options.fileName} (CSV upload)`, today, staged.hash) as { id: number };
    writeAudit(sqlite, user, { action: 'create', entityType: 'source', id: created.id, before: null, after: created, reason: `CSV import of ${options.fileName}` });
    uploadSourceId = created.id;
    return created.id;
  };
  // Figures this file adds, so a fact repeated within the file becomes one figure with two rows.
  const addedHere = new Map<string, { id: number; row: number }>();
  const reason = (row: number) => `CSV import of ${options.fileName}, row ${row}`;

  // What the pass asks of every row, asked once per answer: which quarters are final and which
  // programmes and metrics retired do not change while the import's transaction is open (the
  // writer asks again as it writes). On PostgreSQL each question is a round trip.
  const finalQuarterAnswers = new Map<string, string | null>();
  const finalQuarterRefusalOf = (periodEnd: string, why: string) => {
    if (!finalQuarterAnswers.has(periodEnd)) finalQuarterAnswers.set(periodEnd, finalQuarterRefusal(sqlite, user, [periodEnd], why));
    return finalQuarterAnswers.get(periodEnd)!;
  };
  const retiredAnswers = new Map<string, Record<string, string> | null>();
  const retiredRefusalOf = (v: FigureValues, before?: FigureRecord) => {
    const key = `${v.programmeId}|${v.metricId}|${before?.programme_id ?? ''}|${before?.metric_id ?? ''}`;
    if (!retiredAnswers.has(key)) retiredAnswers.set(key, retiredRefusal(sqlite, v, before));
    return retiredAnswers.get(key)!;
  };

  const sample = (p: PreviewRow) => {
    result.counts[p.status] += 1;
    if (result.counts[p.status] <= SAMPLE_PER_STATUS) result.samples.push(p);
  };
  const problem = (p: RowProblem) => {
    result.problemsTotal += 1;
    if (result.problems.length < MAX_PROBLEMS) result.problems.push(p);
  };

  const run = async () => {
    let after = 0;
    let sliceStart = performance.now();
    for (;;) {
      const rows = page.all(after) as Staged[];
      if (!rows.length) break;
      after = rows[rows.length - 1]!.row;
      for (const s of rows) {
        if (performance.now() - sliceStart >= SLICE_MS) {
          await yieldToOtherRequests();
          sliceStart = performance.now();
        }
        const blank = { row: s.row, programme: '', metric: '', value: null, upper: null, qualifier: '', basis: '', periodStart: null, periodEnd: '', observationId: null };
        if (s.problems) {
          const problems = JSON.parse(s.problems) as RowProblem[];
          problems.forEach(problem);
          sample({ ...blank, status: 'error', detail: problems.map((p) => p.message).join('; ') });
          continue;
        }
        let r = JSON.parse(s.data!) as ImportRow;
        const shown = { ...blank, programme: r.programme, metric: r.metric, value: r.value, upper: r.upper, qualifier: r.qualifier, basis: r.basis, periodStart: r.period_start, periodEnd: r.period_end };
        const fail = (column: string, message: string) => {
          problem({ row: s.row, column, message });
          sample({ ...shown, status: 'error', detail: message });
        };

        const checked = checkRowReference(r, ref);
        if (!checked.ok) { fail(checked.column, checked.message); continue; }
        // A final quarter's figures are an administrator's to change (quarters.ts): said in the preview, row by row.
        const refusal = finalQuarterRefusalOf(r.period_end, reason(s.row));
        if (refusal) { fail('period_end', refusal); continue; }
        const { programme, metric, sourceId } = checked;
        // Rows that cite no source cite this file, at the row's line: their evidence is what the
        // row's evidence column says, or where it is empty, the row itself.
        const occurrence = () => {
          const id = sourceId ?? uploadSource();
          return { id, evidence: sourceId ? r.evidence! : (r.evidence ?? s.raw), line: sourceId ? r.line : s.row };
        };
        const linkTo = (observationId: number) => {
          const o = occurrence();
          if (figures.cite(observationId, { sourceId: o.id, line: o.line, evidence: o.evidence }, reason(s.row))) result.written.linked += 1;
        };
        // The total a breakdown is part of: by id, or by its value where the row is cited.
        let partOfId: number | null = null;
        if (r.part_of_observation_id !== null) {
          if (!liveFigure.get(r.part_of_observation_id) || r.part_of_observation_id === r.observation_id) {
            fail('part_of_observation_id', `No figure ${r.part_of_observation_id} to be part of; leave part_of_observation_id empty, or give the id of a live figure`);
            continue;
          }
          partOfId = r.part_of_observation_id;
        } else if (r.part_of !== null) {
          partOfId =
            totalsHere.get(totalKey(programme.id, r.part_of, sourceId, r.line)) ??
            (sourceId === null ? undefined : (findTotal.get(programme.id, r.part_of, sourceId, r.line) as { id: number } | undefined)?.id) ??
            null;
          if (partOfId === null) {
            fail('part_of', `No figure of ${programme.name} with the value ${r.part_of} is cited at the same source and line, so this row cannot be part of it; add the total first`);
            continue;
          }
        }
        const values = (): FigureValues => ({
          programmeId: programme.id, metricId: metric.id, value: r.value, upper: r.upper, qualifier: r.qualifier, basis: r.basis,
          periodStart: r.period_start, periodEnd: r.period_end, datePrecision: r.date_precision, note: r.note, partOfId,
        });
        // A retired programme or metric takes no figure (figure-writer.ts): said in the preview, row by row.
        const failRetired = (before?: FigureRecord) => {
          const refusal = retiredRefusalOf(values(), before);
          if (refusal) for (const [column, message] of Object.entries(refusal).slice(0, 1)) fail(column, message);
          return refusal !== null;
        };
        shown.programme = programme.name;
        shown.metric = metric.name;

        const observationId = r.observation_id;
        if (observationId !== null) {
          const before = getObservation.get(observationId) as FigureRecord | undefined;
          if (!before) { fail('observation_id', `No figure has the id ${observationId}; leave observation_id empty to add a new figure`); continue; }
          if (before.deleted_at) { fail('observation_id', `Figure ${observationId} has been deleted; restore it before importing changes to it`); continue; }
          // Exported before someone changed the figure: applying the row would undo their change.
          const staleVersion = r.version !== null && r.version !== before.version;
          // A column the file leaves out keeps the figure's value: only what the file says changes.
          r = { ...r, ...Object.fromEntries(FIELDS.filter(([field]) => !present.has(field)).map(([field, column]) => [field, before[column]])) };
          if (!present.has('part_of') && !present.has('part_of_observation_id')) partOfId = (before.part_of_id as number | null) ?? null;
          const changes = FIELDS.filter(([field, column]) => (r[field] ?? null) !== (before[column] ?? null)).map(([field, column, label]) => `${label} ${before[column] ?? '(none)'} → ${r[field] ?? '(none)'}`);
          if ((before.part_of_id ?? null) !== partOfId) changes.push(`part of figure ${before.part_of_id ?? '(none)'} → ${partOfId ?? '(none)'}`);
          if (before.programme_id !== programme.id) changes.unshift(`programme → ${programme.name}`);
          if (before.metric_id !== metric.id) changes.unshift(`metric → ${metric.name}`);
          if (!changes.length) {
            sample({ ...shown, status: 'unchanged', detail: 'Already recorded with these values', observationId: observationId });
            linkTo(observationId);
            continue;
          }
          if (failRetired(before)) continue;
          if (staleVersion) {
            fail('version', `Figure ${observationId} has changed since this file was exported (it is at version ${before.version}, the file has ${r.version}); export it again and redo this row, or clear its version to overwrite the change`);
            continue;
          }
          figures.change(observationId, before, values(), reason(s.row));
          result.written.updated += 1;
          linkTo(observationId);
          sample({ ...shown, status: 'update', detail: `Changes ${changes.join(', ')}`, observationId: observationId });
          continue;
        }

        const key = factKey({ ...r, programme: programme.name, metric: metric.name });
        const earlier = addedHere.get(key);
        if (earlier) {
          linkTo(earlier.id);
          sample({ ...shown, status: 'unchanged', detail: `Same figure as row ${earlier.row}; recorded once with both rows as sources`, observationId: null });
          continue;
        }
        const existing = figures.findFact(values());
        if (existing !== null) {
          const o = sourceId ?? uploadSourceId;
          const linked = o !== null && isLinked.get(existing, o, sourceId ? r.line : s.row);
          linkTo(existing);
          sample({ ...shown, status: 'unchanged', detail: linked ? `Already recorded as figure ${existing}` : `Already recorded as figure ${existing}; this file is linked as a further source`, observationId: existing });
          continue;
        }
        if (failRetired()) continue;
        const created = figures.add(values(), reason(s.row));
        result.written.created += 1;
        addedHere.set(key, { id: created.id, row: s.row });
        if (partOfId === null) totalsHere.set(totalKey(programme.id, r.value, sourceId, r.line), created.id);
        linkTo(created.id);
        sample({ ...shown, status: 'new', detail: 'New figure', observationId: null });
      }
    }
    const expect = options.expect;
    if (options.mode === 'commit' && expect && (Object.keys(expect) as RowStatus[]).some((k) => expect[k] !== result.counts[k])) {
      result.changedSincePreview = true;
      throw new DryRun();
    }
    if (options.mode === 'preview' || (options.onError === 'block' && result.counts.error > 0) || result.counts.new + result.counts.update + result.written.linked === 0)
      throw new DryRun();
    result.committed = true;
  };
  // One transaction for the whole pass. A commit's is begun IMMEDIATE, in the write queue, so no
  // other writer can slip in between the comparison and the write; it is committed only when the
  // import is to be kept. A preview's only reads: one snapshot, no lock, no queue.
  const pass = async () => {
    sqlite.exec(preview ? 'BEGIN' : 'BEGIN IMMEDIATE');
    try {
      await run();
      sqlite.exec('COMMIT');
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      if (!(error instanceof DryRun)) throw error;
      result.written = { created: 0, updated: 0, linked: 0 };
    }
  };
  await (preview ? pass() : queueWrite(pass));
  // A preview's ids are only those of existing figures: ids given to rolled-back rows mean nothing.
  if (!result.committed) for (const s of result.samples) if (s.status === 'new') s.observationId = null;
}

/**
 * The figure writer's stand-in for a preview: it finds facts as the writer does and writes
 * nothing, answering as the writes would: a new figure gets an id below zero, a citation is new
 * unless the figure has it already or this pass has made it.
 */
function previewWriter(sqlite: AppDatabase['$client'], isCited: Statement): Pick<FigureWriter, 'findFact' | 'add' | 'change' | 'cite'> {
  const reader = figureWriter(sqlite, { id: null, email: 'preview' });
  const cited = new Set<string>();
  let standIn = 0;
  return {
    findFact: (v, citedAt) => reader.findFact(v, citedAt),
    add: () => ({ id: --standIn }),
    change: (id, before) => before,
    cite: (id, c) => {
      const key = `${id}|${c.sourceId}|${c.line}`;
      if (cited.has(key) || (id > 0 && c.sourceId > 0 && isCited.get(id, c.sourceId, c.line))) return false;
      cited.add(key);
      return true;
    },
  };
}

/** Reads, checks and (when committing) imports a CSV file of figures. */
export async function importFiguresCsv(
  db: AppDatabase,
  user: SessionUser,
  input: AsyncIterable<Uint8Array>,
  options: ImportOptions,
): Promise<ImportResult> {
  requireRole(user.role, 'edit_figures');
  const result: ImportResult = {
    fileName: options.fileName,
    rows: 0,
    counts: { new: 0, update: 0, unchanged: 0, error: 0 },
    samples: [],
    problems: [],
    problemsTotal: 0,
    ignoredColumns: [],
    fileProblem: null,
    committed: false,
    changedSincePreview: false,
    written: { created: 0, updated: 0, linked: 0 },
  };
  const sqlite = db.$client;
  const staged = await stageFile(sqlite, input, options.onProgress);
  try {
    result.rows = staged.rows;
    result.ignoredColumns = staged.header?.ignored ?? [];
    result.fileProblem = staged.fileProblem;
    if (!staged.fileProblem) await applyStaged(db, user, { ...staged, header: staged.header! }, options, result);
  } finally {
    sqlite.exec(`DROP TABLE IF EXISTS temp.${staged.table}`);
  }
  return result;
}
