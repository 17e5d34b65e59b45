import { describe, expect, it } from 'vitest';
import { extractFigures } from './index';
import { FEATURE_NAMES, readerMayPropose, readerReason, wordFeatures, type FeatureInput, type ReaderWeights } from './scorer';
import { TEST_REFERENCE } from './test-reference';

const input = (over: Partial<FeatureInput> = {}): FeatureInput => ({
  value: 120,
  unit: 'count',
  written: 'numeral',
  qualifier: 'exact',
  range: false,
  slug: null,
  phrase: 'councillors',
  borrowed: false,
  before: 'This year we trained ',
  after: ' councillors in scrutiny.',
  sentence: 'This year we trained 120 councillors in scrutiny.',
  basis: 'period',
  inList: false,
  labelled: false,
  numbersInSentence: 1,
  ruleReason: null,
  tableCell: false,
  ...over,
});

// Weights that say only "a figure" (bias +5) or only "not a figure" (bias −5).
const sure = (bias: number): ReaderWeights => ({ dense: [bias, ...new Array<number>(FEATURE_NAMES.length - 1).fill(0)], words: {}, threshold: 0.5 });

describe('the reader', () => {
  it('weighs the rules’ verdict and the words around the number by name and position', () => {
    const f = wordFeatures(input());
    expect(f).toEqual(expect.arrayContaining(['rules: propose', 'unit: count', 'measure: new', 'before 1: trained', 'before 2: we', 'after 1: councillors', 'head noun: councillors', 'near after: scrutiny', 'sentence: trained']));
    expect(wordFeatures(input({ ruleReason: 'no measure named' }))).toEqual(expect.arrayContaining(['rules: set apart', 'rules: no measure named']));
    expect(wordFeatures(input({ tableCell: true }))).toContain('table cell');
  });

  it('may overrule the rules’ judgements of whose money a sum is and of a number naming nothing, and no other reason', () => {
    expect(readerMayPropose(null)).toBe(true);
    for (const judgement of ['a sum of money, not awarded or saved by a programme', 'money received, not awarded or saved by a programme', 'government funding', 'no measure named'])
      expect(readerMayPropose(judgement), judgement).toBe(true);
    for (const settled of ['a target, not something delivered', 'an age range', 'a duration', 'a rate', 'a measurement', 'an outside statistic', 'part of a link to a document'])
      expect(readerMayPropose(settled), settled).toBe(false);
  });

  it('proposes what it thinks a figure unless the rules said what the number is, and sets apart what it doubts', () => {
    // Sure of a figure: a judgement is overruled, a target stands.
    expect(readerReason(input({ ruleReason: 'money received, not awarded or saved by a programme' }), sure(5))).toBeNull();
    expect(readerReason(input({ ruleReason: 'a target, not something delivered' }), sure(5))).toBe('a target, not something delivered');
    // Sure it is not: what the rules proposed is set apart, with a reason in plain words.
    expect(readerReason(input(), sure(-5))).toEqual(expect.any(String));
    expect(readerReason(input({ ruleReason: 'an age range' }), sure(-5))).toBe('an age range');
  });

  it('leaves the rules’ verdicts alone with rulesOnly, and gives every number it read its features', () => {
    const text = 'Update\n\nThe sessions were for young people aged 16 to 25. We trained 120 councillors in scrutiny.';
    const rules = extractFigures(text, { reportDate: '2024-03-31', reference: TEST_REFERENCE, rulesOnly: true });
    const read = extractFigures(text, { reportDate: '2024-03-31', reference: TEST_REFERENCE });
    expect(rules.map((p) => p.value)).toEqual(read.map((p) => p.value));
    expect(rules.filter((p) => !p.features)).toEqual([]);
    expect(read.filter((p) => p.features)).toEqual([]);
    // An age range stays set apart whatever the reader thinks; a delivery is proposed.
    expect(read.find((p) => p.value === 16)).toMatchObject({ likelyContext: true, contextReason: 'an age range' });
    expect(read.find((p) => p.value === 120)).toMatchObject({ likelyContext: false });
  });
});
