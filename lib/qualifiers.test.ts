import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addQualified,
  formatAmount,
  formatNumber,
  formatQualified,
  differenceQualified,
  formatChange,
  formatQualifiedValue,
  fromQualifier,
  QualifiedSum,
  sumQualified,
  toQualifier,
  type Bound,
  type QualifiedValue,
} from './qualifiers';


describe('formatQualified', () => {
  it('keeps the qualifier with the value', () => {
    expect(formatQualified(600, 'at_least')).toBe('600+');
    expect(formatQualified(40, 'at_most')).toBe('up to 40');
    expect(formatQualified(400, 'approx')).toBe('≈400');
    expect(formatQualified(465, 'exact')).toBe('465');
  });

  it('writes thousands separators and units', () => {
    expect(formatQualified(10000, 'at_least')).toBe('10,000+');
    expect(formatQualified(14000, 'exact', 'GBP')).toBe('£14,000');
    expect(formatQualified(465, 'exact', 'hours')).toBe('465 hours');
    expect(formatQualified(465, 'at_least', 'hours')).toBe('465+ hours');
    expect(formatQualified(91, 'exact', 'percent')).toBe('91%');
    expect(formatNumber(1153)).toBe('1,153');
  });
});

const q = (value: number, qualifier: 'exact' | 'at_least' | 'at_most' | 'approx' = 'exact') => fromQualifier(value, qualifier);

describe('formatAmount', () => {
  it('writes every number as Intl.NumberFormat en-GB does', () => {
    const intl = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
    for (const n of [0, -0, 7, -7, 999, 1000, -1000, 123456, 1234567, -9876543210, Number.MAX_SAFE_INTEGER, 2 ** 60, 12.5, -0.125, 1e21, NaN, Infinity])
      expect(formatAmount(n)).toBe(intl.format(n));
    fc.assert(fc.property(fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -1e7, max: 1e7 }), fc.double()), (n) => {
      expect(formatAmount(n)).toBe(intl.format(n));
    }));
  });
});

describe('sums of qualified values', () => {
  it('keeps a sum of exact values exact', () => {
    expect(sumQualified([q(310), q(155)])).toEqual({ value: 465, bound: 'exact', approximate: false });
  });

  it('makes a sum with a lower bound a lower bound', () => {
    expect(formatQualifiedValue(sumQualified([q(600, 'at_least'), q(20)]))).toBe('620+');
    expect(formatQualifiedValue(sumQualified([q(600, 'at_least'), q(3000, 'at_least')]))).toBe('3,600+');
  });

  it('makes a sum with an approximate term approximate', () => {
    expect(formatQualifiedValue(sumQualified([q(400, 'approx'), q(147)]))).toBe('≈547');
    expect(formatQualifiedValue(sumQualified([q(400, 'approx'), q(600, 'at_least')]))).toBe('≈1,000+');
  });

  it('refuses a number when a lower and an upper bound meet, and says so', () => {
    expect(formatQualifiedValue(sumQualified([q(299, 'at_least'), q(430, 'at_most')]))).toMatch(/not comparable/);
    expect(toQualifier(sumQualified([q(299, 'at_least'), q(430, 'at_most')]))).toBeNull();
  });
});

describe('ranges', () => {
  const r = (low: number, high: number, qualifier: 'exact' | 'approx' = 'exact') => fromQualifier(low, qualifier, high);
  it('keep both ends, in the unit', () => {
    expect(formatQualified(20, 'exact', 'count', 30)).toBe('20–30');
    expect(formatQualified(4000, 'approx', 'count', 5000)).toBe('≈4,000–5,000');
    expect(formatQualified(20, 'exact', 'GBP', 30)).toBe('£20–£30');
    expect(formatQualified(20, 'exact', 'hours', 30)).toBe('20–30 hours');
    expect(toQualifier(r(20, 30))).toBe('exact');
  });

  it('add up end to end, and give way to a one-sided bound', () => {
    expect(formatQualifiedValue(sumQualified([r(20, 30), q(5)]))).toBe('25–35');
    expect(formatQualifiedValue(sumQualified([r(20, 30), r(299, 430)]))).toBe('319–460');
    expect(formatQualifiedValue(sumQualified([r(20, 30), q(600, 'at_least')]))).toBe('620+');
    expect(formatQualifiedValue(sumQualified([r(20, 30), q(40, 'at_most')]))).toBe('up to 70');
  });

  it('change by a range, with a percentage range only from a point value', () => {
    expect(formatChange(differenceQualified(q(10), r(20, 30)))).toBe('+10 to +20');
    expect(formatChange(differenceQualified(r(20, 30), q(25)))).toBe('−5 to +5');
    expect(formatChange(differenceQualified(r(20, 30), q(100, 'at_least')))).toBe('at least +70');
  });
});

describe('changes between qualified values', () => {
  it('states exact changes exactly', () => {
    expect(formatChange(differenceQualified(q(310), q(465)))).toBe('+155');
    expect(formatChange(differenceQualified(q(465), q(310)))).toBe('−155');
  });

  it('claims "at least" only where it is true', () => {
    // From exactly 880 to over 1,000: at least 120 more.
    expect(formatChange(differenceQualified(q(880), q(1000, 'at_least')))).toBe('at least +120');
    // From over 890 to over 1,000: could be anything.
    expect(formatChange(differenceQualified(q(890, 'at_least'), q(1000, 'at_least')))).toMatch(/not comparable/);
    // From over 275 to exactly 1,000: at most 725 more.
    expect(formatChange(differenceQualified(q(275, 'at_least'), q(1000)))).toBe('at most +725');
    // From up to 40 to exactly 60: at least 20 more.
    expect(formatChange(differenceQualified(q(40, 'at_most'), q(60)))).toBe('at least +20');
  });

  it('carries approximation into the change', () => {
    expect(formatChange(differenceQualified(q(400, 'approx'), q(465)))).toBe('≈ +65');
  });
});

// Every stored kind: exact, over, up to, about, and ranges ("20-30", "about 20-30").
const arbitraryQualified: fc.Arbitrary<QualifiedValue> = fc
  .tuple(
    fc.integer({ min: 0, max: 1_000_000 }),
    fc.constantFrom('exact', 'at_least', 'at_most', 'approx') as fc.Arbitrary<'exact' | 'at_least' | 'at_most' | 'approx'>,
    fc.option(fc.integer({ min: 1, max: 1_000 })),
  )
  .map(([v, qual, width]) => fromQualifier(v, qual, width !== null && (qual === 'exact' || qual === 'approx') ? v + width : null));

describe('qualifier arithmetic laws (property-based)', () => {
  it('is associative and commutative', () => {
    fc.assert(
      fc.property(arbitraryQualified, arbitraryQualified, arbitraryQualified, (a, b, c) => {
        expect(addQualified(addQualified(a, b), c)).toEqual(addQualified(a, addQualified(b, c)));
        expect(addQualified(a, b)).toEqual(addQualified(b, a));
      }),
    );
  });

  it('adds up in a running sum exactly as addQualified does, term by term', () => {
    // Every bound, 'none' included, with or without approximation, and values that round.
    const anyQualified = fc
      .record({ value: fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 4), bound: fc.constantFrom<Bound>('exact', 'lower', 'upper', 'range', 'none'), approximate: fc.boolean(), width: fc.integer({ min: 1, max: 1e4 }) })
      .map(({ width, ...v }): QualifiedValue => (v.bound === 'range' ? { ...v, high: v.value + width / 4 } : v));
    fc.assert(
      fc.property(fc.array(anyQualified, { maxLength: 12 }), (values) => {
        const running = new QualifiedSum();
        for (const v of values) running.add(v);
        expect(running.result()).toEqual(values.reduce(addQualified, { value: 0, bound: 'exact', approximate: false }));
      }),
    );
  });

  it('never yields exact from a non-exact input', () => {
    fc.assert(
      fc.property(fc.array(arbitraryQualified, { minLength: 1, maxLength: 8 }), (values) => {
        const sum = sumQualified(values);
        const allExact = values.every((v) => v.bound === 'exact' && !v.approximate);
        expect(sum.bound === 'exact' && !sum.approximate).toBe(allExact);
        const [first, ...rest] = values;
        const change = differenceQualified(first!, sumQualified(rest));
        if (!allExact) expect(change.bound === 'exact' && !change.approximate).toBe(false);
      }),
    );
  });

  it('gives bounds that are true for every value the inputs allow', () => {
    // Pick true values consistent with each input's bound, and check the result's bound holds.
    const withTruth = arbitraryQualified.chain((qv) =>
      fc
        .integer({ min: 0, max: 1_000_000 })
        .map((extra) => ({
          qv,
          truth:
            qv.bound === 'lower'
              ? qv.value + extra
              : qv.bound === 'upper'
                ? Math.max(0, qv.value - extra)
                : qv.bound === 'range'
                  ? qv.value + (extra % (qv.high! - qv.value + 1))
                  : qv.value,
        })),
    );
    fc.assert(
      fc.property(withTruth, withTruth, ({ qv: a, truth: ta }, { qv: b, truth: tb }) => {
        for (const [result, truth] of [
          [addQualified(a, b), ta + tb],
          [differenceQualified(a, b), tb - ta],
        ] as const) {
          if (result.approximate) continue; // estimates promise no bound
          if (result.bound === 'exact') expect(truth).toBe(result.value);
          if (result.bound === 'lower') expect(truth).toBeGreaterThanOrEqual(result.value);
          if (result.bound === 'upper') expect(truth).toBeLessThanOrEqual(result.value);
          if (result.bound === 'range') {
            expect(truth).toBeGreaterThanOrEqual(result.value);
            expect(truth).toBeLessThanOrEqual(result.high!);
          }
        }
      }),
    );
  });
});
