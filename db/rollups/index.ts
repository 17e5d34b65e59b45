// The speed layer's tables derived from the figures (docs/decisions/0008): their triggers are
// defined in code (triggers.ts), not in the migrations, and installed here after them. The
// triggers' text is fingerprinted into the database's user_version: when it differs — a new
// database, a migration, or code with changed triggers — every trigger is dropped and created
// again and every rollup rebuilt from the figures, in the caller's transaction.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { rebuildRollups } from './rebuild';
import { TRIGGERS } from './triggers';

/** A 31-bit fingerprint of the triggers' text (user_version is a signed 32-bit integer). */
export const ROLLUP_VERSION = crypto.createHash('sha256').update(TRIGGERS.map((t) => t.sql).join('\n;\n')).digest().readUInt32BE(0) >>> 1;

/** Installs the triggers and rebuilds the rollups if they are not the current ones (or `force`). Returns whether it did. */
export function installRollups(sqlite: Database.Database, force = false): boolean {
  const version = sqlite.pragma('user_version', { simple: true }) as number;
  if (!force && version === ROLLUP_VERSION) return false;
  for (const t of TRIGGERS) sqlite.exec(`DROP TRIGGER IF EXISTS ${t.name}`);
  for (const t of TRIGGERS) sqlite.exec(t.sql);
  rebuildRollups(sqlite);
  sqlite.pragma(`user_version = ${ROLLUP_VERSION}`);
  return true;
}
