// npm run bench:report — how quickly a board report turns into a review (issue: report import
// that works on the next board report). Two measurements, printed, not asserted:
//  1. a 50-page PDF (printed here by Chromium from the corpus's real text, two columns on some
//     pages, with running headers and page numbers) read and extracted, as the upload does it:
//     min / median / max over several runs, against a budget of 5 s;
//  2. the review page of a report with 300 proposals, served by the production build: the time
//     from ticking a proposal to the next painted frame, over 30 ticks, against 100 ms.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from '@playwright/test';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { listReferenceNames } from '../db/queries/report-review';
import { hashPassword } from '../lib/auth/password';
import { extractFigures } from '../lib/extraction';
import { contentHash, normaliseReportText, readReportFile } from '../lib/report-text';
import { ensureBuild, ROOT, startServer } from '../reliability/server';
import { loadSeed, readSeedDataset } from '../db/seed';
import { env } from '../lib/env';

const PDF_PAGES = 50;
const PDF_RUNS = 5;
const TICKS = 30;
const PORT = 3295;
const BUDGET = { pdfMs: 5000, tickMs: 100 };
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]!, max: s[s.length - 1]! };
};
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The corpus's documents as report pages: headings, paragraphs, every third section in two columns. */
function reportHtml(): string {
  const dir = path.join(ROOT, 'corpus', 'docs');
  const docs = fs.readdirSync(dir).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const sections: string[] = [];
  for (let i = 0; sections.join('').length < 260_000; i++) {
    const paragraphs = docs[i % docs.length]!.split(/\n+/).filter((p) => p.trim());
    const body = paragraphs.map((p) => `<p>${escape(p)}</p>`).join('');
    sections.push(`<section class="${i % 3 === 2 ? 'cols' : ''}"><h2>Section ${i + 1}</h2>${body}</section>`);
  }
  return `<!doctype html><html><head><style>
    body { font: 11pt/1.45 serif; margin: 0; } h2 { font-size: 14pt; } .cols { columns: 2; column-gap: 2em; }
  </style></head><body>${sections.join('')}</body></html>`;
}

async function makePdf(browser: Browser): Promise<Uint8Array> {
  const page = await browser.newPage();
  let html = reportHtml();
  await page.setContent(html);
  let pdf = await page.pdf({
    format: 'A4',
    margin: { top: '25mm', bottom: '25mm', left: '20mm', right: '20mm' },
    displayHeaderFooter: true,
    headerTemplate: '<div style="font-size:8pt;width:100%;text-align:center">Improvement and Innovation Board, 15 July 2021</div>',
    footerTemplate: '<div style="font-size:8pt;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
  });
  // Trim to 50 pages by cutting the text in proportion, then check.
  const pagesOf = (bytes: Uint8Array) => (Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  const pages = pagesOf(pdf);
  if (pages > PDF_PAGES) {
    html = html.slice(0, Math.floor((html.length * PDF_PAGES) / pages) - 200) + '</p></section></body></html>';
    await page.setContent(html);
    pdf = await page.pdf({ format: 'A4', margin: { top: '25mm', bottom: '25mm', left: '20mm', right: '20mm' }, displayHeaderFooter: true });
  }
  await page.close();
  console.log(`PDF: ${pagesOf(pdf)} pages, ${(pdf.length / 1024).toFixed(0)} KB`);
  return pdf;
}

async function pdfBench(browser: Browser, reference: ReturnType<typeof listReferenceNames>): Promise<number> {
  const pdf = await makePdf(browser);
  const times: number[] = [];
  let found = 0;
  let chars = 0;
  for (let run = 0; run < PDF_RUNS; run++) {
    const t0 = performance.now();
    const text = await readReportFile('report.pdf', pdf);
    const proposals = extractFigures(normaliseReportText(text), { reportDate: '2021-07-15', reference });
    times.push(performance.now() - t0);
    found = proposals.length;
    chars = text.length;
  }
  const s = stats(times);
  console.log(`Read and extract: ${chars.toLocaleString('en-GB')} characters, ${found} numbers; min ${ms(s.min)}, median ${ms(s.median)}, max ${ms(s.max)} (budget ${BUDGET.pdfMs} ms) ${s.median < BUDGET.pdfMs ? 'PASS' : 'FAIL'}`);
  return s.median;
}

/** A report of 300 numbered paragraphs, each stating one figure. */
function longReport(): string {
  const lines = ['Sector support highlights (benchmark)', ''];
  for (let i = 1; i <= 300; i++) lines.push(`${i}. In June we held ${10 + (i % 40)} webinars for councils on topic ${String.fromCharCode(65 + (i % 26))}.`, '');
  return lines.join('\n');
}

async function reviewBench(browser: Browser): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lga-review-bench-'));
  const file = path.join(dir, 'bench.db');
  const db = openDatabase(file);
  migrateDatabase(db);
  loadSeed(db, { reportsDir: path.join(dir, 'none'), dataset: { ...readSeedDataset(), figures: [] } });
  const text = normaliseReportText(longReport());
  const { id: sourceId } = db.$client
    .prepare(`INSERT INTO sources (title, document_date, date_precision, text, content_hash) VALUES ('Benchmark report', '2021-07-15', 'day', ?, ?) RETURNING id`)
    .get(text, contentHash(text)) as { id: number };
  const password = crypto.randomBytes(18).toString('base64url');
  db.$client.prepare("INSERT INTO users (email, name, role, password_hash) VALUES ('bench@bench.test', 'Bench officer', 'officer', ?)").run(await hashPassword(password));
  db.$client.close();

  ensureBuild();
  const server = await startServer(file, PORT);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.base}/sign-in`);
    await page.getByLabel('Email address').fill('bench@bench.test');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`${server.base}/import/report/${sourceId}`);
    const proposals = await page.getByTestId('proposal').count();
    console.log(`Review page: ${proposals} proposals`);
    // Each tick: click a checkbox in the page and wait for the frame after React has rendered it.
    // Passed as text: tsx would otherwise name the functions with a helper the page lacks.
    const times = (await page.evaluate(`(async (ticks) => {
      const boxes = [...document.querySelectorAll('[data-testid="proposal"] input[type="checkbox"]')];
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      const out = [];
      for (let i = 0; i < ticks; i++) {
        const box = boxes[(i * 37) % boxes.length];
        const t0 = performance.now();
        box.click();
        await frame();
        out.push(performance.now() - t0);
      }
      return out;
    })(${TICKS})`)) as number[];
    const s = stats(times);
    console.log(`Tick to painted frame over ${TICKS} ticks: min ${ms(s.min)}, median ${ms(s.median)}, max ${ms(s.max)} (budget ${BUDGET.tickMs} ms) ${s.median < BUDGET.tickMs ? 'PASS' : 'FAIL'}`);
    return s.median;
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const browser = await chromium.launch({ executablePath: env().CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const refDb = openDatabase(':memory:');
    migrateDatabase(refDb);
    loadSeed(refDb, { reportsDir: path.join(os.tmpdir(), 'none'), dataset: { ...readSeedDataset(), figures: [] } });
    const reference = listReferenceNames(refDb);
    await pdfBench(browser, reference);
    await reviewBench(browser);
  } finally {
    await browser.close();
  }
}

void main();
