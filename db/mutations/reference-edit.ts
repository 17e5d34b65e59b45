// Editing the reference data (issue: officers' spreadsheets and administration). Officers edit
// the names and descriptions of boards, programmes and metrics. Administrators also:
//   rename   give a new address (slug); the old one is kept as a redirect, so shared links work;
//   retire   hide from the pickers of new figures, keeping every figure and page (and undo it);
//   merge    move every figure, target and note of one programme (or metric) to another, after
//            a preview that lists the figures that would then state the same fact twice; the
//            merged one is retired and its address points at the other. A merge is recorded
//            (reference_merges) with what it moved, so that it can be undone exactly.
// Everything is audited in the change's own transaction: each moved figure has its own entry,
// before and after, so its history and the meetings' restatements show it.
import type { AppDatabase } from '../client';
import { requireRole, type SessionUser } from '../../lib/auth/roles';
import { InputError, NotFoundError } from '../../lib/errors';
import { slugFor } from '../../lib/reference-input';
import { writeAudit } from './audit';
import { figureWriter, valuesOf, type FigureRecord } from './figure-writer';
import { isUniqueViolation } from '../engine/errors';

export type EditableKind = 'board' | 'programme' | 'metric';
const TABLE: Record<EditableKind, string> = { board: 'boards', programme: 'programmes', metric: 'metrics' };
/** The column a figure names it by (boards are named through their programmes). */
const FIGURE_COLUMN: Record<Exclude<EditableKind, 'board'>, string> = { programme: 'programme_id', metric: 'metric_id' };
/** The text that says what it is: a metric's definition, the others' description. */
const ABOUT: Record<EditableKind, string> = { board: 'description', programme: 'description', metric: 'definition' };
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const rowOf = (db: AppDatabase, kind: EditableKind, id: number) =>
  db.$client.prepare(`SELECT * FROM ${TABLE[kind]} WHERE id = ?`).get(id) as (Record<string, unknown> & { id: number; slug: string; name: string; retired_at: string | null }) | undefined;

function found(db: AppDatabase, kind: EditableKind, id: number) {
  const row = rowOf(db, kind, id);
  if (!row) throw new NotFoundError(`No such ${kind}`);
  return row;
}

/**
 * The id a slug names now: through its redirect when it has one (a renamed one's old address, or
 * a merged one's, which keeps its own row, retired), else its own.
 */
export function resolveSlug(db: AppDatabase, kind: EditableKind, slug: string): { id: number; slug: string; redirected: boolean } | null {
  const to = db.$client
    .prepare(`SELECT t.id, t.slug FROM slug_redirects r JOIN ${TABLE[kind]} t ON t.id = r.entity_id WHERE r.kind = ? AND r.old_slug = ?`)
    .get(kind, slug) as { id: number; slug: string } | undefined;
  if (to) return { ...to, redirected: true };
  const own = db.$client.prepare(`SELECT id, slug FROM ${TABLE[kind]} WHERE slug = ?`).get(slug) as { id: number; slug: string } | undefined;
  return own ? { ...own, redirected: false } : null;
}

/** Officers: a new name and description (or a metric's definition). The address stays. */
export function editReference(db: AppDatabase, user: SessionUser, kind: EditableKind, id: number, input: { name: string; about: string | null }): void {
  requireRole(user.role, 'manage_reference');
  const name = input.name.trim();
  if (!name || name.length > 200) throw new InputError({ name: 'Give it a name of up to 200 characters' });
  if (kind === 'metric' && !input.about?.trim()) throw new InputError({ about: 'Say what the metric counts' });
  const sqlite = db.$client;
  sqlite.transaction(() => {
    const before = found(db, kind, id);
    try {
      sqlite.prepare(`UPDATE ${TABLE[kind]} SET name = ?, ${ABOUT[kind]} = ? WHERE id = ?`).run(name, input.about?.trim() || null, id);
    } catch (error) {
      if (isUniqueViolation(error)) throw new InputError({ name: `There is already a ${kind} called ${name}` });
      throw error;
    }
    writeAudit(sqlite, user, { action: 'update', entityType: kind, id, before, after: rowOf(db, kind, id), reason: 'Name or description edited' });
  })();
}

/** Administrators: a new address (from the new name when none is given); the old address redirects to it. */
export function renameReference(db: AppDatabase, admin: SessionUser, kind: EditableKind, id: number, input: { name: string; slug?: string }): { slug: string } {
  requireRole(admin.role, 'administer_reference');
  const name = input.name.trim();
  const slug = (input.slug?.trim() || slugFor(name)).toLowerCase();
  if (!name || name.length > 200) throw new InputError({ name: 'Give it a name of up to 200 characters' });
  if (!SLUG.test(slug) || slug.length > 100) throw new InputError({ slug: 'An address is lowercase words joined by hyphens, such as leadership-essentials' });
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    const before = found(db, kind, id);
    const taken = resolveSlug(db, kind, slug);
    if (taken && taken.id !== id) throw new InputError({ slug: `The address ${slug} is already used by another ${kind}` });
    try {
      sqlite.prepare(`UPDATE ${TABLE[kind]} SET name = ?, slug = ? WHERE id = ?`).run(name, slug, id);
    } catch (error) {
      if (isUniqueViolation(error)) throw new InputError({ name: `There is already a ${kind} called ${name}` });
      throw error;
    }
    if (before.slug !== slug) {
      // Its old address points here; a former address it takes back is no longer a redirect.
      sqlite.prepare('INSERT INTO slug_redirects (kind, old_slug, entity_id) VALUES (?, ?, ?) ON CONFLICT (kind, old_slug) DO UPDATE SET entity_id = excluded.entity_id').run(kind, before.slug, id);
      sqlite.prepare('DELETE FROM slug_redirects WHERE kind = ? AND old_slug = ?').run(kind, slug);
    }
    writeAudit(sqlite, admin, { action: 'update', entityType: kind, id, before, after: rowOf(db, kind, id), reason: before.slug === slug ? 'Renamed' : `Renamed; ${before.slug} now redirects to ${slug}` });
    return { slug };
  })();
}

/** Administrators: retire (hidden from pickers, history kept) or bring back. */
export function setRetired(db: AppDatabase, admin: SessionUser, kind: EditableKind, id: number, retired: boolean, now = new Date()): void {
  requireRole(admin.role, 'administer_reference');
  const sqlite = db.$client;
  sqlite.transaction(() => {
    const before = found(db, kind, id);
    sqlite.prepare(`UPDATE ${TABLE[kind]} SET retired_at = ? WHERE id = ?`).run(retired ? now.toISOString() : null, id);
    writeAudit(sqlite, admin, { action: 'update', entityType: kind, id, before, after: rowOf(db, kind, id), reason: retired ? 'Retired' : 'Brought back' });
  })();
}

export interface MergePreview {
  figures: number;
  targets: number;
  annotations: number;
  /** Pairs that would state the same fact twice once merged: the figure moving, and the one already there. */
  duplicates: { moving: number; staying: number; text: string }[];
}

/** What merging `fromId` into `intoId` would move, and the figures that would then be duplicates. */
export function previewMerge(db: AppDatabase, kind: 'programme' | 'metric', fromId: number, intoId: number): MergePreview {
  found(db, kind, fromId);
  found(db, kind, intoId);
  if (fromId === intoId) throw new InputError({ into: `Choose a different ${kind} to merge into` });
  const col = FIGURE_COLUMN[kind];
  const other = kind === 'programme' ? 'metric_id' : 'programme_id';
  const sqlite = db.$client;
  if (kind === 'metric') {
    const units = sqlite.prepare('SELECT DISTINCT unit FROM metrics WHERE id IN (?, ?)').pluck().all(fromId, intoId) as string[];
    if (units.length > 1) throw new InputError({ into: 'These metrics have different units, so their figures cannot be one metric' });
  }
  const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table} WHERE ${col} = ?`).pluck().get(fromId) as number;
  const duplicates = sqlite
    .prepare(
      `SELECT a.id AS moving, b.id AS staying, a.value, a.period_end FROM observations a JOIN observations b
         ON b.${col} = ? AND b.${other} = a.${other} AND b.basis = a.basis AND b.value = a.value AND b.period_end = a.period_end
        AND coalesce(b.period_start, '') = coalesce(a.period_start, '') AND b.deleted_at IS NULL
       WHERE a.${col} = ? AND a.deleted_at IS NULL ORDER BY a.id`,
    )
    .all(intoId, fromId) as { moving: number; staying: number; value: number; period_end: string }[];
  return {
    figures: sqlite.prepare(`SELECT count(*) FROM observations WHERE ${col} = ? AND deleted_at IS NULL`).pluck().get(fromId) as number,
    targets: count('targets'),
    annotations: count('annotations'),
    duplicates: duplicates.map((d) => ({ moving: d.moving, staying: d.staying, text: `figure ${d.moving} and figure ${d.staying} both say ${d.value.toLocaleString('en-GB')} for the period ending ${d.period_end}` })),
  };
}

/**
 * Administrators: merges `fromId` into `intoId`. Every figure (deleted ones too), target and note
 * moves; a target the other already has for the same period and basis stays behind with the
 * retired one. The merged one is retired and its address redirects. Returns the merge's id.
 */
export function mergeReference(db: AppDatabase, admin: SessionUser, kind: 'programme' | 'metric', fromId: number, intoId: number, now = new Date()): number {
  requireRole(admin.role, 'administer_reference');
  const col = FIGURE_COLUMN[kind];
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    previewMerge(db, kind, fromId, intoId); // the same checks
    const from = found(db, kind, fromId);
    const into = found(db, kind, intoId);
    const reason = `Merged ${kind} ${from.name} into ${into.name}`;
    const figures = sqlite.prepare(`SELECT id FROM observations WHERE ${col} = ? ORDER BY id`).pluck().all(fromId) as number[];
    moveFigures(db, admin, col, figures, intoId, reason);
    const targets = sqlite
      .prepare(
        `SELECT t.id FROM targets t WHERE t.${col} = ? AND NOT EXISTS (SELECT 1 FROM targets u WHERE u.${col} = ? AND u.period = t.period AND u.basis = t.basis
           AND coalesce(u.${kind === 'metric' ? 'programme_id' : 'metric_id'}, 0) = coalesce(t.${kind === 'metric' ? 'programme_id' : 'metric_id'}, 0))`,
      )
      .pluck()
      .all(fromId, intoId) as number[];
    for (const t of targets) sqlite.prepare(`UPDATE targets SET ${col} = ? WHERE id = ?`).run(intoId, t);
    const annotations = sqlite.prepare(`SELECT id FROM annotations WHERE ${col} = ?`).pluck().all(fromId) as number[];
    sqlite.prepare(`UPDATE annotations SET ${col} = ? WHERE ${col} = ?`).run(intoId, fromId);
    sqlite.prepare(`UPDATE ${TABLE[kind]} SET retired_at = ? WHERE id = ?`).run(now.toISOString(), fromId);
    sqlite.prepare('INSERT INTO slug_redirects (kind, old_slug, entity_id) VALUES (?, ?, ?) ON CONFLICT (kind, old_slug) DO UPDATE SET entity_id = excluded.entity_id').run(kind, from.slug, intoId);
    const merge = sqlite
      .prepare('INSERT INTO reference_merges (kind, from_id, into_id, moved) VALUES (?, ?, ?, ?) RETURNING id')
      .get(kind, fromId, intoId, JSON.stringify({ figures, targets, annotations })) as { id: number };
    writeAudit(sqlite, admin, { action: 'update', entityType: kind, id: fromId, before: from, after: { ...rowOf(db, kind, fromId), merged_into: into.slug, merge: merge.id, moved: { figures: figures.length, targets: targets.length, annotations: annotations.length } }, reason });
    return merge.id;
  })();
}

// Through the figure writer, as every edit of a figure: its audit entry, its version, and in a
// final quarter its restatement (the merge's reason is the restatement's).
function moveFigures(db: AppDatabase, admin: SessionUser, col: string, ids: number[], to: number, reason: string): void {
  const sqlite = db.$client;
  const read = sqlite.prepare('SELECT * FROM observations WHERE id = ?');
  const figures = figureWriter(sqlite, admin);
  for (const id of ids) {
    const before = read.get(id) as FigureRecord;
    figures.change(id, before, { ...valuesOf(before), [col === 'programme_id' ? 'programmeId' : 'metricId']: to }, reason);
  }
}

/** The merges on record for one programme or metric (either side), newest first. */
export function listMerges(db: AppDatabase, kind: 'programme' | 'metric', id: number) {
  return db.$client
    .prepare(
      `SELECT m.id, m.created_at AS at, m.undone_at AS undoneAt, f.name AS fromName, f.slug AS fromSlug, i.name AS intoName, i.slug AS intoSlug, m.moved
       FROM reference_merges m JOIN ${TABLE[kind]} f ON f.id = m.from_id JOIN ${TABLE[kind]} i ON i.id = m.into_id
       WHERE m.kind = ? AND (m.from_id = ? OR m.into_id = ?) ORDER BY m.id DESC`,
    )
    .all(kind, id, id)
    .map((r) => {
      const row = r as { id: number; at: string; undoneAt: string | null; fromName: string; fromSlug: string; intoName: string; intoSlug: string; moved: string };
      const moved = JSON.parse(row.moved) as { figures: number[] };
      return { ...row, figures: moved.figures.length };
    });
}

/** Administrators: undoes a merge: what it moved goes back, the merged one returns, its address is its own again. */
export function undoMerge(db: AppDatabase, admin: SessionUser, mergeId: number, now = new Date()): void {
  requireRole(admin.role, 'administer_reference');
  const sqlite = db.$client;
  sqlite.transaction(() => {
    const merge = sqlite.prepare('SELECT * FROM reference_merges WHERE id = ?').get(mergeId) as
      | { id: number; kind: 'programme' | 'metric'; from_id: number; into_id: number; moved: string; undone_at: string | null }
      | undefined;
    if (!merge) throw new NotFoundError('No such merge');
    if (merge.undone_at) throw new InputError({ merge: 'This merge has already been undone' });
    const col = FIGURE_COLUMN[merge.kind];
    const from = found(db, merge.kind, merge.from_id);
    const into = found(db, merge.kind, merge.into_id);
    const moved = JSON.parse(merge.moved) as { figures: number[]; targets: number[]; annotations: number[] };
    const reason = `Undid the merge of ${merge.kind} ${from.name} into ${into.name}`;
    // Only what still sits where the merge put it goes back.
    const stillThere = (table: string, ids: number[]) =>
      ids.filter((id) => (sqlite.prepare(`SELECT ${col} FROM ${table} WHERE id = ?`).pluck().get(id) as number | undefined) === merge.into_id);
    // Brought back first: a retired one takes no figures (figure-writer.ts).
    sqlite.prepare(`UPDATE ${TABLE[merge.kind]} SET retired_at = NULL WHERE id = ?`).run(merge.from_id);
    sqlite.prepare('UPDATE reference_merges SET undone_at = ? WHERE id = ?').run(now.toISOString(), mergeId);
    moveFigures(db, admin, col, stillThere('observations', moved.figures), merge.from_id, reason);
    for (const t of stillThere('targets', moved.targets)) sqlite.prepare(`UPDATE targets SET ${col} = ? WHERE id = ?`).run(merge.from_id, t);
    for (const a of stillThere('annotations', moved.annotations)) sqlite.prepare(`UPDATE annotations SET ${col} = ? WHERE id = ?`).run(merge.from_id, a);
    sqlite.prepare('DELETE FROM slug_redirects WHERE kind = ? AND old_slug = ? AND entity_id = ?').run(merge.kind, from.slug, merge.into_id);
    writeAudit(sqlite, admin, { action: 'update', entityType: merge.kind, id: merge.from_id, before: from, after: rowOf(db, merge.kind, merge.from_id), reason });
  })();
}
