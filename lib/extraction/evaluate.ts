// How well extraction agrees with the curated figures (seed/figures.csv). Pure functions, so the
// matching rules are unit-tested and scripts/eval-extract.ts only reads files and prints.
//
// - A seed occurrence is *found* when a ticked proposal (not likelyContext) has the same file,
//   line, value and qualifier.
// - A ticked proposal is *correct* when it finds a seed occurrence, or when its evidence
//   contains (or is contained in) the evidence of a seed occurrence in any file with the same
//   value and qualifier: 002 is a copy of a report inside 004, and the curators recorded the
//   shared facts once.
import type { Basis, Qualifier } from '../../db/schema';
import { plainEvidence } from '../evidence';
import type { Proposal } from './index';

export interface SeedOccurrence {
  file: string;
  line: number;
  evidence: string;
  value: number;
  qualifier: Qualifier;
  metric: string;
  programme: string;
  board: string;
  basis: Basis;
  periodStart: string | null;
  periodEnd: string;
}

export interface FileResult {
  file: string;
  proposals: Proposal[];
  ms: number;
}

export interface Score {
  file: string;
  seedRows: number;
  found: number;
  ticked: number;
  correct: number;
  metricOk: number;
  programmeOk: number;
  periodEndOk: number;
  startAndBasisOk: number;
  ms: number;
  misses: SeedOccurrence[];
  falsePositives: Proposal[];
}

const sameValue = (a: number, b: number) => Math.abs(a - b) < 1e-9;

export function findsSeed(p: Proposal, file: string, s: SeedOccurrence): boolean {
  return !p.likelyContext && s.file === file && s.line === p.line && sameValue(s.value, p.value) && s.qualifier === p.qualifier;
}

/** Whether a ticked proposal agrees with the curated data (see the file comment). */
export function isCorrect(p: Proposal, file: string, seed: SeedOccurrence[]): boolean {
  if (p.likelyContext) return false;
  if (seed.some((s) => findsSeed(p, file, s))) return true;
  const mine = plainEvidence(p.evidence);
  return seed.some((s) => {
    if (!sameValue(s.value, p.value) || s.qualifier !== p.qualifier) return false;
    const theirs = plainEvidence(s.evidence);
    return theirs.length > 0 && mine.length > 0 && (mine.includes(theirs) || theirs.includes(mine));
  });
}

function emptyScore(file: string): Score {
  return { file, seedRows: 0, found: 0, ticked: 0, correct: 0, metricOk: 0, programmeOk: 0, periodEndOk: 0, startAndBasisOk: 0, ms: 0, misses: [], falsePositives: [] };
}

export function scoreFile(result: FileResult, seed: SeedOccurrence[]): Score {
  const score = emptyScore(result.file);
  score.ms = result.ms;
  for (const s of seed.filter((r) => r.file === result.file)) {
    score.seedRows++;
    const matches = result.proposals.filter((p) => findsSeed(p, result.file, s));
    if (!matches.length) {
      score.misses.push(s);
      continue;
    }
    score.found++;
    if (matches.some((p) => p.metric === s.metric)) score.metricOk++;
    if (matches.some((p) => p.programme === s.programme)) score.programmeOk++;
    if (matches.some((p) => p.periodEnd === s.periodEnd)) score.periodEndOk++;
    if (matches.some((p) => p.basis === s.basis && (p.periodStart ?? '') === (s.periodStart ?? ''))) score.startAndBasisOk++;
  }
  for (const p of result.proposals) {
    if (p.likelyContext) continue;
    score.ticked++;
    if (isCorrect(p, result.file, seed)) score.correct++;
    else score.falsePositives.push(p);
  }
  return score;
}

export function evaluate(results: FileResult[], seed: SeedOccurrence[]): { files: Score[]; total: Score } {
  const files = results.map((r) => scoreFile(r, seed));
  const total = emptyScore('total');
  for (const f of files) {
    total.seedRows += f.seedRows;
    total.found += f.found;
    total.ticked += f.ticked;
    total.correct += f.correct;
    total.metricOk += f.metricOk;
    total.programmeOk += f.programmeOk;
    total.periodEndOk += f.periodEndOk;
    total.startAndBasisOk += f.startAndBasisOk;
    total.ms += f.ms;
    total.misses.push(...f.misses);
    total.falsePositives.push(...f.falsePositives);
  }
  // Seed rows of files that were not run count as misses too.
  const run = new Set(results.map((r) => r.file));
  for (const s of seed) {
    if (run.has(s.file)) continue;
    total.seedRows++;
    total.misses.push(s);
  }
  return { files, total };
}

export const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);

export const TARGETS = { recall: 0.95, precision: 0.9, metric: 0.8, programme: 0.7 } as const;

export function targetResults(total: Score): { name: keyof typeof TARGETS; value: number; target: number; pass: boolean }[] {
  const values: Record<keyof typeof TARGETS, number> = {
    recall: ratio(total.found, total.seedRows),
    precision: ratio(total.correct, total.ticked),
    metric: ratio(total.metricOk, total.found),
    programme: ratio(total.programmeOk, total.found),
  };
  return (Object.keys(TARGETS) as (keyof typeof TARGETS)[]).map((name) => ({
    name,
    value: values[name],
    target: TARGETS[name],
    pass: values[name] >= TARGETS[name],
  }));
}
