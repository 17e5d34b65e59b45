// The production server for the slow suites (benchmark, load and crash tests): build it when the
// build is missing or older than the code, start `next start` on a loopback port against a given
// database file, and stop it, politely or (for the crash test) with SIGKILL.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

export function ensureBuild(): void {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  const stale =
    !fs.existsSync(buildId) ||
    spawnSync('find', ['app', 'db', 'lib', 'next.config.ts', 'proxy.ts', 'instrumentation.ts', 'package.json', '-newer', buildId, '-print', '-quit'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() !== '';
  if (!stale) return;
  console.log('Building the production server (next build)…');
  execFileSync('npx', ['--no-install', 'next', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
}

// Servers run in their own process group (so that a kill reaches Next's workers too), which also
// means they outlive this process unless stopped. Whatever way this process ends — done, failed,
// or stopped by its watchdog — the servers it started go with it.
const running = new Set<number>();
process.on('exit', () => {
  for (const pid of running)
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
});

export interface RunningServer {
  base: string;
  /** The server's process id (Node itself: scripts/serve.sh execs it, with no npx between). */
  pid: number;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `next start` on 127.0.0.1:port with this database and waits until it answers. */
export async function startServer(file: string, port: number, env: Record<string, string> = {}): Promise<RunningServer> {
  // scripts/serve.sh, as npm start runs it: it execs Node, so the pid is the server's.
  const server = spawn('bash', [path.join(ROOT, 'scripts/serve.sh'), '-H', '127.0.0.1', '-p', String(port)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: file, NEXT_TELEMETRY_DISABLED: '1', REQUIRE_SIGN_IN: '0', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  running.add(server.pid!);
  const exited = new Promise<void>((resolve) =>
    server.once('exit', () => {
      running.delete(server.pid!);
      resolve();
    }),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (gone) throw new Error(`The server on port ${port} exited while starting`);
    if (i === 600) throw new Error(`The server on port ${port} did not answer within 60 s`);
    try {
      if ((await fetch(`${base}/sign-in`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    pid: server.pid!,
    exited,
    async stop(signal = 'SIGTERM') {
      try {
        process.kill(-server.pid!, signal);
      } catch {
        return; // already gone
      }
      await exited;
    },
  };
}
