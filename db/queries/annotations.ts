// Annotations: all of them (the Annotations page), and those a chart shows.
import type { AppDatabase } from '../client';

export interface Annotation {
  id: number;
  date: string;
  text: string;
  /** '' for everything, else 'metric:<slug>', 'programme:<slug>' or 'board:<slug>' (the form's value). */
  scope: string;
  /** What it is about, in words: "everything", "Attendees", "Remote Peer Support". */
  about: string;
}

const SELECT = `SELECT a.id, a.date, a.text,
    CASE WHEN m.slug IS NOT NULL THEN 'metric:' || m.slug WHEN p.slug IS NOT NULL THEN 'programme:' || p.slug WHEN b.slug IS NOT NULL THEN 'board:' || b.slug ELSE '' END AS scope,
    coalesce(m.name, p.name, b.name, 'everything') AS about
  FROM annotations a LEFT JOIN metrics m ON m.id = a.metric_id LEFT JOIN programmes p ON p.id = a.programme_id LEFT JOIN boards b ON b.id = a.board_id`;

export function listAnnotations(db: AppDatabase): Annotation[] {
  return db.$client.prepare(`${SELECT} ORDER BY a.date DESC, a.id DESC`).all() as Annotation[];
}

/**
 * The notes a chart of `metric` shows between `from` and `to`: those on everything, on the
 * metric, and on the boards and programmes the view is filtered to (or, with no such filter,
 * on any of them: a note on a programme belongs on the whole metric's chart too).
 */
export function annotationsFor(db: AppDatabase, metric: string, view: { boards?: string[]; programmes?: string[] }, from: string, to: string): Annotation[] {
  const boards = view.boards ?? [];
  const programmes = view.programmes ?? [];
  return db.$client
    .prepare(
      `${SELECT} WHERE a.date BETWEEN ? AND ? AND (
         (a.metric_id IS NULL AND a.programme_id IS NULL AND a.board_id IS NULL)
         OR m.slug = ?
         OR (p.slug IS NOT NULL AND (? = 0 OR p.slug IN (SELECT value FROM json_each(?)) OR p.board_id IN (SELECT id FROM boards WHERE slug IN (SELECT value FROM json_each(?)))))
         OR (b.slug IS NOT NULL AND (? = 0 OR b.slug IN (SELECT value FROM json_each(?)))))
       ORDER BY a.date, a.id`,
    )
    .all(from, to, metric, boards.length + programmes.length, JSON.stringify(programmes), JSON.stringify(boards), boards.length + programmes.length, JSON.stringify(boards)) as Annotation[];
}
