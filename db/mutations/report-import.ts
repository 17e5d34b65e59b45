// Importing a board report: storing it as a source (recognising a report imported before), and
// turning the proposals an officer accepts into figures linked to it — all in one transaction.
import { z } from 'zod';
import type { AppDatabase } from '../client';
import type { SessionUser } from '../../lib/auth/roles';
import { requireRole } from '../../lib/auth/roles';
import { fieldErrors, observationInputSchema, type FieldErrors } from '../../lib/observation-input';
import { contentHash, normaliseReportText } from '../../lib/report-text';
import { REFERENCE_SCHEMAS } from '../../lib/reference-input';
import { createObservation, linkSourceToObservation } from './observations';
import { writeAudit } from './audit';
import { InputError, NotFoundError } from '../../lib/errors';

export const reportDetailsSchema = REFERENCE_SCHEMAS.source.extend({
  /** An existing source registered without its text (by the seed or "Add a source"). */
  existingSourceId: z.union([z.literal('').transform(() => null), z.coerce.number().int().positive()]),
});
export type ReportDetails = z.output<typeof reportDetailsSchema>;

export interface StoredReport {
  sourceId: number;
  title: string;
  alreadyImported: boolean;
}

/** The source already holding this text, if the report has been imported before. */
export function findImportedReport(db: AppDatabase, rawText: string): { sourceId: number; title: string } | null {
  const row = db.$client.prepare('SELECT id, title FROM sources WHERE content_hash = ?').get(contentHash(rawText)) as { id: number; title: string } | undefined;
  return row ? { sourceId: row.id, title: row.title } : null;
}

/** Stores a report's text as a source, or finds the source already holding the same text. */
export function storeReport(db: AppDatabase, user: SessionUser, details: ReportDetails, rawText: string): StoredReport {
  requireRole(user.role, 'edit_figures');
  const sqlite = db.$client;
  const text = normaliseReportText(rawText);
  const hash = contentHash(text);
  return sqlite.transaction((): StoredReport => {
    const same = findImportedReport(db, text);
    if (same) return { ...same, alreadyImported: true };
    const summary = (row: Record<string, unknown>) => ({ ...row, text: `(${text.length.toLocaleString('en-GB')} characters)` });
    if (details.existingSourceId !== null) {
      const before = sqlite.prepare('SELECT id, title, document_date, file_name, text FROM sources WHERE id = ?').get(details.existingSourceId) as
        | { id: number; title: string; text: string | null }
        | undefined;
      if (!before) throw new InputError({ existingSourceId: 'Choose a source from the list' });
      if (before.text !== null) throw new InputError({ existingSourceId: 'That source already has its text; import this report as a new source' });
      const after = sqlite
        .prepare('UPDATE sources SET text = ?, content_hash = ? WHERE id = ? RETURNING id, title, document_date, file_name')
        .get(text, hash, before.id) as Record<string, unknown>;
      writeAudit(sqlite, user, { action: 'update', entityType: 'source', id: before.id, before: { ...before, text: null }, after: summary(after), reason: 'Report text imported' });
      return { sourceId: before.id, title: before.title, alreadyImported: false };
    }
    // A file name identifies a seeded report; an upload's name may repeat, so it is kept only when free.
    const nameFree = details.fileName && !sqlite.prepare('SELECT 1 FROM sources WHERE file_name = ?').get(details.fileName);
    const created = sqlite
      .prepare(
        `INSERT INTO sources (title, document_date, date_precision, file_name, text, content_hash, covers_from, covers_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         RETURNING id, title, document_date, date_precision, file_name, covers_from, covers_to`,
      )
      .get(details.title, details.documentDate, details.datePrecision, nameFree ? details.fileName : null, text, hash, details.coversFrom, details.coversTo) as { id: number; title: string };
    writeAudit(sqlite, user, { action: 'create', entityType: 'source', id: created.id, before: null, after: summary(created), reason: 'Report imported' });
    return { sourceId: created.id, title: created.title, alreadyImported: false };
  })();
}

/** One accepted proposal: the figure as the officer left it, or the existing figure to link. */
export const acceptedProposalSchema = z.object({
  figure: z.record(z.string(), z.string()),
  linkTo: z.number().int().positive().nullable(),
});
export const acceptRequestSchema = z.object({ items: z.array(acceptedProposalSchema).min(1, 'Tick at least one figure').max(2000) });

export class ProposalErrors extends Error {
  readonly status = 400;
  constructor(public readonly items: Record<number, FieldErrors>) {
    super('Some accepted figures need correcting; nothing was saved.');
  }
}

/**
 * Adds the accepted figures, and links this report to figures it repeats, in one transaction:
 * all are saved with their audit entries, or none (the first problem stops everything).
 */
export function acceptProposals(
  db: AppDatabase,
  user: SessionUser,
  sourceId: number,
  items: z.output<typeof acceptedProposalSchema>[],
): { created: number[]; linked: number[] } {
  requireRole(user.role, 'edit_figures');
  const sqlite = db.$client;
  const source = sqlite.prepare('SELECT text FROM sources WHERE id = ? AND text IS NOT NULL').get(sourceId) as { text: string } | undefined;
  if (!source) throw new NotFoundError('No imported report with that number');
  const lines = source.text.split('\n');

  const errors: Record<number, FieldErrors> = {};
  const inputs = items.map((item, i) => {
    const parsed = observationInputSchema.safeParse({ ...item.figure, sourceId: String(sourceId), reason: item.figure.reason ?? '' });
    if (!parsed.success) {
      errors[i] = fieldErrors(parsed.error);
      return null;
    }
    // The evidence must stand at its line in this report: a figure is always traceable to its sentence.
    const line = parsed.data.line;
    if (line === null || !lines[line - 1]?.includes(parsed.data.evidence)) {
      errors[i] = { evidence: 'The evidence must be a sentence of this report, at its line' };
      return null;
    }
    return parsed.data;
  });
  if (Object.keys(errors).length) throw new ProposalErrors(errors);

  return sqlite.transaction(() => {
    const created: number[] = [];
    const linked: number[] = [];
    items.forEach((item, i) => {
      const input = inputs[i]!;
      try {
        if (item.linkTo !== null) {
          linkSourceToObservation(db, user, item.linkTo, input);
          linked.push(item.linkTo);
        } else created.push(createObservation(db, user, input));
      } catch (error) {
        // Say which row is wrong; throwing also rolls back every row saved before it.
        if (error instanceof InputError) throw new ProposalErrors({ [i]: error.fields });
        if (error instanceof NotFoundError) throw new ProposalErrors({ [i]: { form: 'The figure to link to no longer exists' } });
        throw error;
      }
    });
    return { created, linked };
  })();
}
