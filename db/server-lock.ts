// The running app's claim on its database file: `<file>.server.lock` holds the server's process
// id while it runs. db:restore refuses while a live process holds it, since replacing the file
// under a running app loses what it writes next (a confirmed write was lost that way). A lock left
// by a process that no longer runs (killed with -9) does not count.
import fs from 'node:fs';

const lockFile = (database: string) => `${database}.server.lock`;

/** Claims the database for this process until it exits. */
export function holdServerLock(database: string): void {
  const file = lockFile(database);
  fs.writeFileSync(file, String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
  // Next.js ends the server with process.exit on SIGINT and SIGTERM, so 'exit' covers a normal stop.
  process.once('exit', release);
}

/** The process id of a running app holding the database, or null when none does. */
export function serverHoldingLock(database: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(lockFile(database), 'utf8'));
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: it runs, as another user; ESRCH: no such process.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
