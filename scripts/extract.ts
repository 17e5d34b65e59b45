// npm run -s extract -- FILE [--date YYYY-MM or YYYY-MM-DD] [--title TITLE] [--json] [--text]
//
// Reads a report (.txt, .md, .docx or .pdf) as the import page reads it, proposes its figures
// as the import page proposes them (lib/extraction), and prints them: a readable table, or with
// --json one object per number found. --text prints the text as read instead (what the line
// numbers count). The dashboard's boards, programmes and metrics are those of the seed dataset
// (seed/*.csv), or of a database named by DATABASE_PATH where that file exists.
import fs from 'node:fs';
import path from 'node:path';
import { extractFigures, type ReferenceNames } from '../lib/extraction';
import { seedReference } from './seed-reference';
import { readReportFile, ReportFileError } from '../lib/report-text';
import { env } from '../lib/env';

const USAGE = 'Usage: npm run -s extract -- FILE [--date YYYY-MM or YYYY-MM-DD] [--title TITLE] [--json] [--text]';

function referenceNames(): ReferenceNames {
  const database = env().DATABASE_PATH;
  if (database && fs.existsSync(database)) {
    // Only when asked: the script runs without the app's native database driver otherwise.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Database = require('better-sqlite3') as typeof import('better-sqlite3');
    const db = new Database(database, { readonly: true, fileMustExist: true });
    const all = <T>(sql: string) => db.prepare(sql).all() as T[];
    const names: ReferenceNames = {
      boards: all('SELECT name, slug FROM boards'),
      programmes: all('SELECT p.name, p.slug, b.name AS board, p.theme FROM programmes p JOIN boards b ON b.id = p.board_id'),
      metrics: all('SELECT name, slug, unit, definition FROM metrics'),
    };
    db.close();
    return names;
  }
  return seedReference();
}

/** The report's date: "2021-03" is the end of March 2021 (month precision). */
function readDate(raw: string | undefined): { date: string; precision: 'day' | 'month' } | null {
  if (!raw) {
    const today = new Date().toISOString().slice(0, 10);
    return { date: today, precision: 'day' };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(raw);
  if (month) {
    const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).toISOString().slice(0, 10);
    return Number(month[2]) >= 1 && Number(month[2]) <= 12 ? { date: last, precision: 'month' } : null;
  }
  const day = /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) && new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw);
  return day ? { date: raw, precision: 'day' } : null;
}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const flag = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return false;
    args.splice(i, 1);
    return true;
  };
  const option = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const value = args[i + 1];
    args.splice(i, 2);
    return value;
  };
  const json = flag('--json');
  const textOnly = flag('--text');
  const dateRaw = option('--date');
  const title = option('--title');
  const file = args[0];
  if (!file || args.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const when = readDate(dateRaw);
  if (!when) {
    console.error(`“${dateRaw}” is not a date: use YYYY-MM-DD or YYYY-MM (the end of that month).\n${USAGE}`);
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`No file at ${file}.`);
    return 2;
  }
  let text: string;
  try {
    text = await readReportFile(path.basename(file), new Uint8Array(fs.readFileSync(file)));
  } catch (error) {
    if (error instanceof ReportFileError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  if (textOnly) {
    process.stdout.write(`${text}\n`);
    return 0;
  }
  const reference = referenceNames();
  const lines = text.split('\n');
  const slugOf = (name: string | null, list: { name: string; slug: string }[]) => (name === null ? null : (list.find((x) => x.name === name)?.slug ?? name));
  const numbers = extractFigures(text, { reportDate: when.date, datePrecision: when.precision, reference, title }).map((p) => {
    const at = lines[p.line - 1]!.indexOf(p.evidence);
    const start = Math.max(0, at) + p.numberStart;
    const end = Math.max(0, at) + p.numberEnd;
    return {
      line: p.line,
      start,
      end,
      text: lines[p.line - 1]!.slice(start, end),
      value: p.value,
      qualifier: p.qualifier,
      upper: p.upper,
      metric: p.metric === null ? p.proposedMetric : slugOf(p.metric, reference.metrics),
      programme: p.programme === null ? p.proposedProgramme : slugOf(p.programme, reference.programmes),
      basis: p.basis,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      proposed: !p.likelyContext,
      reason: p.contextReason,
      evidence: p.evidence,
    };
  });
  if (json) {
    process.stdout.write(`${JSON.stringify(numbers, null, 2)}\n`);
    return 0;
  }
  const proposed = numbers.filter((n) => n.proposed);
  console.log(`${path.basename(file)}: ${lines.length} lines, ${numbers.length} numbers, ${proposed.length} proposed as figures (report date ${when.date}).\n`);
  const show = (s: string | null, width: number) => (s ?? '—').slice(0, width).padEnd(width);
  console.log(`${'line'.padStart(5)}  ${show('number', 14)}  ${show('metric', 24)}  ${show('programme', 28)}  ${show('basis', 10)}  ${show('period end', 10)}  set apart because`);
  for (const n of numbers)
    console.log(
      `${String(n.line).padStart(5)}  ${show(n.text, 14)}  ${show(n.metric, 24)}  ${show(n.programme, 28)}  ${show(n.basis, 10)}  ${show(n.periodEnd, 10)}  ${n.proposed ? '' : (n.reason ?? 'not a figure')}`,
    );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
