// Adding boards, programmes, metrics and sources (officers), audited in the same transaction.
import { z } from 'zod';
import type { AppDatabase } from '../client';
import type { SessionUser } from '../../lib/auth/roles';
import { requireRole } from '../../lib/auth/roles';
import { REFERENCE_SCHEMAS, slugFor, type ReferenceKind } from '../../lib/reference-input';
import { InputError } from '../../lib/errors';
import { writeAudit } from './audit';
import { isUniqueViolation } from '../engine/errors';

type Input<K extends ReferenceKind> = z.output<(typeof REFERENCE_SCHEMAS)[K]>;

export function createReference<K extends ReferenceKind>(db: AppDatabase, user: SessionUser, kind: K, input: Input<K>): { id: number; slug?: string } {
  requireRole(user.role, 'manage_reference');
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    let row: { id: number; slug?: string } & Record<string, unknown>;
    try {
      if (kind === 'board') {
        const i = input as Input<'board'>;
        row = sqlite.prepare('INSERT INTO boards (slug, name, description) VALUES (?, ?, ?) RETURNING *').get(slugFor(i.name), i.name, i.description) as typeof row;
      } else if (kind === 'programme') {
        const i = input as Input<'programme'>;
        const board = sqlite.prepare('SELECT id FROM boards WHERE slug = ?').get(i.board) as { id: number } | undefined;
        if (!board) throw new InputError({ board: 'Choose the lead board from the list' });
        row = sqlite
          .prepare('INSERT INTO programmes (slug, name, board_id, theme, description) VALUES (?, ?, ?, ?, ?) RETURNING *')
          .get(slugFor(i.name), i.name, board.id, i.theme, i.description) as typeof row;
      } else if (kind === 'metric') {
        const i = input as Input<'metric'>;
        row = sqlite
          .prepare('INSERT INTO metrics (slug, name, unit, category, additivity, definition) VALUES (?, ?, ?, ?, ?, ?) RETURNING *')
          .get(slugFor(i.name), i.name, i.unit, i.category, i.additivity, i.definition) as typeof row;
      } else {
        const i = input as Input<'source'>;
        row = sqlite
          .prepare(
            'INSERT INTO sources (title, document_date, date_precision, file_name, covers_from, covers_to) VALUES (?, ?, ?, ?, ?, ?) RETURNING id, title, document_date, date_precision, file_name, covers_from, covers_to',
          )
          .get(i.title, i.documentDate, i.datePrecision, i.fileName, i.coversFrom, i.coversTo) as typeof row;
      }
    } catch (error) {
      if (isUniqueViolation(error))
        throw new InputError({ [kind === 'source' ? 'fileName' : 'name']: `There is already a ${kind} with this ${kind === 'source' ? 'file name' : 'name'}` });
      throw error;
    }
    writeAudit(sqlite, user, { action: 'create', entityType: kind, id: row.id, before: null, after: row, reason: null });
    return { id: row.id, slug: row.slug };
  })();
}
