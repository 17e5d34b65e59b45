import { describe, expect, it } from 'vitest';
import {
  checkCumulativeSeries,
  checkEvidenceAtLine,
  checkFigures,
  checkMergedFacts,
  checkRanges,
  countedWords,
  rangesInText,
  checkSameFact,
  checkValueInEvidence,
  type NumberedFigure,
} from './data-quality';

// A report written for the tests, in the style of the board papers.
const REPORT = [
  'Housing Advisers Programme',
  'The LGA launched the programme in July and has funded 24 projects.',
  'Over 600 people attended the webinar series, and a further 16 sessions are planned.',
  'As of January, 465 coaching hours had been completed.',
];
const reportLines = (file: string) => (file === 'report-a.txt' ? REPORT : null);

let nextRow = 2;
function figure(overrides: Partial<NumberedFigure> = {}): NumberedFigure {
  return {
    row: nextRow++,
    source_file: 'report-a.txt',
    line: 2,
    evidence: 'has funded 24 projects',
    board: 'Environment, Economy, Housing and Transport Board',
    programme: 'Housing Advisers Programme',
    metric: 'Projects funded',
    unit: 'count',
    value: 24,
    upper: null,
    qualifier: 'exact',
    basis: 'period',
    period_start: '2019-04-01',
    period_end: '2020-03-31',
    date_precision: 'year',
    note: null,
    part_of: null,
    ...overrides,
  };
}

describe('a correct figure', () => {
  it('passes every rule', () => {
    expect(checkFigures([figure()], reportLines)).toEqual([]);
  });
});

describe('evidence at its line', () => {
  it('fails when the evidence is on another line, and says where it is', () => {
    const problems = checkEvidenceAtLine([figure({ line: 3 })], reportLines);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/not on line 3 .* \(it is on line 2\)/);
  });

  it('fails when the evidence is not copied exactly', () => {
    const problems = checkEvidenceAtLine([figure({ evidence: 'has funded 24 successful projects' })], reportLines);
    expect(problems[0]!.message).toMatch(/nor anywhere else/);
  });

  it('skips a report whose text is not available', () => {
    expect(checkEvidenceAtLine([figure({ source_file: 'elsewhere.txt' })], reportLines)).toEqual([]);
  });
});

describe('value in evidence', () => {
  it('fails when the value is not stated in the evidence', () => {
    const problems = checkValueInEvidence([figure({ value: 25 })]);
    expect(problems).toEqual([expect.objectContaining({ rule: 'value-in-evidence', message: 'value 25 does not appear in the evidence' })]);
  });

  it('accepts separators, scales and number words', () => {
    expect(
      checkValueInEvidence([
        figure({ evidence: 'reaching 1,153 recipients', value: 1153 }),
        figure({ evidence: 'granted £14k', value: 14000, unit: 'GBP' }),
        figure({ evidence: 'Thirty-four councils', value: 34 }),
      ]),
    ).toEqual([]);
  });
});

describe('one fact, one observation', () => {
  it('fails when one fact from two reports is dated two ways', () => {
    const a = figure({ source_file: 'report-a.txt' });
    const b = figure({ source_file: 'report-b.txt', period_start: '2019-07-01' });
    const problems = checkSameFact([a, b]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(new RegExp(`rows ${a.row}, ${b.row} look like one fact`));
  });

  it('passes when the two occurrences are dated alike (they merge)', () => {
    expect(checkSameFact([figure(), figure({ source_file: 'report-b.txt' })])).toEqual([]);
  });

  it('passes when a note says the look-alikes are distinct', () => {
    const b = figure({ source_file: 'report-b.txt', period_end: '2021-03-31', note: 'Distinct from the 2019/20 round.' });
    expect(checkSameFact([figure(), b])).toEqual([]);
  });
});

describe('running totals', () => {
  const hours = (value: number, end: string, note: string | null = null) =>
    figure({ metric: 'Coaching hours', unit: 'hours', basis: 'cumulative', period_start: null, value, period_end: end, note });

  it('fails when a running total goes down without a note', () => {
    const problems = checkCumulativeSeries([hours(465, '2021-01-31'), hours(310, '2021-02-28')]);
    expect(problems).toEqual([expect.objectContaining({ rule: 'cumulative-decrease' })]);
    expect(problems[0]!.message).toMatch(/falls from 465 \(2021-01-31\) to 310 \(2021-02-28\)/);
  });

  it('passes when it rises, or when a note explains the decrease', () => {
    expect(checkCumulativeSeries([hours(310, '2020-10-31'), hours(465, '2021-01-31')])).toEqual([]);
    expect(
      checkCumulativeSeries([hours(465, '2021-01-31'), hours(310, '2021-02-28', 'Lower because cancelled sessions were removed.')]),
    ).toEqual([]);
  });

  it('adds the parts of a total that share an as-of date before comparing', () => {
    const parts = [hours(300, '2021-01-31'), hours(200, '2021-01-31'), hours(450, '2021-02-28')];
    expect(checkCumulativeSeries(parts)).toHaveLength(1); // 500 → 450 is a fall
  });
});

describe('merged facts', () => {
  // The two "11"s of the July 2020 report (line 220 and 226), as they were once merged.
  const providers = figure({ line: 220, evidence: 'CHIP has led on provider engagement under NACG involving 21 meetings with 11 provider organisations working on a range of issues', value: 11, metric: 'Networks and organisations engaged' });
  const networks = figure({ line: 226, evidence: 'Engaged with 11 ADPH regional networks.', value: 11, metric: 'Networks and organisations engaged' });

  it('fails when two occurrences merged into one figure count different things', () => {
    const problems = checkMergedFacts([providers, networks]);
    expect(problems).toEqual([expect.objectContaining({ rule: 'merged-different-facts', row: networks.row })]);
    expect(problems[0]!.message).toMatch(/“provider organisation working”, “adph regional network”/);
    // And so does the whole check, which npm run data:check runs.
    expect(checkFigures([providers, networks], () => null).map((p) => p.rule)).toContain('merged-different-facts');
  });

  it('passes a real repeat, a number standing alone, and a look-alike marked distinct', () => {
    const again = figure({ source_file: 'report-b.txt', evidence: 'the 11 provider organisations met weekly', value: 11, metric: 'Networks and organisations engaged' });
    expect(checkMergedFacts([providers, again])).toEqual([]);
    const alone = figure({ evidence: 'to produce three in this short space of time', value: 3 });
    expect(checkMergedFacts([figure({ evidence: 'to get three PPNs published', value: 3 }), alone])).toEqual([]);
    expect(checkMergedFacts([providers, { ...networks, note: 'A distinct fact from the provider organisations.' }])).toEqual([]);
  });

  it('reads what a number counts, up to the end of its phrase', () => {
    expect(countedWords('Thirty-four councils have now received bespoke advice', 34)).toEqual([]);
    expect(countedWords('all nine ADASS regional networks', 9)).toEqual(['adass', 'regional', 'network']);
    expect(countedWords('supporting eight local and combined authorities', 8)).toEqual([]);
    expect(countedWords('reaching 1,153 recipients', 1153)).toEqual(['recipient']);
  });
});

describe('ranges', () => {
  it('fails when the evidence gives a range and the figure keeps only its bottom', () => {
    const f = figure({ evidence: 'benefitting 20-30 elected members', value: 20, qualifier: 'at_least' });
    const problems = checkRanges([f]);
    expect(problems).toEqual([expect.objectContaining({ rule: 'range-without-upper', row: f.row })]);
    expect(problems[0]!.message).toMatch(/range, 20 to 30, but the figure has no upper value/);
    expect(checkFigures([f], () => null).map((p) => p.rule)).toContain('range-without-upper');
    expect(checkRanges([{ ...f, qualifier: 'exact', upper: 30 }])).toEqual([]);
  });

  it('reads ranges as a careful reader does, and not years', () => {
    expect(rangesInText('Numbers attending have ranged between 299-430.')).toEqual([{ low: 299, high: 430 }]);
    expect(rangesInText('between 4-5,000 people')).toEqual([{ low: 4000, high: 5000 }]);
    expect(rangesInText('between four and five thousand')).toEqual([{ low: 4000, high: 5000 }]);
    expect(rangesInText('in 2020-21 we funded 17 projects')).toEqual([]);
  });
});
