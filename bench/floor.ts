// The floor of a data function: the SQL it runs, run straight through the driver with no app
// code around it. recordStatements() captures every statement (SQL, parameters, and whether
// rows were read as arrays or objects) while the app's function runs once; replay() returns a
// function that runs exactly those statements again, prepared in advance, and nothing else.
// Both work on the app's PostgreSQL connection too (db/engine/postgres.ts), which offers the
// same calls; bench/postgres.ts uses them there.
import type Database from 'better-sqlite3';
import { forgetStatements } from '../db/statements';

export interface RecordedStatement {
  /** The SQL as the app wrote it. */
  sql: string;
  /**
   * The SQL as the driver sent it: on SQLite the same; on PostgreSQL after the dialect's rewrites,
   * with $1, $2… for its parameters (the statement's `source` on both drivers).
   */
  sent: string;
  params: unknown[];
  method: 'all' | 'get' | 'iterate' | 'run';
  raw: boolean;
}

export function recordStatements(sqlite: Database.Database, fn: () => unknown): RecordedStatement[] {
  const recorded: RecordedStatement[] = [];
  // The app keeps some statements prepared (db/statements.ts): forget them before, so that every
  // statement is prepared (and seen) here, and after, so that none of these proxies is kept.
  forgetStatements(sqlite);
  const prepare = sqlite.prepare;
  sqlite.prepare = function (this: Database.Database, source: string) {
    const statement = prepare.call(this, source);
    let raw = false;
    const proxy: Database.Statement = new Proxy(statement, {
      get(target, prop) {
        // raw() and pluck() return the statement itself: the proxy instead, or what is run next
        // would not be seen.
        if (prop === 'raw' || prop === 'pluck')
          return (on?: boolean) => {
            raw = prop === 'raw' && on !== false;
            target[prop](on !== false);
            return proxy;
          };
        if (prop === 'all' || prop === 'get' || prop === 'iterate' || prop === 'run')
          return (...params: unknown[]) => {
            recorded.push({ sql: source, sent: target.source, params, method: prop, raw });
            return (target[prop] as (...a: unknown[]) => unknown)(...params);
          };
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return proxy;
  } as typeof sqlite.prepare;
  try {
    fn();
  } finally {
    sqlite.prepare = prepare;
    forgetStatements(sqlite);
  }
  return recorded;
}

/** A function that runs the recorded statements again, reading every row, as directly as possible. */
export function replay(sqlite: Database.Database, statements: RecordedStatement[]): () => void {
  const prepared = statements.map((s) => {
    const statement = sqlite.prepare(s.sql);
    // (PostgreSQL's statements do not say whether they read: what the app called on them does.)
    const reader = statement.reader ?? s.method !== 'run';
    if (reader) statement.raw(true);
    return { statement, params: s.params, reader };
  });
  return () => {
    for (const { statement, params, reader } of prepared) {
      if (reader) statement.all(...params);
      else statement.run(...params);
    }
  };
}
