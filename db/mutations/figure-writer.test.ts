import { describe, expect, it } from 'vitest';
import { createOnePairDatabase } from '../testing';
import { figureWriter, type FigureValues } from './figure-writer';

const fact: FigureValues = {
  programmeId: 1, metricId: 1, value: 24, upper: null, qualifier: 'exact', basis: 'period',
  periodStart: '2020-04-01', periodEnd: '2021-03-31', datePrecision: 'day', note: null, partOfId: null,
};

describe('the figure writer', () => {
  it('adds, changes and cites with an audit entry each, and finds a fact by its whole key', () => {
    const db = createOnePairDatabase("INSERT INTO sources (title, document_date, date_precision) VALUES ('Report', '2021-04-01', 'day');");
    const audit = () => db.$client.prepare('SELECT actor, action, entity_id AS id, reason FROM audit_log ORDER BY id').all();
    const w = figureWriter(db.$client, { id: null, email: 'test' });
    expect(w.findFact(fact)).toBeNull();
    const id = w.add(fact, 'why').id;
    expect(w.findFact(fact)).toBe(id);
    // Every part of the key counts: another qualifier, basis, start or top is another fact.
    for (const other of [{ qualifier: 'at_least' }, { basis: 'cumulative' }, { periodStart: null }, { upper: 30 }, { value: 25 }])
      expect(w.findFact({ ...fact, ...other })).toBeNull();
    expect(w.cite(id, { sourceId: 1, line: 4, evidence: '24 projects' }, null)).toBe(true);
    expect(w.cite(id, { sourceId: 1, line: 4, evidence: '24 projects' }, null)).toBe(false);
    expect(w.findFact(fact, { sourceId: 1, line: 4 })).toBe(id);
    expect(w.findFact(fact, { sourceId: 1, line: 5 })).toBeNull();
    const before = db.$client.prepare('SELECT * FROM observations WHERE id = ?').get(id) as { id: number };
    expect(w.change(id, before, { ...fact, value: 25 }, 'corrected')).toMatchObject({ id, value: 25 });
    expect(w.findFact(fact)).toBeNull();
    expect(audit()).toEqual([
      { actor: 'test', action: 'create', id, reason: 'why' },
      { actor: 'test', action: 'link_source', id, reason: null },
      { actor: 'test', action: 'update', id, reason: 'corrected' },
    ]);
    db.$client.prepare("UPDATE observations SET deleted_at = '2021-05-01' WHERE id = ?").run(id);
    expect(w.findFact({ ...fact, value: 25 })).toBeNull();
  });
});
