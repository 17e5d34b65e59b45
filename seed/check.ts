// npm run data:check — the data-quality check of the curated dataset (docs/decisions/0002).
import fs from 'node:fs';
import path from 'node:path';
import { checkFigures, compareWithLabels, type ReportLines } from '../lib/data-quality';
import { DEFAULT_REPORTS_DIR, groupFacts, readNumberLabels, readSeedDataset, SeedError } from '../db/seed';
import { env } from '../lib/env';

export function reportLinesFrom(dir: string): ReportLines {
  const cache = new Map<string, string[] | null>();
  return (file) => {
    if (!cache.has(file)) {
      const full = path.join(dir, path.basename(file));
      cache.set(file, fs.existsSync(full) ? fs.readFileSync(full, 'utf8').split('\n') : null);
    }
    return cache.get(file)!;
  };
}

function main(): number {
  let dataset;
  try {
    dataset = readSeedDataset();
  } catch (error) {
    if (!(error instanceof SeedError)) throw error;
    console.error(`Data-quality check FAILED (rows that do not parse):\n${error.problems.join('\n')}`);
    return 1;
  }
  const reportsDir = env().REPORTS_DIR ?? DEFAULT_REPORTS_DIR;
  const reportsHere = dataset.sources.every((s) => fs.existsSync(path.join(reportsDir, s.file_name)));
  const problems = checkFigures(dataset.figures, reportLinesFrom(reportsDir));
  const observations = groupFacts(dataset.figures).length;
  console.log(
    `${dataset.figures.length} figure occurrences → ${observations} observations from ${dataset.sources.length} sources, ` +
      `${dataset.programmes.length} programmes, ${dataset.metrics.length} metrics, ${dataset.boards.length} boards.`,
  );
  if (!reportsHere)
    console.log(`Reports not found in ${reportsDir}: the evidence-at-line rule was skipped (set REPORTS_DIR).`);
  // Against every number of the reports labelled by hand (seed/number-labels.csv).
  const labelled = compareWithLabels(dataset.figures, readNumberLabels());
  console.log(
    `Holds ${labelled.stored} of the ${labelled.wanted} numbers labelled as figures a careful reader would store ` +
      `(${((100 * labelled.stored) / labelled.wanted).toFixed(1)}%), and ${labelled.context.length} numbers labelled as not figures.`,
  );
  for (const m of labelled.missing) console.log(`  not stored: ${m.file} line ${m.line}, ${m.value}`);
  for (const f of labelled.context) problems.push({ row: f.row, rule: 'labels', message: `${f.value} on line ${f.line} of ${f.source_file} is not labelled as a figure in seed/number-labels.csv` });
  if (labelled.stored < 0.98 * labelled.wanted) problems.push({ rule: 'labels', message: `the dataset holds fewer than 98% of the figures labelled in seed/number-labels.csv` });
  if (problems.length) {
    console.error(`Data-quality check FAILED with ${problems.length} problem(s):`);
    for (const p of problems) console.error(`  figures.csv${p.row ? ` row ${p.row}` : ''} [${p.rule}]: ${p.message}`);
    return 1;
  }
  console.log('Data-quality check passed: every row parses, every evidence sentence is in its report at its line,');
  console.log('every value is in its evidence, no fact is recorded twice, no running total goes down unexplained.');
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) process.exitCode = main();
