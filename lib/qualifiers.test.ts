import { describe, expect, it } from 'vitest';
import { formatNumber, formatQualified } from './qualifiers';

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
