import { describe, expect, it } from 'vitest';
import { numbersInText } from './numbers-in-text';

const has = (text: string, n: number) => numbersInText(text).has(n);

describe('numbersInText', () => {
  it('reads numerals with thousands separators, decimals and scales', () => {
    expect(has('1,153 recipients', 1153)).toBe(true);
    expect(has('granted £14k to deliver', 14000)).toBe(true);
    expect(has('£10m funding', 10_000_000)).toBe(true);
    expect(has('£2.5 million', 2_500_000)).toBe(true);
    expect(has('275+ actual applications', 275)).toBe(true);
    expect(has('91 per cent of councils', 91)).toBe(true);
  });

  it('reads number words, hyphenated and plain', () => {
    expect(has('Thirty-four councils have now received', 34)).toBe(true);
    expect(has('A further twenty-four have been supported', 24)).toBe(true);
    expect(has('delivered all three masterclass events', 3)).toBe(true);
    expect(has('two hundred delegates', 200)).toBe(true);
    expect(has('a dozen councils', 12)).toBe(true);
  });

  it('joins a thousands group split by formatting', () => {
    expect(has('which had received **48**, **917 views**', 48917)).toBe(true);
  });

  it('does not invent numbers that are not there', () => {
    const found = numbersInText('Sessions with 36 councils are planned over the next 4 months.');
    expect([...found].sort((a, b) => a - b)).toEqual([4, 36]);
    expect(has('someone tended the garden', 10)).toBe(false);
  });
});
