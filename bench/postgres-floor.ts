// The benchmark's floors on PostgreSQL (bench/postgres.ts): the SQL a page ran, as the app's
// connection sent it (bench/floor.ts records it), run by `psql`; and the export's query by COPY.
//
// Engine-specific bench code is here and in bench/postgres.ts only: bench/run.ts, bench/floor.ts
// and bench/measure.ts are the same for both engines (the floor's recorder and replay work on
// the app's PostgreSQL connection as they do on better-sqlite3), and what only psql and
// PostgreSQL mean — PREPARE/EXECUTE, literals, COPY, a psql process — stays beside them here.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { asText, type Param } from '../db/engine/postgres';
import { findPostgresBin } from '../db/engine/pg-cluster';
import type { RecordedStatement } from './floor';

/** psql from the same installation as the server (Debian's /usr/bin/psql chooses by itself). */
export function psqlPath(): string {
  const found = findPostgresBin();
  const beside = 'bin' in found ? path.join(found.bin, 'psql') : '';
  return beside && fs.existsSync(beside) ? beside : 'psql';
}

/** No ~/.psqlrc, no chatter, rows unaligned without headers (the least formatting), stop at the first error. */
const PSQL_ARGS = ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1'];

/**
 * A value as a SQL literal: NULL, or the text libpq sends for it (db/engine/postgres.ts asText),
 * quoted. A quoted literal has no type of its own: PostgreSQL gives it the type it would give a
 * parameter in the same place, as it does to the app's text parameters.
 */
export function sqlLiteral(value: unknown): string {
  const text = asText(value as Param);
  return text === null ? 'NULL' : `'${text.replace(/'/g, "''")}'`;
}

/** The statement with its $1, $2… replaced by the values as literals (never inside quotes). */
export function inlineParams(sql: string, params: unknown[]): string {
  return sql
    .split(/('(?:[^']|'')*'|"(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2
        ? part
        : part.replace(/\$(\d+)/g, (_whole, n: string) => {
            if (Number(n) < 1 || Number(n) > params.length) throw new Error(`$${n} has no value (${params.length} given)`);
            return sqlLiteral(params[Number(n) - 1]);
          }),
    )
    .join('');
}

export interface PsqlScript {
  /** PREPARE for each statement with parameters, once per text: run once, before the turns. */
  prepare: string;
  /** The page's statements in the order the app ran them: EXECUTE with the values as literals, or the SQL itself. */
  execute: string;
}

/**
 * A page's statements as psql runs them, as the app's connection does: a statement with
 * parameters prepared once per text (PREPARE, the types PostgreSQL infers, as libpq's prepare
 * with none given), then run with its values (EXECUTE); one without, sent as it is (the simple
 * protocol, as the connection's exec).
 */
export function psqlScript(statements: RecordedStatement[], prefix = 'floor'): PsqlScript {
  const names = new Map<string, string>();
  const prepare: string[] = [];
  const execute: string[] = [];
  for (const s of statements) {
    const sql = s.sent.trim().replace(/;$/, '');
    if (!s.params.length) {
      execute.push(`${sql};`);
      continue;
    }
    let name = names.get(sql);
    if (!name) {
      names.set(sql, (name = `${prefix}_${names.size + 1}`));
      prepare.push(`PREPARE ${name} AS ${sql};`);
    }
    execute.push(`EXECUTE ${name}(${s.params.map(sqlLiteral).join(', ')});`);
  }
  return { prepare: prepare.join('\n'), execute: execute.join('\n') };
}

/**
 * One psql process kept open on the database, its rows written to /dev/null: the floor's
 * statements run on a warm connection, as the app's are, with no start-up in the time. A turn
 * is the script written to psql's input followed by an \echo of a marker; it ends when the
 * marker comes back, so it includes psql reading the script, every row sent to psql and written
 * out unaligned, and two trips through a pipe (an empty turn measures those).
 */
export class PsqlSession {
  private readonly child: ChildProcessWithoutNullStreams;
  private output = '';
  private errors = '';
  private turn = 0;
  private waiting?: { marker: string; resolve: () => void; reject: (error: Error) => void };
  private failure?: Error;
  private readonly exited: Promise<void>;

  constructor(url: string) {
    this.child = spawn(psqlPath(), [...PSQL_ARGS, '-d', url], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.setEncoding('utf8');
    this.child.stderr.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      this.output += chunk;
      const waiting = this.waiting;
      if (waiting && this.output.includes(waiting.marker)) {
        this.output = '';
        this.waiting = undefined;
        waiting.resolve();
      }
    });
    this.child.stderr.on('data', (chunk: string) => (this.errors += chunk));
    this.exited = new Promise((resolve) =>
      this.child.on('close', (code) => {
        this.failure ??= new Error(`psql stopped (exit code ${code}): ${this.errors.trim()}`);
        this.waiting?.reject(this.failure);
        this.waiting = undefined;
        resolve();
      }),
    );
    // Rows to /dev/null; only the markers come back on standard output.
    this.child.stdin.write('\\o /dev/null\n');
  }

  /** Runs SQL (and psql's commands) to its end. */
  run(script: string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const marker = `turn-${++this.turn}-done`;
    return new Promise((resolve, reject) => {
      this.waiting = { marker, resolve, reject };
      this.child.stdin.write(`${script}\n\\echo ${marker}\n`);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('psql closed');
    this.child.stdin.end('\\q\n');
    await this.exited;
  }
}

/** Runs a script file in a new psql (start, connect, run, quit), its rows to /dev/null. */
export function psqlFile(url: string, file: string): void {
  const result = spawnSync(psqlPath(), [...PSQL_ARGS, '-d', url, '-o', '/dev/null', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`psql -f ${file} failed: ${result.stderr || result.error?.message}`);
}

/**
 * The export's floor: `COPY (query) TO STDOUT WITH (FORMAT csv, HEADER)` in a new psql, its
 * output to /dev/null. PostgreSQL writes the CSV itself; psql passes the bytes on.
 */
export function copyToDevNull(url: string, sql: string): void {
  const result = spawnSync(psqlPath(), [...PSQL_ARGS, '-d', url, '-c', `COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER)`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`psql COPY failed: ${result.stderr || result.error?.message}`);
}
