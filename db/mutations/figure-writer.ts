// The one place figures are written: finding a fact already stored, adding a figure, changing one
// and citing a source for one, each with its audit entry. The form, the report import, the CSV
// import and the seed loader all write through it, inside transactions of their own.
// "One fact, one observation" (docs/decisions/0002): a fact is its programme, metric, value, top of
// a range, qualifier, basis, period and the total it is a part of; findFact looks for exactly that.
import type { AppDatabase } from '../client';
import { writeAudit, type Actor } from './audit';
import { checkFinalQuarters, recordRestatement } from './quarters';
import { ConflictError, InputError } from '../../lib/errors';
import { describeChanges } from '../../lib/figure-changes';
import { listFigureHistory } from '../queries/figure-history';
import { getNamesById } from '../queries/reference';

/** The audited actions that raise a figure's version. */
const VERSION_STEPS = new Set(['update', 'delete', 'restore']);

/** A figure as stored, by the ids of its programme, metric and total. */
export interface FigureValues {
  programmeId: number;
  metricId: number;
  value: number;
  upper: number | null;
  qualifier: string;
  basis: string;
  periodStart: string | null;
  periodEnd: string;
  datePrecision: string;
  note: string | null;
  partOfId: number | null;
}

/** Where a figure is stated: a source, the line and the sentence. */
export interface Citation {
  sourceId: number;
  line: number | null;
  evidence: string;
}

/** A row of the observations table, as the audit trail records it. */
export type FigureRecord = Record<string, unknown> & { id: number };

type SqliteClient = AppDatabase['$client'];

const COLUMNS = 'programme_id, metric_id, value, upper_value, qualifier, basis, period_start, period_end, date_precision, note, part_of_id';
const FACT = `programme_id = ? AND metric_id = ? AND value = ? AND upper_value IS ? AND qualifier = ? AND basis = ?
  AND coalesce(period_start, '') = ? AND period_end = ? AND part_of_id IS ? AND deleted_at IS NULL`;

function prepare(sqlite: SqliteClient) {
  return {
    findFact: sqlite.prepare(`SELECT id FROM observations WHERE ${FACT} ORDER BY id LIMIT 1`),
    findFactCitedAt: sqlite.prepare(
      `SELECT id FROM observations o WHERE ${FACT}
         AND EXISTS (SELECT 1 FROM observation_sources os WHERE os.observation_id = o.id AND os.source_id = ? AND os.line IS ?)
       ORDER BY id LIMIT 1`,
    ),
    insert: sqlite.prepare(`INSERT INTO observations (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`),
    update: sqlite.prepare(
      `UPDATE observations SET programme_id = ?, metric_id = ?, value = ?, upper_value = ?, qualifier = ?, basis = ?, period_start = ?,
         period_end = ?, date_precision = ?, note = ?, part_of_id = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), version = version + 1
       WHERE id = ? RETURNING *`,
    ),
    retired: sqlite.prepare(
      `SELECT 'programme' AS kind, r.name, r.retired_at, i.name AS merged_into FROM programmes r
         LEFT JOIN reference_merges m ON m.kind = 'programme' AND m.from_id = r.id AND m.undone_at IS NULL LEFT JOIN programmes i ON i.id = m.into_id
         WHERE r.id = ? AND r.retired_at IS NOT NULL
       UNION ALL
       SELECT 'metric', r.name, r.retired_at, i.name FROM metrics r
         LEFT JOIN reference_merges m ON m.kind = 'metric' AND m.from_id = r.id AND m.undone_at IS NULL LEFT JOIN metrics i ON i.id = m.into_id
         WHERE r.id = ? AND r.retired_at IS NOT NULL`,
    ),
    cite: sqlite.prepare('INSERT INTO observation_sources (observation_id, source_id, evidence, line) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING'),
  };
}

// Prepared once per connection: an import or the seed writes thousands of figures.
const statements = new WeakMap<SqliteClient, ReturnType<typeof prepare>>();
function statementsFor(sqlite: SqliteClient) {
  let s = statements.get(sqlite);
  if (!s) statements.set(sqlite, (s = prepare(sqlite)));
  return s;
}

/** A stored figure's values, to write it again with some of them changed. */
export const valuesOf = (r: FigureRecord): FigureValues => ({
  programmeId: r.programme_id as number,
  metricId: r.metric_id as number,
  value: r.value as number,
  upper: (r.upper_value as number | null) ?? null,
  qualifier: r.qualifier as string,
  basis: r.basis as string,
  periodStart: (r.period_start as string | null) ?? null,
  periodEnd: r.period_end as string,
  datePrecision: r.date_precision as string,
  note: (r.note as string | null) ?? null,
  partOfId: (r.part_of_id as number | null) ?? null,
});

const columns = (v: FigureValues) =>
  [v.programmeId, v.metricId, v.value, v.upper, v.qualifier, v.basis, v.periodStart, v.periodEnd, v.datePrecision, v.note, v.partOfId] as const;
const factColumns = (v: FigureValues) =>
  [v.programmeId, v.metricId, v.value, v.upper, v.qualifier, v.basis, v.periodStart ?? '', v.periodEnd, v.partOfId] as const;

/**
 * Why a figure may not be written to these ids, or null: a retired programme or metric takes no
 * new figures (docs/decisions/0015). A figure already on it keeps it through any edit; one cannot be
 * moved onto it. Keyed by the form's field ('programme' or 'metric').
 */
export function retiredRefusal(sqlite: SqliteClient, v: Pick<FigureValues, 'programmeId' | 'metricId'>, before?: FigureRecord): Record<string, string> | null {
  const rows = statementsFor(sqlite).retired.all(v.programmeId, v.metricId) as { kind: 'programme' | 'metric'; name: string; retired_at: string; merged_into: string | null }[];
  const refused = rows.filter((r) => !before || before[`${r.kind}_id`] !== (r.kind === 'programme' ? v.programmeId : v.metricId));
  if (!refused.length) return null;
  return Object.fromEntries(
    refused.map((r) => [
      r.kind,
      r.merged_into
        ? `The ${r.kind} “${r.name}” was merged into “${r.merged_into}” on ${r.retired_at.slice(0, 10)}: new figures go to “${r.merged_into}”`
        : `The ${r.kind} “${r.name}” was retired on ${r.retired_at.slice(0, 10)} and takes no new figures; choose another, or an administrator can bring it back`,
    ]),
  );
}

function refuseRetired(sqlite: SqliteClient, v: FigureValues, before?: FigureRecord): void {
  const refusal = retiredRefusal(sqlite, v, before);
  if (refusal) throw new InputError(refusal);
}

/** Writes figures as `actor`. Callers check the role and hold the transaction. */
export function figureWriter(sqlite: SqliteClient, actor: Actor) {
  const st = statementsFor(sqlite);
  return {
    /** The live figure recording this fact (and, given `citedAt`, cited at that source and line). */
    findFact(v: FigureValues, citedAt?: { sourceId: number; line: number | null }): number | null {
      const row = (citedAt ? st.findFactCitedAt.get(...factColumns(v), citedAt.sourceId, citedAt.line) : st.findFact.get(...factColumns(v))) as
        | { id: number }
        | undefined;
      return row?.id ?? null;
    },
    /** Adds a figure and records its creation (in a final quarter: by an administrator, as a restatement). */
    add(v: FigureValues, reason: string | null): FigureRecord {
      refuseRetired(sqlite, v);
      const finals = checkFinalQuarters(sqlite, actor, [v.periodEnd], reason);
      const created = st.insert.get(...columns(v)) as FigureRecord;
      const auditId = writeAudit(sqlite, actor, { action: 'create', entityType: 'observation', id: created.id, before: null, after: created, reason });
      recordRestatement(sqlite, auditId, created.id, finals);
      return created;
    },
    /** Changes a figure, recording it as it was and as it is (in a final quarter: by an administrator, as a restatement). */
    change(id: number, before: FigureRecord, v: FigureValues, reason: string | null): FigureRecord {
      refuseRetired(sqlite, v, before);
      const finals = checkFinalQuarters(sqlite, actor, [before.period_end as string, v.periodEnd], reason);
      const after = st.update.get(...columns(v), id) as FigureRecord;
      const auditId = writeAudit(sqlite, actor, { action: 'update', entityType: 'observation', id, before, after, reason });
      recordRestatement(sqlite, auditId, id, finals);
      return after;
    },
    /** Cites a source for a figure; false when that citation was already there. */
    cite(id: number, c: Citation, reason: string | null): boolean {
      if (!st.cite.run(id, c.sourceId, c.evidence, c.line).changes) return false;
      writeAudit(sqlite, actor, { action: 'link_source', entityType: 'observation', id, before: null, after: { sourceId: c.sourceId, line: c.line, evidence: c.evidence }, reason });
      return true;
    },
  };
}

export type FigureWriter = ReturnType<typeof figureWriter>;

/**
 * Refuses a change made from version `expected` of a figure that is now at another version: the
 * ConflictError says what was changed since, by whom and why, from the audit trail (every version
 * step has its entry). `expected` null (an API client that names no version) is not checked.
 */
export function checkVersion(db: AppDatabase, before: FigureRecord, expected: number | null): void {
  const current = before.version as number;
  if (expected === null || expected === current) return;
  // The figure's history as a non-officer sees it (roles, not emails): its last steps since `expected`.
  const steps = listFigureHistory(db, before.id, { identities: false }).filter((h) => VERSION_STEPS.has(h.action)).slice(-Math.max(1, current - expected));
  const names = getNamesById(db);
  const changes = steps.map((h) => {
    const what = h.action === 'update' ? describeChanges(h.before, h.after, names).join('; ') : h.action === 'delete' ? 'deleted' : 'restored';
    return `${what} (${h.who}, ${h.at.slice(0, 16).replace('T', ' ')}${h.reason ? `: “${h.reason}”` : ''})`;
  });
  throw new ConflictError('Someone changed this figure after you opened it, so nothing was saved. Check what they changed: your entries are kept, and saving again applies them over theirs.', {
    version: current,
    changes,
  });
}
