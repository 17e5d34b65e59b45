import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/roles';
import { ForbiddenError, InputError } from '../../lib/errors';
import { targetInputSchema } from '../../lib/target-input';
import type { AppDatabase } from '../client';
import { addTestUser, createSeededTestDatabase } from '../testing';
import { listTargets, targetsForPeriod } from '../queries/targets';
import { removeTarget, setTarget } from './targets';

let db: AppDatabase;
let officer: SessionUser;
let viewer: SessionUser;
beforeEach(() => {
  db = createSeededTestDatabase();
  officer = addTestUser(db, 'officer');
  viewer = addTestUser(db, 'viewer');
});

const input = (o: Record<string, string> = {}) =>
  targetInputSchema.parse({ metric: 'coaching-hours', programme: '', period: '2020-21', basis: 'cumulative', value: '500', amberBelowPct: '', redBelowPct: '', ...o });
const audit = () => db.$client.prepare("SELECT action, entity_id AS id FROM audit_log WHERE entity_type = 'target' ORDER BY id").all();

describe('the target form', () => {
  it('reads "1,250", defaults the thresholds, and explains mistakes', () => {
    expect(input({ value: '1,250' })).toMatchObject({ value: 1250, amberBelowPct: 100, redBelowPct: 80 });
    const bad = targetInputSchema.safeParse({ metric: 'coaching-hours', programme: '', period: '2020-10', basis: 'planned', value: '0', amberBelowPct: '90', redBelowPct: '95' });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues.map((i) => i.path[0]).sort()).toEqual(['basis', 'period', 'value']);
    const crossed = targetInputSchema.safeParse({ metric: 'coaching-hours', programme: '', period: '2020-21', basis: 'period', value: '10', amberBelowPct: '90', redBelowPct: '95' });
    expect(crossed.success ? [] : crossed.error.issues.map((i) => i.message)).toEqual(['The red threshold must be at or below the green one']);
  });
});

describe('setting targets', () => {
  it('is refused to viewers, audited for officers, and changes the one target for the same metric, programme, period and basis', () => {
    expect(() => setTarget(db, viewer, input())).toThrow(ForbiddenError);
    const id = setTarget(db, officer, input());
    expect(setTarget(db, officer, input({ value: '600', amberBelowPct: '90' }))).toBe(id);
    const other = setTarget(db, officer, input({ programme: 'return-to-social-work' }));
    expect(other).not.toBe(id);
    expect(listTargets(db).map((t) => [t.programme?.slug ?? null, t.value])).toEqual([[null, 600], ['return-to-social-work', 500]]);
    removeTarget(db, officer, other, 'Set by mistake');
    expect(() => removeTarget(db, viewer, id, null)).toThrow(ForbiddenError);
    expect(audit()).toEqual([
      { action: 'create', id },
      { action: 'update', id },
      { action: 'create', id: other },
      { action: 'delete', id: other },
    ]);
    expect(() => setTarget(db, officer, input({ metric: 'no-such-metric' }))).toThrow(InputError);
  });

  it('rates the seeded coaching hours (541 by the end of 2020/21) against the year’s running-total target', () => {
    setTarget(db, officer, input({ value: '500' }));
    expect(targetsForPeriod(db, '2020-21').get('coaching-hours|cumulative')!.rag).toMatchObject({ status: 'green', progress: '108% of 500 hours' });
    setTarget(db, officer, input({ value: '600', amberBelowPct: '100', redBelowPct: '90' }));
    expect(targetsForPeriod(db, '2020-21').get('coaching-hours|cumulative')!.rag).toMatchObject({ status: 'amber', progress: '90% of 600 hours' });
    // A running total from an earlier year stands as a floor: "at least 541" at the end of 2025/26.
    setTarget(db, officer, input({ period: '2025-26' }));
    expect(targetsForPeriod(db, '2025-26').get('coaching-hours|cumulative')!.rag).toMatchObject({ status: 'green', progress: 'at least 108% of 500 hours' });
    // No figures in the period: said so, not rated.
    setTarget(db, officer, input({ period: '2025-26', basis: 'period' }));
    expect(targetsForPeriod(db, '2025-26').get('coaching-hours|period')!.rag.status).toBe('no_figure');
  });

  it('rates a programme’s own target on a view of that programme, and none on a board’s', () => {
    setTarget(db, officer, input({ value: '500' }));
    const own = setTarget(db, officer, input({ programme: 'return-to-social-work', value: '400' }));
    expect(targetsForPeriod(db, '2020-21').get('coaching-hours|cumulative')!.value).toBe(500);
    expect(targetsForPeriod(db, '2020-21', { programmes: ['return-to-social-work'] }).get('coaching-hours|cumulative')).toMatchObject({ id: own, value: 400 });
    expect(targetsForPeriod(db, '2020-21', { programmes: ['return-to-social-work', 'other'] }).size).toBe(0);
    expect(targetsForPeriod(db, '2020-21', { boards: ['improvement-and-innovation-board'] }).size).toBe(0);
    // A programme without a target of its own is not rated against the whole metric's.
    expect(targetsForPeriod(db, '2020-21', { programmes: ['remote-peer-support'] }).size).toBe(0);
  });
});
