// The dashboard as the board saw it on a date (issue: the board's meeting cycle;
// docs/decisions/0013). What a board saw is what the papers to its meetings gave, each figure as
// it stood when it was cited (the audit trail's snapshot before its `link_source` entry, as
// db/queries/meetings.ts reads it for one meeting). For a date, that is every figure cited by a
// paper to any meeting on or before it, as of its latest such citation: figures entered or cited
// later, later corrections and later papers' restatements are left out, and a figure deleted
// before it was cited is left out.
//
// Rather than teach every page's query a second way to read figures, the figures as seen are
// written into a private in-memory database with the same schema, rollups and triggers; the
// pages read it exactly as they read the live one. The papers of the date, and the boards,
// programmes, metrics, targets, notes and quarters' status as they are today, are copied with
// them. The copy is read-only. It is made once per meeting (every day up to the next meeting saw
// the same figures) and kept for the last few asked for, until anything is written to the live
// database (the audit trail's last id names its state).
import { openDatabase, type AppDatabase } from './client';
import { migrateDatabase } from './migrate';

export interface SeenDatabase {
  db: AppDatabase;
  /** The date asked for (YYYY-MM-DD). */
  date: string;
  /** How many figures the board had been given by then, and by how many papers. */
  figures: number;
  papers: number;
}

/** Tables copied as they are today, parents before children; of the sources, only the papers of the date. */
const COPIED = ['boards', 'programmes', 'metrics', 'sources', 'quarter_statuses', 'targets', 'annotations'] as const;

const cache = new Map<string, SeenDatabase>();
const KEPT = 4;

/** The figures as the board saw them on `date` (YYYY-MM-DD), in a read-only database of their own. */
export function seenDatabase(live: AppDatabase, date: string): SeenDatabase {
  const sqlite = live.$client;
  const state = (sqlite.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number) + '|' + sqlite.name;
  // What the board had seen changes only at a meeting: every day up to the next one shares a copy,
  // so however many days are asked for, there are no more copies to build than meetings.
  const meeting = sqlite
    .prepare('SELECT max(coalesce(meeting_date, document_date)) FROM sources WHERE meeting_board_id IS NOT NULL AND coalesce(meeting_date, document_date) <= ?')
    .pluck()
    .get(date) as string | null;
  const key = `${state}|${meeting ?? 'before any meeting'}`;
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last, so that the oldest is the one let go.
    cache.delete(key);
    cache.set(key, hit);
    return { ...hit, date };
  }

  const seen = openDatabase(':memory:');
  migrateDatabase(seen);
  const target = seen.$client;
  // Users are not copied, so rows that name who made them cannot point at one.
  target.pragma('foreign_keys = OFF');

  const papers = sqlite
    .prepare('SELECT id FROM sources WHERE meeting_board_id IS NOT NULL AND coalesce(meeting_date, document_date) <= ?')
    .pluck()
    .all(date) as number[];
  // Each figure's latest citation by one of those papers, and its snapshot just before it.
  const figures = sqlite
    .prepare(
      `WITH papers AS (SELECT value AS id FROM json_each(?)),
       cited AS (
         SELECT a.entity_id AS figure, max(a.id) AS link FROM audit_log a
         WHERE a.entity_type = 'observation' AND a.action = 'link_source' AND json_extract(a.after, '$.sourceId') IN (SELECT id FROM papers)
         GROUP BY a.entity_id
       )
       SELECT (SELECT s.after FROM audit_log s WHERE s.entity_type = 'observation' AND s.entity_id = cited.figure
                 AND s.action IN ('create', 'update', 'delete', 'restore') AND s.id < cited.link ORDER BY s.id DESC LIMIT 1) AS snapshot
       FROM cited ORDER BY cited.figure`,
    )
    .pluck()
    .all(JSON.stringify(papers)) as (string | null)[];

  const columns = (table: string) => (target.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter((c) => c !== 'rowid');
  target.transaction(() => {
    for (const table of COPIED) {
      const names = columns(table);
      const insert = target.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
      const rows = sqlite.prepare(`SELECT ${names.join(', ')} FROM ${table} ${table === 'sources' ? 'WHERE id IN (SELECT value FROM json_each(?))' : ''}`).raw();
      for (const row of table === 'sources' ? rows.iterate(JSON.stringify(papers)) : rows.iterate()) insert.run(...(row as unknown[]));
    }
    const observationColumns = columns('observations');
    const insertFigure = target.prepare(
      `INSERT INTO observations (${observationColumns.join(', ')}) VALUES (${observationColumns.map((c) => `@${c}`).join(', ')})`,
    );
    const kept: number[] = [];
    for (const snapshot of figures) {
      if (!snapshot) continue;
      const row = JSON.parse(snapshot) as Record<string, unknown>;
      if (row.deleted_at) continue;
      insertFigure.run(Object.fromEntries(observationColumns.map((c) => [c, row[c] ?? null])));
      kept.push(row.id as number);
    }
    // Each kept figure's citations by the papers of the date, as recorded.
    const linkColumns = columns('observation_sources');
    const insertLink = target.prepare(`INSERT INTO observation_sources (${linkColumns.join(', ')}) VALUES (${linkColumns.map(() => '?').join(', ')})`);
    const links = sqlite.prepare(
      `SELECT ${linkColumns.map((c) => `os.${c}`).join(', ')} FROM observation_sources os
       WHERE os.observation_id IN (SELECT value FROM json_each(?)) AND os.source_id IN (SELECT value FROM json_each(?))`,
    );
    for (const row of links.raw().iterate(JSON.stringify(kept), JSON.stringify(papers))) insertLink.run(...(row as unknown[]));
  })();
  target.pragma('query_only = ON');

  const result: SeenDatabase = {
    db: seen,
    date,
    figures: target.prepare('SELECT count(*) FROM observations').pluck().get() as number,
    papers: papers.length,
  };
  cache.set(key, result);
  while (cache.size > KEPT) {
    const [oldest, old] = cache.entries().next().value!;
    cache.delete(oldest);
    old.db.$client.close();
  }
  return result;
}
