// What a person waits for, measured against the production server (`next start`): every page's
// full HTTP response (time to the last byte, and its size), the CSV import's preview as an
// officer posts it, the server's memory (RSS, sampled through all of it and the exports), and
// each page's JavaScript as a browser fetches it: every script until the page is idle, the
// charts' chunks that load after hydration included. Used by bench/run.ts.
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { openDatabase } from '../db/client';
import { createSession, SESSION_COOKIE } from '../db/auth/sessions';
import { addUser } from '../db/auth/users';
import { importCsv } from '../reliability/fixture';
import { timing, type Sample } from './measure';

/** Every page a board member or officer opens, as the bench opens it at each size. */
export const PAGES: [name: string, path: string][] = [
  ['Overview', '/'],
  ['Boards', '/boards'],
  ['A board', '/boards/board-2'],
  ['Programmes', '/programmes'],
  ['A programme', '/programmes/programme-7'],
  ['Metrics', '/metrics'],
  ['A metric', '/metrics/attendees'],
  ['Sources', '/sources'],
  ['A source', '/sources/1'],
  ['Figures (/observations)', '/observations'],
  ['A figure', '/observations/1'],
  ['Compare', '/compare'],
  ['Import', '/import'],
];

export interface PageResult extends Sample {
  bytes: number;
}

async function timeRequest(url: string, init: RequestInit = {}): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, init);
  const body = await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return { ms: performance.now() - started, bytes: body.byteLength };
}

/** One request `runs` times after `warmup` untimed ones, one at a time: median, p95 and its size. */
async function sampleRequest(url: string, init: RequestInit, runs: number, warmup: number): Promise<PageResult> {
  for (let i = 0; i < warmup; i++) await timeRequest(url, init);
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const r = await timeRequest(url, init);
    samples.push(r.ms);
    bytes = r.bytes;
  }
  return { ...timing(samples), bytes };
}

/** Each page `runs` times after `warmup` requests, one request at a time. */
export async function benchPages(base: string, runs: number, warmup: number, cookie: string): Promise<Record<string, PageResult>> {
  const out: Record<string, PageResult> = {};
  for (const [name, pathname] of PAGES) out[name] = await sampleRequest(base + pathname, { headers: { cookie } }, runs, warmup);
  return out;
}

/** An officer's session in the bench's database, as the cookie a browser would send. */
export function officerCookie(file: string): string {
  const db = openDatabase(file);
  try {
    const id = addUser(db, { id: null, email: 'bench' }, { email: `bench-${Date.now()}@example.gov.uk`, name: 'Bench', role: 'officer' }, 'x');
    return `${SESSION_COOKIE}=${createSession(db, id).id}`;
  } finally {
    db.$client.close();
  }
}

/** The CSV import's preview of a 1,000-row return (nothing written), as an officer posts it. */
export async function benchImportPreview(base: string, cookie: string, runs: number, warmup: number): Promise<PageResult> {
  // A programme lead's return: ten years of monthly figures, none of them in the database yet.
  const csv = importCsv(1000, 'programme-7', 'bench', 1_000_000_000, 'attendees');
  const init = { method: 'POST', body: csv, headers: { cookie, 'content-type': 'text/csv', 'x-file-name': 'return.csv' } };
  return sampleRequest(`${base}/api/import/csv?mode=preview`, init, runs, warmup);
}

/** The resident memory (MB) of a process and every process under it, from /proc. */
function treeRssMb(pid: number): number {
  let kb = 0;
  const visit = (p: number) => {
    try {
      kb += Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      for (const task of fs.readdirSync(`/proc/${p}/task`))
        for (const child of fs.readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) visit(Number(child));
    } catch {
      // gone
    }
  };
  visit(pid);
  return kb / 1024;
}

/** Samples a server's memory every 50 ms until stopped; returns the peak (MB). */
export function sampleMemory(pid: number): { stop(): number } {
  let peak = treeRssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRssMb(pid))), 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeRssMb(pid));
    },
  };
}

/**
 * Each page's JavaScript as Chromium fetches it (gzip KB): every script until the network has
 * been idle for half a second, the charts' chunks fetched after hydration included. `noModule`
 * polyfills are never fetched by a browser that runs modules, so they are not counted.
 */
export async function pageJavaScript(base: string, cookie: string): Promise<Record<string, { kb: number; scripts: number }>> {
  const browser = await chromium.launch({
    executablePath: fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const sizes = new Map<string, number>();
  const out: Record<string, { kb: number; scripts: number }> = {};
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: base }]);
    for (const [page, pathname] of PAGES) {
      const tab = await context.newPage();
      const scripts = new Set<string>();
      const reading: Promise<void>[] = [];
      tab.on('response', (response) => {
        if (response.request().resourceType() !== 'script') return;
        const url = response.url();
        scripts.add(url);
        if (!sizes.has(url)) reading.push(response.body().then((body) => void sizes.set(url, gzipSync(body).byteLength)));
      });
      await tab.goto(base + pathname, { waitUntil: 'networkidle' });
      await tab.waitForTimeout(500);
      await Promise.all(reading);
      await tab.close();
      const bytes = [...scripts].reduce((n, url) => n + (sizes.get(url) ?? 0), 0);
      out[page] = { kb: bytes / 1024, scripts: scripts.size };
    }
  } finally {
    await browser.close();
  }
  return out;
}
