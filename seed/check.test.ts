import { env } from '../lib/env';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEvidenceAtLine, checkFigures, compareWithLabels } from '../lib/data-quality';
import { reportLinesFrom } from './check';
import { DEFAULT_REPORTS_DIR, readNumberLabels, readSeedDataset } from '../db/seed';

const dataset = readSeedDataset();
const reportsDir = env().REPORTS_DIR ?? DEFAULT_REPORTS_DIR;
const reportsHere = dataset.sources.every((s) => fs.existsSync(path.join(reportsDir, s.file_name)));
const noReports = () => null;
if (!reportsHere) console.warn(`Skipping the evidence-at-its-line check: the board reports are not in ${reportsDir} (a fresh clone without ../shared).`);

describe('the curated dataset', () => {
  it('passes every data-quality rule that needs no report text', () => {
    expect(checkFigures(dataset.figures, noReports)).toEqual([]);
  });

  it.skipIf(!reportsHere)(
    `has every evidence sentence verbatim at its line (needs the reports in ${reportsDir}; skipped where they are absent, as in a fresh clone without ../shared)`,
    () => {
      expect(checkEvidenceAtLine(dataset.figures, reportLinesFrom(reportsDir))).toEqual([]);
    },
  );

  it('holds at least 98% of the numbers labelled as figures a careful reader would store, and none labelled as not figures', () => {
    const labels = readNumberLabels();
    // Every number mention of the five reports is labelled (seed/number-labels.csv), figures and not.
    expect(labels.length).toBeGreaterThan(500);
    const result = compareWithLabels(dataset.figures, labels);
    expect(result.wanted).toBeGreaterThanOrEqual(190);
    expect(result.stored / result.wanted).toBeGreaterThanOrEqual(0.98);
    expect(result.context).toEqual([]);
    // The check would notice a breakdown left in a note, or a context number stored.
    const withoutPart = dataset.figures.filter((f) => !(f.part_of === 171 && f.value === 32));
    expect(compareWithLabels(withoutPart, labels).missing).toEqual([expect.objectContaining({ value: 32, line: 76 })]);
    const sixBoardMembers = { ...dataset.figures[0]!, source_file: '003_2d8ae057dd1c96b2.txt', line: 62, value: 6 };
    expect(compareWithLabels([...dataset.figures, sixBoardMembers], labels).context).toEqual([sixBoardMembers]);
  });

  it('corrects the figures found wrong: a range kept whole, a 2020 conference out of Q4 2020/21, two different 11s apart', () => {
    const find = (line: number, value: number) => dataset.figures.filter((f) => f.source_file.startsWith('001') && f.line === line && f.value === value);
    expect(find(47, 20)).toEqual([expect.objectContaining({ qualifier: 'exact', upper: 30 })]);
    expect(find(205, 299)).toEqual([expect.objectContaining({ qualifier: 'exact', upper: 430, period_start: '2020-04-01' })]);
    expect(find(205, 430)).toEqual([]);
    expect(find(200, 5000)).toEqual([expect.objectContaining({ period_start: '2020-04-01', period_end: '2021-02-28' })]);
    expect(find(215, 4)).toEqual([]);
  });

  it('holds about two hundred figure occurrences from all five reports', () => {
    expect(dataset.figures.length).toBeGreaterThanOrEqual(190);
    expect(new Set(dataset.figures.map((f) => f.source_file)).size).toBe(5);
  });

  it('keeps the Return to Social Work series across the March 2020, June 2020 and February 2021 reports', () => {
    const rtsw = dataset.figures.filter((f) => f.programme === 'Return to Social Work');
    const seen = (metric: string, value: number, end: string) =>
      rtsw.some((f) => f.metric === metric && f.value === value && f.period_end === end);
    expect(seen('Applications', 275, '2020-03-31')).toBe(true);
    expect(seen('Expressions of interest', 890, '2020-03-31')).toBe(true);
    expect(seen('Applications', 1000, '2020-06-30')).toBe(true);
    expect(seen('Councils supported', 88, '2020-06-30')).toBe(true);
    expect(seen('Candidates', 111, '2021-02-28')).toBe(true);
    expect(seen('People placed', 86, '2021-02-28')).toBe(true);
    expect(seen('Job offers', 59, '2021-02-28')).toBe(true);
  });

  it('keeps both Housing Advisers Programme rounds and the coaching figures', () => {
    const hap = dataset.figures.filter((f) => f.programme === 'Housing Advisers Programme' && f.metric === 'Projects funded');
    expect(new Set(hap.map((f) => `${f.value}@${f.period_end}`))).toEqual(new Set(['24@2020-03-31', '17@2021-02-28']));
    expect(hap.filter((f) => f.value === 24).map((f) => f.source_file).sort()).toEqual([
      '000_a02b5db3c667bd67.txt',
      '003_2d8ae057dd1c96b2.txt',
    ]);
    const coaching = dataset.figures.filter((f) => f.metric === 'Coaching hours');
    expect(coaching).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ programme: 'Coaching for chief executives', value: 465, basis: 'cumulative', period_end: '2021-01-31' }),
        expect.objectContaining({ programme: 'Top team coaching', value: 76 }),
      ]),
    );
  });
});
