import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/roles';
import { ForbiddenError, InputError } from '../../lib/errors';
import { annotationInputSchema } from '../../lib/annotation-input';
import type { AppDatabase } from '../client';
import { addTestUser, createSeededTestDatabase } from '../testing';
import { listAnnotations } from '../queries/annotations';
import { addAnnotation, removeAnnotation, updateAnnotation } from './annotations';

let db: AppDatabase;
let officer: SessionUser;
let viewer: SessionUser;
beforeEach(() => {
  db = createSeededTestDatabase();
  officer = addTestUser(db, 'officer');
  viewer = addTestUser(db, 'viewer');
});
const note = (o: Record<string, string> = {}) => annotationInputSchema.parse({ date: '2020-03-23', text: 'First national lockdown', scope: '', ...o });
const audit = () => db.$client.prepare("SELECT action FROM audit_log WHERE entity_type = 'annotation' ORDER BY id").pluck().all();

describe('annotations', () => {
  it('are added, changed and removed by officers only, each audited', () => {
    expect(() => addAnnotation(db, viewer, note())).toThrow(ForbiddenError);
    const id = addAnnotation(db, officer, note());
    updateAnnotation(db, officer, id, note({ text: 'First national lockdown began' }));
    expect(listAnnotations(db)).toEqual([expect.objectContaining({ id, text: 'First national lockdown began', about: 'everything', scope: '' })]);
    expect(() => updateAnnotation(db, officer, id, note({ scope: 'metric:no-such-metric' }))).toThrow(InputError);
    expect(() => removeAnnotation(db, viewer, id)).toThrow(ForbiddenError);
    removeAnnotation(db, officer, id);
    expect(listAnnotations(db)).toEqual([]);
    expect(audit()).toEqual(['create', 'update', 'delete']);
    expect(annotationInputSchema.safeParse({ date: '2020-02-30', text: 'x', scope: 'team:a' }).success).toBe(false);
  });
});
