import { describe, expect, it } from 'vitest';
import { evaluate, isCorrect, targetResults, type SeedOccurrence } from './evaluate';
import type { Proposal } from './index';

function proposal(over: Partial<Proposal>): Proposal {
  return {
    line: 1,
    evidence: '',
    numberStart: 0,
    numberEnd: 0,
    value: 0,
    qualifier: 'exact',
    unit: 'count',
    counted: '',
    metric: null,
    programme: null,
    board: null,
    basis: 'period',
    periodStart: null,
    periodEnd: '2021-03-31',
    datePrecision: 'month',
    likelyContext: false,
    contextReason: null,
    upper: null,
    proposedMetric: null,
    proposedProgramme: null,
    table: null,
    ...over,
  };
}

function seedRow(over: Partial<SeedOccurrence>): SeedOccurrence {
  return {
    file: 'a.txt',
    line: 1,
    evidence: '',
    value: 0,
    qualifier: 'exact',
    metric: 'Councils supported',
    programme: 'Tenant Voice Network',
    board: 'Housing and Planning Board',
    basis: 'period',
    periodStart: null,
    periodEnd: '2021-03-31',
    ...over,
  };
}

// A tiny hand-made case: two reports, the second a copy of part of the first.
const seed: SeedOccurrence[] = [
  seedRow({ line: 3, value: 40, qualifier: 'at_least', evidence: 'Over 40 councils joined the network.', metric: 'Councils supported' }),
  seedRow({ line: 5, value: 12, evidence: 'We held 12 **webinars** for tenants.', metric: 'Events delivered', periodEnd: '2021-02-28' }),
  seedRow({ line: 9, value: 300, qualifier: 'approx', evidence: 'nearly 300 people attended', metric: 'Attendees', programme: 'Other' }),
];

const results = [
  {
    file: 'a.txt',
    ms: 2,
    proposals: [
      // finds line 3 (value and qualifier agree), metric and programme right
      proposal({ line: 3, value: 40, qualifier: 'at_least', evidence: 'Over 40 councils joined the network.', metric: 'Councils supported', programme: 'Tenant Voice Network' }),
      // right value, wrong qualifier: neither found nor correct
      proposal({ line: 9, value: 300, qualifier: 'exact', evidence: 'In all, nearly 300 people attended.', metric: 'Attendees' }),
      // line 5 proposed only as context: not found, and not counted as ticked
      proposal({ line: 5, value: 12, likelyContext: true, contextReason: 'a duration' }),
      // a ticked number the curators did not record: a false positive
      proposal({ line: 7, value: 2019, evidence: 'Since 2019 the network has grown.' }),
    ],
  },
  {
    file: 'b.txt',
    ms: 1,
    // The copy: same sentence, another file and line — correct, though it finds no row of b.txt.
    proposals: [proposal({ line: 1, value: 12, evidence: 'We held 12 webinars for tenants.', metric: 'Events delivered' })],
  },
];

describe('evaluate', () => {
  const { files, total } = evaluate(results, seed);

  it('counts a seed row as found only for a ticked proposal with its file, line, value and qualifier', () => {
    expect(files[0]).toMatchObject({ seedRows: 3, found: 1, ticked: 3, correct: 1 });
    expect(files[0]!.misses.map((m) => m.line)).toEqual([5, 9]);
  });

  it('counts a copy of a seed sentence in another file as correct (precision), not as found', () => {
    expect(files[1]).toMatchObject({ seedRows: 0, found: 0, ticked: 1, correct: 1 });
    expect(isCorrect(results[1]!.proposals[0]!, 'b.txt', seed)).toBe(true);
  });

  it('adds up the totals and judges metric and programme on found rows', () => {
    expect(total).toMatchObject({ seedRows: 3, found: 1, ticked: 4, correct: 2, metricOk: 1, programmeOk: 1, periodEndOk: 1, ms: 3 });
    expect(total.falsePositives.map((p) => p.value)).toEqual([300, 2019]);
  });

  it('checks the targets', () => {
    const byName = Object.fromEntries(targetResults(total).map((t) => [t.name, t]));
    expect(byName.recall).toMatchObject({ value: 1 / 3, pass: false, held: false });
    expect(byName.precision).toMatchObject({ value: 0.5, pass: false, held: false });
    expect(byName.metric).toMatchObject({ value: 1, pass: true });
    expect(byName.programme).toMatchObject({ value: 1, pass: true });
  });
});
