import { describe, expect, it } from 'vitest';
import { addTestUser, createSeededTestDatabase } from '@/db/testing';
import { setRetired } from '@/db/mutations/reference-edit';
import { formOptions } from './form-options';

describe('the figure form’s choices', () => {
  it('leave out a retired programme, except for a figure that already has it', () => {
    const db = createSeededTestDatabase();
    const admin = addTestUser(db, 'admin');
    const id = db.$client.prepare("SELECT id FROM programmes WHERE slug = 'lg-inform'").pluck().get() as number;
    expect(formOptions(db).programmes.map((p) => p.value)).toContain('lg-inform');
    setRetired(db, admin, 'programme', id, true);
    expect(formOptions(db).programmes.map((p) => p.value)).not.toContain('lg-inform');
    expect(formOptions(db, { programme: 'lg-inform' }).programmes.map((p) => p.value)).toContain('lg-inform');
  });
});
