import { describe, expect, it } from 'vitest';
import { findDates } from './dates';
import { findNumbers } from './numbers';
import { readQualifier } from './qualifiers';
import { analyseLines, maskMarkup, sentenceSpans } from './text';

const values = (line: string) => findNumbers(maskMarkup(line)).map((m) => [m.value, m.unit, m.range]);

describe('findNumbers', () => {
  it('reads numerals, separators, money, scales and percentages', () => {
    expect(values('2,340 recipients')).toEqual([[2340, 'count', null]]);
    expect(values('granted £25k to three projects')).toEqual([
      [25000, 'GBP', null],
      [3, 'count', null],
    ]);
    expect(values('savings of £120,000')).toEqual([[120000, 'GBP', null]]);
    expect(values('£1.6bn for councils')).toEqual([[1.6e9, 'GBP', null]]);
    // A count's "k" only when written onto the digits; "100m" may be metres.
    expect(values('viewed 12.5k times')).toEqual([[12500, 'count', null]]);
    expect(values('a 100m sprint')).toEqual([[100, 'count', null]]);
    // …and its "m" when people or things follow; "pounds" makes a sum.
    expect(values('helped over 1.5m families and 2m views')).toEqual([
      [1.5e6, 'count', null],
      [2e6, 'count', null],
    ]);
    expect(values('a wall 2m high')).toEqual([[2, 'count', null]]);
    expect(values('around two million pounds and 3 million pounds')).toEqual([
      [2e6, 'GBP', null],
      [3e6, 'GBP', null],
    ]);
    expect(values('72 per cent of councils and 45% of employers')).toEqual([
      [72, 'percent', null],
      [45, 'percent', null],
    ]);
    // The press's "pc" is per cent; a capitalised "PC" is a computer.
    expect(values('worth 29.9 pc less, and 40 PC bought')).toEqual([
      [29.9, 'percent', null],
      [40, 'count', null],
    ]);
  });

  it('reads a sum’s pence after a comma and thousands marked with a point ("£ 1,557,863,67", "3.100 new homes")', () => {
    expect(findNumbers('enhanced scheme - £ 1,557,863,67 paid').map((n) => [n.value, n.unit])).toEqual([[1_557_863.67, 'GBP']]);
    expect(findNumbers('3.100 new homes were built').map((n) => n.value)).toEqual([3100]);
    // (Not a measure, nor a count with a true fraction.)
    expect(findNumbers('over 2.500 hours and 1.5 days').map((n) => n.value)).toEqual([2.5, 1.5]);
    expect(findNumbers('1,234,56 councils').map((n) => n.value)).toEqual([1234, 56]);
  });

  it('starts no range at the end of another ("from 24,426 in 2019-2020 to 58,489")', () => {
    expect(values('from 24,426 issues in 2019-2020 to 58,489 issues')).toEqual([
      [24426, 'count', null],
      [2019, 'count', 'low'],
      [2020, 'count', 'high'],
      [58489, 'count', null],
    ]);
  });

  it('passes over runs of digits too long to be a figure', () => {
    expect(findNumbers(`reference ${'9'.repeat(400)} and 12 councils`).map((m) => m.value)).toEqual([12]);
    expect(findNumbers('code 12345678901234567890').map((m) => m.value)).toEqual([]);
  });

  it('reads "two hundred and fifty" as one number and "nine out of 10" as a share', () => {
    expect(values('around two hundred and fifty Community Champions')).toEqual([[250, 'count', null]]);
    expect(values('between two hundred and three hundred people')).toEqual([
      [200, 'count', 'low'],
      [300, 'count', 'high'],
    ]);
    expect(values('a nine out of 10 customer satisfaction rating')).toEqual([[90, 'percent', null]]);
    expect(values('nine out of the eleven boroughs')).toEqual([
      [9, 'count', null],
      [11, 'count', null],
    ]);
  });

  it('reads a number word with its scale, and a label before a sum as no range', () => {
    expect(values('almost five million HAF days')).toEqual([[5e6, 'count', null]]);
    expect(values('two thousand people')).toEqual([[2000, 'count', null]]);
    expect(values('Phase 1 - £725,000 (117 SMEs)')).toEqual([
      [1, 'count', null],
      [725000, 'GBP', null],
      [117, 'count', null],
    ]);
    expect(values('£4-5 million')).toEqual([
      [4e6, 'GBP', 'low'],
      [5e6, 'GBP', 'high'],
    ]);
  });

  it('reads number words', () => {
    expect(values('Forty-two councils and a dozen boroughs')).toEqual([
      [42, 'count', null],
      [12, 'count', null],
    ]);
    expect(values('two hundred delegates')).toEqual([[200, 'count', null]]);
  });

  it('reads a range whose top carries the scale for both ends', () => {
    expect(findNumbers('between 4-5,000 people')[0]).toMatchObject({ value: 4000, range: 'low', rangeEnd: 5000 });
    expect(findNumbers('between four and five thousand people')[0]).toMatchObject({ value: 4000, range: 'low', rangeEnd: 5000 });
    expect(findNumbers('£4-5 million')[0]).toMatchObject({ value: 4e6, rangeEnd: 5e6 });
    expect(findNumbers('100-5,000 attendees')[0]).toMatchObject({ value: 100, rangeEnd: 5000 });
  });

  it('reads shares written in words or as "N in M" as percentages', () => {
    const read = (t: string) => findNumbers(t).map((m) => [m.value, m.unit]);
    expect(read('one in five were to help')).toEqual([[20, 'percent']]);
    expect(read('Almost half (41%) of all loans')).toEqual([[50, 'percent'], [41, 'percent']]);
    expect(read('nearly a fifth of the sector')).toEqual([[20, 'percent']]);
    expect(read('More than two-thirds (222) accessed it')).toEqual([[66.67, 'percent'], [222, 'count']]);
    expect(read('in the first half of the year')).toEqual([]);
  });

  it('reads ranges as two ends', () => {
    expect(values('with 10-15 members')).toEqual([
      [10, 'count', 'low'],
      [15, 'count', 'high'],
    ]);
    expect(values('a five to ten per cent rise')).toEqual([
      [5, 'percent', 'low'],
      [10, 'percent', 'high'],
    ]);
    // A year, then "to" and what something grew to, is no range: the 4,800 stands alone.
    expect(values('grew from 3,000 in July 2021 to 4,800')).toEqual([
      [3000, 'count', null],
      [2021, 'count', null],
      [4800, 'count', null],
    ]);
    // A sum, then "to" so many of something, is what went to them: no range of money.
    expect(values('vouchers worth £110 to 28,500 households')).toEqual([
      [110, 'GBP', null],
      [28500, 'count', null],
    ]);
    expect(values('grants of £4 to 5 million')).toEqual([
      [4e6, 'GBP', 'low'],
      [5e6, 'GBP', 'high'],
    ]);
    // (A range of counts whose low end looks like a year still is one.)
    expect(values('between 2000 and 3000 people')).toEqual([
      [2000, 'count', 'low'],
      [3000, 'count', 'high'],
    ]);
  });

  it('reads a count written with a times sign, not a size', () => {
    const written = (line: string) => findNumbers(line).map((m) => [m.value, line.slice(m.start, m.end)]);
    expect(written('We held 4x online workshops (2x Backlog and 2x Skills)')).toEqual([
      [4, '4x'],
      [2, '2x'],
      [2, '2x'],
    ]);
    expect(written('12 4x4 vehicles')).toEqual([
      [12, '12'],
      [4, '4'],
      [4, '4'],
    ]);
  });

  it('joins a thousands group split by bold markup', () => {
    expect(values('received **12**, **345 views**')).toEqual([[12345, 'count', null]]);
  });

  it('passes over ordinals in words and "net zero"', () => {
    expect(findNumbers('the twenty-seventh edition, the thirtieth year').map((m) => m.value)).toEqual([]);
    expect(findNumbers('net zero by 2030; zero carbon homes; zero councils').map((m) => m.value)).toEqual([2030, 0]);
    expect(findNumbers('twenty-seven councils').map((m) => m.value)).toEqual([27]);
  });

  it('marks a trailing plus', () => {
    expect(findNumbers('100-plus councils')[0]).toMatchObject({ value: 100, plus: true });
    const [m] = findNumbers('150+ applications');
    expect(m).toMatchObject({ value: 150, plus: true });
    expect(findNumbers('30 plus newsletters')[0]).toMatchObject({ value: 30, plus: true });
  });
});

describe('readQualifier', () => {
  const q = (text: string) => {
    const masked = maskMarkup(text);
    const m = findNumbers(masked)[0]!;
    return readQualifier(masked, m.start, m.plus, m.range).qualifier;
  };
  it('reads the words before and after a number', () => {
    expect(q('over 450 people')).toBe('at_least');
    expect(q('more than 8,000 downloads')).toBe('at_least');
    expect(q('150+ applications')).toBe('at_least');
    expect(q('in excess of 3,000 staff')).toBe('at_least');
    expect(q('nearly 250 people')).toBe('approx');
    expect(q('almost 35 webinars')).toBe('approx');
    expect(q('around 25 members')).toBe('approx');
    expect(q('some 60 items')).toBe('approx');
    // "Just under" is about that, as "almost" is; "under" alone is a ceiling.
    expect(q('just under 74,000 sponsors')).toBe('approx');
    expect(q('under 20 councils')).toBe('at_most');
    expect(q('up to 25 councils')).toBe('at_most');
    expect(q('fewer than 10 councils')).toBe('at_most');
    expect(q('18 projects')).toBe('exact');
    expect(q('an average of 7 meetings')).toBe('exact');
    // LABELLING.md's "as many as" is an upper bound; "in the region of", "approaching" estimates.
    expect(q('as many as 40 councils')).toBe('at_most');
    expect(q('in the region of 300 people')).toBe('approx');
    expect(q('approaching 1,000 downloads')).toBe('approx');
    expect(q('upward of 50 events')).toBe('at_least');
    expect(q('Estimated award £219,370')).toBe('approx');
    // More than the number said: "entries surpassed 200", "sales topped 1,000".
    expect(q('entries surpassed 200 for the second year')).toBe('at_least');
    expect(q('downloads topped 1,000')).toBe('at_least');
  });
});

describe('findDates', () => {
  it('finds day, month, year and financial-year expressions', () => {
    const kinds = findDates(maskMarkup('On 9 April and 2nd June 2021 we met; since September 2020, in 2021/22, on February 12 and in December (14).')).map(
      (d) => d.kind,
    );
    expect(kinds).toEqual(['day', 'day', 'month', 'financial-year', 'day', 'day']);
  });
  it('does not read a count after a month as a day', () => {
    expect(findDates('In April 12 councils joined').map((d) => d.kind)).toEqual(['month']);
  });
});

describe('text structure', () => {
  it('splits sentences but not at abbreviations or an ellipsis', () => {
    const line = 'We met Cllr. Jones, e.g. at the hub. Return to... programmes grew. The end.';
    const spans = sentenceSpans(line).map((s) => line.slice(s.start, s.end));
    expect(spans).toEqual(['We met Cllr. Jones, e.g. at the hub.', 'Return to... programmes grew.', 'The end.']);
  });

  it('finds headings, labels, list items and paragraphs that run over lines', () => {
    const lines = analyseLines(
      ['Tenant Voice Network', '', '3. **Panels** – We held six panels and', 'two workshops.', '- 3.1 More detail here.', '4. A plain paragraph.'].join('\n'),
    );
    expect(lines[0]).toMatchObject({ heading: true, majorHeading: true });
    expect(lines[2]).toMatchObject({ label: 'Panels', continuation: false });
    expect(lines[3]).toMatchObject({ continuation: true, paragraph: 2 });
    expect(lines[4]).toMatchObject({ inheritedLabel: 'Panels' });
    expect(lines[5]).toMatchObject({ label: null, inheritedLabel: null });
  });
});
