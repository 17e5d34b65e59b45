import { describe, expect, it } from 'vitest';
import { fromQualifier, type QualifiedValue } from './qualifiers';
import { rateAgainstTarget } from './targets';

// Target 400; green from 100% (400), amber from 80% (320), red below.
const target = { value: 400, amberBelowPct: 100, redBelowPct: 80 };
const rate = (q: QualifiedValue | null) => rateAgainstTarget(q, target);

describe('RAG against a target, respecting qualifiers', () => {
  it('rates exact figures by the band they fall in, thresholds inclusive', () => {
    expect(rate(fromQualifier(450, 'exact'))).toMatchObject({ status: 'green', progress: '113% of 400' });
    expect(rate(fromQualifier(400, 'exact')).status).toBe('green');
    expect(rate(fromQualifier(320, 'exact')).status).toBe('amber');
    expect(rate(fromQualifier(319, 'exact'))).toMatchObject({ status: 'red', progress: '80% of 400' });
  });

  it('rates a lower bound above the target green, and one below it "cannot tell"', () => {
    expect(rate(fromQualifier(410, 'at_least'))).toMatchObject({ status: 'green', progress: 'at least 102% of 400' });
    expect(rate(fromQualifier(350, 'at_least'))).toMatchObject({ status: 'cannot_tell', could: ['amber', 'green'] });
    expect(rate(fromQualifier(100, 'at_least'))).toMatchObject({ status: 'cannot_tell', could: ['red', 'amber', 'green'] });
  });

  it('rates an upper bound below the red threshold red, and one above it "cannot tell"', () => {
    expect(rate(fromQualifier(300, 'at_most')).status).toBe('red');
    expect(rate(fromQualifier(380, 'at_most'))).toMatchObject({ status: 'cannot_tell', could: ['red', 'amber'] });
  });

  it('rates a range by both ends', () => {
    expect(rate(fromQualifier(420, 'exact', 500))).toMatchObject({ status: 'green', progress: '105%–125% of 400' });
    expect(rate(fromQualifier(330, 'exact', 390)).status).toBe('amber');
    expect(rate(fromQualifier(300, 'exact', 420))).toMatchObject({ status: 'cannot_tell', could: ['red', 'amber', 'green'] });
  });

  it('widens an approximate figure by 10 per cent either way before rating it', () => {
    expect(rate(fromQualifier(500, 'approx'))).toMatchObject({ status: 'green', progress: 'about 125% of 400' });
    // "about 410" may be 369: amber or green.
    expect(rate(fromQualifier(410, 'approx'))).toMatchObject({ status: 'cannot_tell', could: ['amber', 'green'] });
    expect(rate(fromQualifier(200, 'approx')).status).toBe('red');
  });

  it('says so where there is no figure, or the figures bound nothing', () => {
    expect(rate(null)).toMatchObject({ status: 'no_figure', progress: null });
    expect(rate({ value: 0, bound: 'none', approximate: false })).toMatchObject({ status: 'cannot_tell', could: ['green', 'amber', 'red'] });
  });
});
