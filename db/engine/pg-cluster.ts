// A throwaway PostgreSQL server for tests and benchmarks: a new cluster in a temporary directory,
// listening only on a Unix socket there, removed when stopped. Debian's postgresql package puts
// its programs in /usr/lib/postgresql/<version>/bin; they refuse to run as root, so as root the
// cluster belongs to the postgres user (runuser), as the README says.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postgresDriverAvailable } from './postgres';

export interface ThrowawayCluster {
  /** A libpq connection string for the cluster's "postgres" database. */
  url: string;
  /** Makes a new, empty database and returns its connection string. */
  createDatabase(name: string): string;
  stop(): void;
}

/** Where PostgreSQL's server programs are, or null (with why) when they are not installed. */
export function findPostgresBin(): { bin: string } | { missing: string } {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  if (!versions.length) return { missing: `PostgreSQL's server programs were not found under ${root} (apt-get install postgresql)` };
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0]!;
  return { bin: path.join(root, newest, 'bin') };
}

/** Why PostgreSQL tests cannot run here (the server's programs or the libpq addon missing), or null. */
export function whyNoPostgres(): string | null {
  const found = findPostgresBin();
  if ('missing' in found) return found.missing;
  return postgresDriverAvailable() ? null : 'the optional libpq addon is not built (libpq-dev, then npm install)';
}

/** Starts a new cluster on a free port in a temporary directory. */
export function startThrowawayCluster(): ThrowawayCluster {
  const found = findPostgresBin();
  if ('missing' in found) throw new Error(found.missing);
  const root = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-pg-'));
  if (root) execFileSync('chown', ['postgres', dir]);
  const run = (program: string, args: string[]) =>
    root ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(found.bin, program), ...args], { stdio: 'pipe' }) : execFileSync(path.join(found.bin, program), args, { stdio: 'pipe' });
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  // A port number only names the socket file: nothing listens on the network.
  const port = 40000 + Math.floor(Math.random() * 20000);
  run('pg_ctl', ['-D', data, '-w', '-l', path.join(dir, 'server.log'), '-o', `-k ${dir} -p ${port} -c listen_addresses='' -c fsync=off`, 'start']);
  const url = (database: string) => `host=${dir} port=${port} user=postgres dbname=${database}`;
  let stopped = false;
  return {
    url: url('postgres'),
    createDatabase(name: string) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
      run('createdb', ['-h', dir, '-p', String(port), '-U', 'postgres', name]);
      return url(name);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-w', '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
