// A throwaway dashboard database for the load and crash tests: migrated, seeded with the curated
// dataset, with officers signed in (sessions made directly, as sign-in itself is tested in e2e),
// and the helpers both tests use to write through the HTTP API and to check what was kept.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, openPostgresDatabase, type AppDatabase } from '../db/client';
import { migrate } from '../db/setup';
import { loadSeed } from '../db/seed';
import { createSession, SESSION_COOKIE } from '../db/auth/sessions';

export interface Officer {
  id: number;
  email: string;
  cookie: string;
}

export interface Fixture {
  dir: string;
  file: string;
  officers: Officer[];
  /** Slugs for the pages readers open. */
  board: string;
  programme: string;
  metric: string;
}

/** The fixture in a SQLite file of its own, or (with `url`) in that empty PostgreSQL database. */
export function createFixture(name: string, officers = 4, url?: string): Fixture {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lga-${name}-`));
  const file = path.join(dir, 'dashboard.db');
  const db = url ? openPostgresDatabase(url).db : openDatabase(file);
  migrate(db);
  loadSeed(db, { reportsDir: path.join(dir, 'no-reports') });
  const made: Officer[] = [];
  for (let i = 1; i <= officers; i++) {
    const email = `officer${i}@${name}.test`;
    // No one signs in with a password here; the hash is of random bytes nobody knows.
    const id = Number(
      db.$client.prepare("INSERT INTO users (email, role, password_hash) VALUES (?, 'officer', ?)").run(email, `unusable$${crypto.randomBytes(16).toString('hex')}`).lastInsertRowid,
    );
    made.push({ id, email, cookie: `${SESSION_COOKIE}=${createSession(db, id).id}` });
  }
  const first = (sql: string) => (db.$client.prepare(sql).get() as { slug: string }).slug;
  const fixture = {
    dir,
    file,
    officers: made,
    board: first('SELECT b.slug FROM boards b JOIN programmes p ON p.board_id = b.id GROUP BY b.id ORDER BY count(*) DESC LIMIT 1'),
    programme: first('SELECT p.slug FROM programmes p JOIN observations o ON o.programme_id = p.id GROUP BY p.id ORDER BY count(*) DESC LIMIT 1'),
    metric: first('SELECT m.slug FROM metrics m JOIN observations o ON o.metric_id = m.id GROUP BY m.id ORDER BY count(*) DESC LIMIT 1'),
  };
  db.$client.close();
  return fixture;
}

/** A figure an officer adds: the value makes each one distinct, so none is taken for a duplicate. */
export const figureBody = (value: number, programme: string) => ({
  programme,
  metric: 'downloads',
  value: String(value),
  qualifier: 'exact',
  basis: 'period',
  periodStart: '2016-04-01',
  periodEnd: '2016-06-30',
  datePrecision: 'month',
  note: 'written by a reliability test',
  sourceId: '',
  evidence: '',
  line: '',
  reason: '',
  confirmDuplicate: '1',
});

/** A CSV of `rows` distinct monthly figures, as an officer would upload; files meant to add new figures need their own firstValue. */
export function importCsv(rows: number, programme: string, salt: string, firstValue = 100_000, metric = 'page-views'): string {
  const lines = ['programme,metric,value,qualifier,basis,period_start,period_end,note'];
  for (let r = 0; r < rows; r++) {
    const month = r % 120;
    const year = 2011 + Math.floor(month / 12);
    const m = (month % 12) + 1;
    const mm = String(m).padStart(2, '0');
    const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
    lines.push(`${programme},${metric},${firstValue + r},exact,period,${year}-${mm}-01,${year}-${mm}-${last},${salt} row ${r + 2}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Sends a CSV import (preview or commit) and reads its progress lines to the final answer. */
export async function postImport(base: string, officer: Officer, csv: string, mode: 'preview' | 'commit', expect?: string) {
  const response = await fetch(`${base}/api/import/csv?mode=${mode}${expect ? `&expect=${expect}` : ''}`, {
    method: 'POST',
    headers: { Cookie: officer.cookie, Origin: base, 'Content-Type': 'text/csv', 'X-File-Name': `${mode}.csv` },
    body: csv,
  });
  const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l) as { type: string; result?: ImportAnswer; error?: string });
  const last = lines[lines.length - 1]!;
  if (response.status !== 200 || last.type !== 'result') throw new Error(`Import ${mode} answered ${response.status}: ${last.error ?? JSON.stringify(last)}`);
  return last.result!;
}

export interface ImportAnswer {
  counts: { new: number; update: number; unchanged: number; error: number };
  committed: boolean;
  written: { created: number; updated: number; linked: number };
}

/** The figures an upload created: those linked to the source its content hash names. */
export function importedFigureCount(db: AppDatabase, csv: string): number {
  const hash = crypto.createHash('sha256').update(csv).digest('hex');
  return (
    db.$client
      .prepare('SELECT count(DISTINCT os.observation_id) AS n FROM observation_sources os JOIN sources s ON s.id = os.source_id WHERE s.content_hash = ?')
      .get(hash) as { n: number }
  ).n;
}
