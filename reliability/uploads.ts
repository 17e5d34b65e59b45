// npm run test:uploads — heavy and hostile uploads against the production server, while a reader
// keeps asking for the overview: a .docx zip bomb (under 1 MB, 315 MB once opened) and a 400 MB
// report form that never declares its length, each to be refused with a plain answer; then a
// preview of the largest CSV the import accepts (just under 50 MB), during which an officer's
// edits must each be answered within 2 s. The reader must get every page, and the server's memory
// must stay under 500 MB (its peak resident size, VmHWM, from /proc). Exits 1 if any fails.
import fs from 'node:fs';
import { createFixture, figureBody, importCsv } from './fixture';
import { ensureBuild, startServer } from './server';
import { repeatedParagraphDocx } from '../lib/fixtures/docx';

const PORT = 3297;
const MEMORY_BUDGET_MB = 500;
const EDIT_BUDGET_MS = 2000;
const watchdog = setTimeout(() => {
  console.error('test:uploads did not finish within 10 minutes');
  process.exit(1);
}, 10 * 60_000);

/** A multipart report form whose file part is `megabytes` of text, sent in chunks with no length. */
function unsizedForm(megabytes: number): { body: ReadableStream<Uint8Array>; type: string } {
  const boundary = `----lga${Date.now()}`;
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHuge\r\n--${boundary}\r\nContent-Disposition: form-data; name="documentDate"\r\n\r\n2021-03-31\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  const chunk = new Uint8Array(1024 * 1024).fill(0x41);
  let sent = -1;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === -1) controller.enqueue(head);
      else if (sent < megabytes) controller.enqueue(chunk);
      else {
        controller.enqueue(encoder.encode(`\r\n--${boundary}--\r\n`));
        controller.close();
      }
      sent++;
    },
  });
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

const peakMb = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function main(): Promise<number> {
  ensureBuild();
  const fixture = createFixture('uploads', 1);
  const officer = fixture.officers[0]!;
  const server = await startServer(fixture.file, PORT);
  const failures: string[] = [];
  try {
    const atRest = peakMb(server.pid);
    // A reader asking for the overview all along.
    let reading = true;
    const reads = { ok: 0, failed: 0, slowestMs: 0 };
    const reader = (async () => {
      while (reading) {
        const started = Date.now();
        try {
          const response = await fetch(`${server.base}/`);
          await response.arrayBuffer();
          if (response.ok) reads.ok++;
          else reads.failed++;
        } catch {
          reads.failed++;
        }
        reads.slowestMs = Math.max(reads.slowestMs, Date.now() - started);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const bomb = await repeatedParagraphDocx('Over 600 councillors attended.', 5_000_000);
    const form = new FormData();
    form.set('title', 'Zip bomb');
    form.set('documentDate', '2021-03-31');
    form.set('file', new Blob([Buffer.from(bomb)]), 'bomb.docx');
    let started = Date.now();
    const bombAnswer = await fetch(`${server.base}/api/import/report`, { method: 'POST', body: form, headers: { cookie: officer.cookie } });
    const bombText = await bombAnswer.text();
    const bombMs = Date.now() - started;
    console.log(`zip bomb (${(bomb.length / 1e6).toFixed(2)} MB, 315 MB opened): ${bombAnswer.status} in ${bombMs} ms — ${bombText.slice(0, 120)}`);
    if (bombAnswer.status !== 400 || !bombText.includes('far larger once opened')) failures.push('the zip bomb was not refused as too large once opened');

    const huge = unsizedForm(400);
    started = Date.now();
    const hugeAnswer = await fetch(`${server.base}/api/import/report`, {
      method: 'POST',
      body: huge.body,
      headers: { cookie: officer.cookie, 'content-type': huge.type },
      duplex: 'half',
    } as RequestInit).catch((error: Error) => error);
    const hugeMs = Date.now() - started;
    const hugeStatus = hugeAnswer instanceof Error ? `connection closed (${hugeAnswer.message})` : String(hugeAnswer.status);
    console.log(`400 MB form with no declared length: ${hugeStatus} in ${hugeMs} ms`);
    if (!(hugeAnswer instanceof Error) && hugeAnswer.status !== 413) failures.push(`the unsized 400 MB form was answered ${hugeAnswer.status}, not 413`);

    // The memory budget is for the hostile uploads: the peak so far.
    const hostilePeak = peakMb(server.pid);

    // The largest file the import takes, previewed, while an officer corrects a figure every
    // quarter second: a preview writes nothing and takes no lock, so no edit should wait on it.
    let csv = importCsv(640_000, fixture.programme, 'largest', 5_000_000);
    while (csv.length > 50 * 1024 * 1024 - 1024) csv = csv.slice(0, csv.lastIndexOf('\n'));
    const rows = csv.split('\n').length - 1;
    const send = (method: string, url: string, body: object) =>
      fetch(`${server.base}${url}`, { method, headers: { cookie: officer.cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const created = (await (await send('POST', '/api/observations', figureBody(7_000_001, fixture.programme))).json()) as { id: number };
    let previewing = true;
    const edits: number[] = [];
    let editFailures = 0;
    const editor = (async () => {
      for (let n = 0; previewing; n++) {
        const t = Date.now();
        const answer = await send('PUT', `/api/observations/${created.id}`, { ...figureBody(7_000_002 + n, fixture.programme), reason: 'edited during a preview' });
        if (!answer.ok) editFailures++;
        edits.push(Date.now() - t);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    started = Date.now();
    const preview = await fetch(`${server.base}/api/import/csv?mode=preview`, { method: 'POST', body: csv, headers: { cookie: officer.cookie, 'content-type': 'text/csv', 'x-file-name': 'largest.csv' } });
    const lines = (await preview.text()).trim().split('\n');
    const previewMs = Date.now() - started;
    previewing = false;
    await editor;
    const last = JSON.parse(lines.at(-1)!) as { type: string; result?: { rows: number; counts: Record<string, number> } };
    const slowest = Math.max(...edits);
    console.log(
      `preview of the largest accepted CSV (${(csv.length / 1024 / 1024).toFixed(1)} MB, ${rows.toLocaleString('en-GB')} rows): ${previewMs} ms, ${last.result?.counts.new ?? '?'} new; ` +
        `${edits.length} edits meanwhile, ${editFailures} failed, slowest ${slowest} ms (budget ${EDIT_BUDGET_MS} ms)`,
    );
    if (last.type !== 'result' || last.result?.rows !== rows) failures.push('the largest file was not previewed whole');
    if (editFailures > 0 || slowest > EDIT_BUDGET_MS) failures.push(`an edit during the preview failed or waited ${slowest} ms`);

    await new Promise((r) => setTimeout(r, 500));
    reading = false;
    await reader;
    const peak = peakMb(server.pid);
    console.log(`reader meanwhile: ${reads.ok} pages, ${reads.failed} failed, slowest ${reads.slowestMs} ms`);
    console.log(
      `server memory (peak resident): ${atRest.toFixed(0)} MB at rest, ${hostilePeak.toFixed(0)} MB through the hostile uploads (budget ${MEMORY_BUDGET_MB} MB), ` +
        `${peak.toFixed(0)} MB after the 50 MB preview (no budget: see README)`,
    );
    if (reads.failed > 0 || reads.ok === 0) failures.push('the reader did not get every page');
    if (hostilePeak > MEMORY_BUDGET_MB) failures.push(`the server's memory peaked at ${hostilePeak.toFixed(0)} MB through the hostile uploads`);
  } finally {
    await server.stop();
    fs.rmSync(fixture.dir, { recursive: true, force: true });
  }
  for (const f of failures) console.error(`FAIL: ${f}`);
  if (!failures.length) console.log('PASS: both refused, the largest file previewed with every edit answered in time, every page answered, memory within budget');
  return failures.length ? 1 : 0;
}

main().then((code) => {
  clearTimeout(watchdog);
  process.exit(code);
});
