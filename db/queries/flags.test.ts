import { describe, expect, it } from 'vitest';
import { ForbiddenError, InputError, NotFoundError } from '../../lib/errors';
import { addTestUser, createOnePairDatabase, createSeededTestDatabase } from '../testing';
import { acknowledgeFlag } from '../mutations/flags';
import { setQuarterStatus } from '../mutations/quarters';
import { updateObservation } from '../mutations/observations';
import { observationInputSchema } from '../../lib/observation-input';
import { getObservation } from './observations';
import { flagsOfFigure, listFlags } from './flags';

const figure = (value: number, end: string, basis = 'period', qualifier = 'exact') =>
  `INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_end) VALUES (1, 1, ${value}, '${qualifier}', '${basis}', '${end}');`;
const kinds = (db: ReturnType<typeof createOnePairDatabase>) => listFlags(db, { identities: false }).map((f) => [f.kind, f.figures[0]]);

describe('data-quality flags on the live figures', () => {
  it('flags a running total that falls, but not a lower bound below an earlier figure', () => {
    const db = createOnePairDatabase([figure(100, '2020-06-30', 'cumulative'), figure(120, '2020-09-30', 'cumulative'), figure(90, '2020-12-31', 'cumulative'), figure(80, '2021-03-31', 'cumulative', 'at_least')].join('\n'));
    expect(kinds(db)).toEqual([['falling', 3]]);
    expect(listFlags(db, { identities: false })[0]!.text).toBe('P1, m1: the running total is 90 at 2020-12-31, below 120 at 2020-09-30.');
  });

  it('flags an in-period figure ten times the rest of its series, or a tenth of it', () => {
    const db = createOnePairDatabase([figure(50, '2020-06-30'), figure(60, '2020-09-30'), figure(55, '2020-12-31'), figure(5000, '2021-03-31')].join('\n'));
    expect(kinds(db)).toEqual([['outlier', 4]]);
    const fine = createOnePairDatabase([figure(50, '2020-06-30'), figure(60, '2020-09-30'), figure(55, '2020-12-31'), figure(400, '2021-03-31')].join('\n'));
    expect(kinds(fine)).toEqual([]);
  });

  it('flags a series with two quarters or more without a figure', () => {
    const db = createOnePairDatabase([figure(5, '2020-06-30'), figure(6, '2020-09-30'), figure(7, '2021-06-30')].join('\n'));
    expect(listFlags(db, { identities: false }).map((f) => f.text)).toEqual(['P1, m1: no in-period figure for 2 quarters (Q3 2020/21 to Q4 2020/21), between Q2 2020/21 and Q1 2021/22.']);
    // One quarter missing is not flagged.
    const one = createOnePairDatabase([figure(5, '2020-06-30'), figure(6, '2020-12-31')].join('\n'));
    expect(kinds(one)).toEqual([]);
  });

  it('flags one sentence giving the same number with two periods', () => {
    const db = createOnePairDatabase(
      [figure(12, '2020-06-30'), figure(12, '2020-09-30'), "INSERT INTO sources (title, document_date) VALUES ('Paper', '2020-10-01');",
        "INSERT INTO observation_sources (observation_id, source_id, evidence, line) VALUES (1, 1, '12 councils', 4), (2, 1, '12 councils', 4);"].join('\n'),
    );
    expect(kinds(db)).toEqual([['two-dates', 2]]);
  });

  it('flags a change to a final quarter, and is acknowledged by an officer with a reason, audited', () => {
    const db = createSeededTestDatabase();
    const officer = addTestUser(db, 'officer');
    const admin = addTestUser(db, 'admin');
    const viewer = addTestUser(db, 'viewer');
    const before = listFlags(db, { identities: false }).length;
    const id = db.$client.prepare("SELECT id FROM observations WHERE period_end BETWEEN '2021-01-01' AND '2021-03-31' AND deleted_at IS NULL ORDER BY id LIMIT 1").pluck().get() as number;
    setQuarterStatus(db, admin, '2020-21-Q4', 'final', null);
    const o = getObservation(db, id)!;
    updateObservation(db, admin, id, observationInputSchema.parse({
      programme: o.programme.slug, metric: o.metric.slug, value: String(o.value), qualifier: o.qualifier, basis: o.basis, periodStart: o.periodStart ?? '', periodEnd: o.periodEnd,
      datePrecision: o.datePrecision, note: 'checked', sourceId: '', evidence: '', line: '', reason: 'Late return', upper: o.upper === null ? '' : String(o.upper), version: String(o.version),
    }));
    const flags = listFlags(db, { identities: false });
    expect(flags.length).toBe(before + 1);
    const flag = flags.find((f) => f.kind === 'restated')!;
    expect(flag).toMatchObject({ figures: [id], acknowledged: null });
    expect(() => acknowledgeFlag(db, viewer, flag.key, 'seen')).toThrow(ForbiddenError);
    expect(() => acknowledgeFlag(db, officer, flag.key, ' ')).toThrow(InputError);
    expect(() => acknowledgeFlag(db, officer, 'falling:999999', 'seen')).toThrow(NotFoundError);
    acknowledgeFlag(db, officer, flag.key, 'Checked with the programme: the late return is right');
    expect(listFlags(db, { identities: false }).find((f) => f.key === flag.key)!.acknowledged).toMatchObject({ reason: 'Checked with the programme: the late return is right', who: 'An officer' });
    expect(db.$client.prepare("SELECT count(*) FROM audit_log WHERE entity_type = 'flag'").pluck().get()).toBe(1);
    // A figure's page reads its own series only, and finds exactly the flags the whole list gives it.
    const all = listFlags(db, { identities: false });
    const flagged = [...new Set(all.flatMap((f) => f.figures))];
    expect(flagged.length).toBeGreaterThan(3);
    for (const figure of flagged) expect(flagsOfFigure(db, figure, { identities: false })).toEqual(all.filter((f) => f.figures.includes(figure)));
  });
});

describe('every flag, kept between writes', () => {
  it('is worked out again only once something is written', () => {
    const db = createOnePairDatabase(figure(100, '2020-06-30', 'cumulative'));
    const first = listFlags(db, { identities: false });
    expect(first).toEqual([]);
    // Nothing written: the same flags, not worked out again.
    expect(listFlags(db, { identities: false })).toEqual(first);
    // A running total that falls, written straight into the table (no audit entry): seen at once.
    db.$client.exec(figure(50, '2020-09-30', 'cumulative'));
    expect(kinds(db)).toEqual([['falling', 2]]);
    db.$client.exec('DELETE FROM observations WHERE id = 2');
    expect(kinds(db)).toEqual([]);
  });
});

describe('every flag, kept by series', () => {
  // Every series worked out on its own (the path a figure's page takes, never kept), all together.
  const oneByOne = (db: ReturnType<typeof createSeededTestDatabase>) => {
    const series = db.$client.prepare('SELECT DISTINCT programme_id AS programmeId, metric_id AS metricId FROM observations').all() as { programmeId: number; metricId: number }[];
    const keys = series.flatMap((s) => listFlags(db, { identities: false }, s).map((f) => `${f.key} ${f.text}`));
    return [...new Set(keys)].sort();
  };
  const kept = (db: ReturnType<typeof createSeededTestDatabase>) => listFlags(db, { identities: false }).map((f) => `${f.key} ${f.text}`).sort();

  it('stays equal to every series worked out afresh through writes of every kind', () => {
    const db = createSeededTestDatabase();
    expect(kept(db)).toEqual(oneByOne(db));
    const sqlite = db.$client;
    const pair = sqlite.prepare('SELECT programme_id AS p, metric_id AS m FROM observations WHERE basis = ? GROUP BY programme_id, metric_id HAVING count(*) >= 4 LIMIT 1').get('period') as { p: number; m: number };
    // An outlier in a series of four or more, then moved to another programme, then deleted.
    const id = Number(sqlite.prepare(`INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_end) VALUES (?, ?, 9999999, 'exact', 'period', '2021-03-31')`).run(pair.p, pair.m).lastInsertRowid);
    expect(kept(db).some((k) => k.startsWith(`outlier:${id} `))).toBe(true);
    expect(kept(db)).toEqual(oneByOne(db));
    const other = sqlite.prepare('SELECT id FROM programmes WHERE id != ? LIMIT 1').pluck().get(pair.p) as number;
    sqlite.prepare('UPDATE observations SET programme_id = ? WHERE id = ?').run(other, id);
    expect(kept(db)).toEqual(oneByOne(db));
    // The same sentence citing two figures of one value with two periods (two-dates), by links alone.
    const twin = Number(sqlite.prepare(`INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_end) VALUES (?, ?, 9999999, 'exact', 'period', '2021-06-30')`).run(other, pair.m).lastInsertRowid);
    expect(kept(db)).toEqual(oneByOne(db));
    const source = sqlite.prepare('SELECT id FROM sources LIMIT 1').pluck().get() as number;
    sqlite.prepare("INSERT INTO observation_sources (observation_id, source_id, evidence, line) VALUES (?, ?, 'e', 7), (?, ?, 'e', 7)").run(id, source, twin, source);
    expect(kept(db).some((k) => k.startsWith(`two-dates:${id}:${twin} `))).toBe(true);
    expect(kept(db)).toEqual(oneByOne(db));
    // A rename changes the words of every flag of the programme's series.
    sqlite.prepare("UPDATE programmes SET name = 'Renamed for the test' WHERE id = ?").run(other);
    expect(kept(db).some((k) => k.includes('Renamed for the test'))).toBe(true);
    expect(kept(db)).toEqual(oneByOne(db));
    sqlite.prepare('DELETE FROM observation_sources WHERE observation_id IN (?, ?)').run(id, twin);
    sqlite.prepare('DELETE FROM observations WHERE id IN (?, ?)').run(id, twin);
    expect(kept(db)).toEqual(oneByOne(db));
    expect(kept(db).some((k) => k.includes(`:${id}`))).toBe(false);
  });
});
