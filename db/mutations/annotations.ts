// Adding, changing and removing annotations: officers and administrators, each write audited
// (entity type 'annotation') in its own transaction.
import type { AppDatabase } from '../client';
import { requireRole, type SessionUser } from '../../lib/auth/roles';
import { InputError, NotFoundError } from '../../lib/errors';
import { parseScope, type AnnotationInput } from '../../lib/annotation-input';
import { writeAudit } from './audit';

type SqliteClient = AppDatabase['$client'];

/** The scope's ids: at most one of metric, programme and board. */
function scopeIds(sqlite: SqliteClient, scope: string): [number | null, number | null, number | null] {
  const s = parseScope(scope);
  if (!s) return [null, null, null];
  const table = { metric: 'metrics', programme: 'programmes', board: 'boards' }[s.kind];
  const id = sqlite.prepare(`SELECT id FROM ${table} WHERE slug = ?`).pluck().get(s.slug) as number | undefined;
  if (id === undefined) throw new InputError({ scope: `There is no ${s.kind} “${s.slug}”: choose what the note is about from the list` });
  return [s.kind === 'metric' ? id : null, s.kind === 'programme' ? id : null, s.kind === 'board' ? id : null];
}

export function addAnnotation(db: AppDatabase, user: SessionUser, input: AnnotationInput): number {
  requireRole(user.role, 'annotate');
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    const after = sqlite
      .prepare('INSERT INTO annotations (date, text, metric_id, programme_id, board_id) VALUES (?, ?, ?, ?, ?) RETURNING *')
      .get(input.date, input.text, ...scopeIds(sqlite, input.scope)) as { id: number };
    writeAudit(sqlite, user, { action: 'create', entityType: 'annotation', id: after.id, before: null, after, reason: null });
    return after.id;
  })();
}

export function updateAnnotation(db: AppDatabase, user: SessionUser, id: number, input: AnnotationInput): void {
  requireRole(user.role, 'annotate');
  const sqlite = db.$client;
  sqlite.transaction(() => {
    const before = sqlite.prepare('SELECT * FROM annotations WHERE id = ?').get(id);
    if (!before) throw new NotFoundError('No such note');
    const after = sqlite
      .prepare('UPDATE annotations SET date = ?, text = ?, metric_id = ?, programme_id = ?, board_id = ? WHERE id = ? RETURNING *')
      .get(input.date, input.text, ...scopeIds(sqlite, input.scope), id);
    writeAudit(sqlite, user, { action: 'update', entityType: 'annotation', id, before, after, reason: null });
  })();
}

export function removeAnnotation(db: AppDatabase, user: SessionUser, id: number): void {
  requireRole(user.role, 'annotate');
  const sqlite = db.$client;
  sqlite.transaction(() => {
    const before = sqlite.prepare('SELECT * FROM annotations WHERE id = ?').get(id);
    if (!before) throw new NotFoundError('No such note');
    sqlite.prepare('DELETE FROM annotations WHERE id = ?').run(id);
    writeAudit(sqlite, user, { action: 'delete', entityType: 'annotation', id, before, after: null, reason: null });
  })();
}
