import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../lib/errors';
import type { SessionUser } from '../../lib/auth/roles';
import { REFERENCE_SCHEMAS } from '../../lib/reference-input';
import type { AppDatabase } from '../client';
import { createTestDatabase } from '../testing';
import { InputError } from '../../lib/errors';
import { createReference } from './reference';

let db: AppDatabase;
const officer: SessionUser = { id: 1, email: 'o@example.gov.uk', name: null, role: 'officer' };
const viewer: SessionUser = { id: 2, email: 'v@example.gov.uk', name: null, role: 'viewer' };

beforeEach(() => {
  db = createTestDatabase();
  db.$client.exec("INSERT INTO users (email, role, password_hash) VALUES ('o@example.gov.uk', 'officer', 'x'), ('v@example.gov.uk', 'viewer', 'x')");
});

describe('adding boards, programmes, metrics and sources', () => {
  it('adds a board and a programme led by it, with slugs from their names and an audit entry each', () => {
    createReference(db, officer, 'board', REFERENCE_SCHEMAS.board.parse({ name: 'Resources Board', description: '' }));
    const programme = createReference(db, officer, 'programme', REFERENCE_SCHEMAS.programme.parse({ name: 'Return to Social Work', board: 'resources-board', theme: 'Workforce', description: '' }));
    expect(programme.slug).toBe('return-to-social-work');
    const audit = db.$client.prepare('SELECT entity_type, action, actor FROM audit_log ORDER BY id').all();
    expect(audit).toEqual([
      { entity_type: 'board', action: 'create', actor: 'o@example.gov.uk' },
      { entity_type: 'programme', action: 'create', actor: 'o@example.gov.uk' },
    ]);
  });

  it('refuses a viewer and a duplicate name, changing nothing', () => {
    const board = REFERENCE_SCHEMAS.board.parse({ name: 'Resources Board', description: '' });
    expect(() => createReference(db, viewer, 'board', board)).toThrow(ForbiddenError);
    createReference(db, officer, 'board', board);
    expect(() => createReference(db, officer, 'board', board)).toThrow(InputError);
    expect((db.$client.prepare('SELECT count(*) AS n FROM boards').get() as { n: number }).n).toBe(1);
    expect((db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(1);
  });

  it('asks for a metric’s additivity and says what went wrong in words', () => {
    const result = REFERENCE_SCHEMAS.metric.safeParse({ name: 'Webinars', unit: 'count', category: 'events delivered', additivity: '', definition: 'x' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.message)).toEqual(['Choose whether figures may be added up', 'Say what the metric counts']);
  });
});

describe('a source’s months', () => {
  const source = (covers: { coversFrom?: string; coversTo?: string }) =>
    REFERENCE_SCHEMAS.source.safeParse({ title: 'Highlights', documentDate: '2021-02-28', datePrecision: 'month', fileName: '', ...covers });

  it('are both given or neither, the first on or before the last, and stored with the source', () => {
    expect(source({}).success).toBe(true);
    expect(source({ coversFrom: '2020-04-01' }).error?.issues[0]?.message).toBe('Give both the first and the last month the report covers, or neither');
    expect(source({ coversFrom: '2021-04-01', coversTo: '2020-04-01' }).error?.issues[0]?.message).toBe('The last month covered must be on or after the first');
    const created = createReference(db, officer, 'source', source({ coversFrom: '2020-04-01', coversTo: '2021-02-28' }).data!);
    expect(db.$client.prepare('SELECT covers_from, covers_to FROM sources WHERE id = ?').get(created.id)).toEqual({ covers_from: '2020-04-01', covers_to: '2021-02-28' });
  });
});
