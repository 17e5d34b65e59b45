import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../lib/errors';
import type { SessionUser } from '../../lib/auth/roles';
import type { AppDatabase } from '../client';
import { addTestUser, createSeededTestDatabase, exportFrom } from '../testing';
import { importFiguresCsv, type ImportOptions } from './csv-import';
import { updateObservation } from './observations';
import ExcelJS from 'exceljs';
import { OBSERVATION_XLSX_COLUMNS, observationExportRows, observationExportStream } from '../export/export';
import { uploadAsCsv, xlsxStream } from '../../lib/xlsx';
import { observationInputSchema } from '../../lib/observation-input';

let db: AppDatabase;
let officer: SessionUser;

beforeEach(() => {
  db = createSeededTestDatabase();
  officer = addTestUser(db, 'officer', 'o@example.gov.uk', 'Olu');
});

const count = (sql: string, ...params: unknown[]) => (db.$client.prepare(sql).get(...params) as { n: number }).n;
const snapshot = () => ({
  observations: count('SELECT count(*) n FROM observations'),
  links: count('SELECT count(*) n FROM observation_sources'),
  sources: count('SELECT count(*) n FROM sources'),
  audit: count('SELECT count(*) n FROM audit_log'),
});

/** The file as the browser sends it: bytes in chunks, here cut at awkward places. */
async function* chunks(text: string | Uint8Array, size = 7): AsyncIterable<Uint8Array> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const run = (text: string | Uint8Array, options: Partial<ImportOptions> = {}, user: SessionUser = officer) =>
  importFiguresCsv(db, user, chunks(text), { fileName: 'q1-returns.csv', mode: 'preview', onError: 'block', ...options });

// Coaching hours Q4 2020/21 is in the seed (76 hours, Chief Executive and Leader coaching? — found below).
const existing = () =>
  db.$client
    .prepare(
      `SELECT o.id, p.name programme, m.name metric, o.value, o.qualifier, o.basis, coalesce(o.period_start, '') period_start, o.period_end, o.date_precision, coalesce(o.note, '') note
       FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN metrics m ON m.id = o.metric_id ORDER BY o.id LIMIT 1`,
    )
    .get() as Record<string, string | number>;

const HEADER = 'programme,metric,value,qualifier,basis,period_start,period_end,note';

function mixedFile() {
  const e = existing();
  return [
    HEADER,
    'Remote Peer Support,Attendees,"1,250",over,period,01/04/2021,30/06/2021,',
    'remote-peer-support,councils-supported,40,exact,cumulative,,2021-06-30,',
    `${e.programme},${e.metric},${e.value},${e.qualifier},${e.basis},${e.period_start},${e.period_end},`,
    'Remote Peer Support,Attendees,lots,exact,period,,2021-06-30,',
  ].join('\r\n');
}

describe('CSV import preview', () => {
  it('classifies rows as new, already recorded and errors, and writes nothing', async () => {
    const before = snapshot();
    const r = await run(mixedFile());
    expect(r.fileProblem).toBeNull();
    expect(r.rows).toBe(4);
    expect(r.counts).toEqual({ new: 2, update: 0, unchanged: 1, error: 1 });
    expect(r.problems).toEqual([{ row: 5, column: 'value', message: expect.stringContaining('Value must be a number') }]);
    expect(r.samples.map((s) => [s.row, s.status])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'unchanged'],
      [5, 'error'],
    ]);
    expect(r.samples[0]).toMatchObject({ programme: 'Remote Peer Support', metric: 'Attendees', value: 1250, qualifier: 'at_least', periodStart: '2021-04-01' });
    expect(r.committed).toBe(false);
    expect(snapshot()).toEqual(before);
  });

  it('names unknown programmes, metrics, boards and sources with their column', async () => {
    const file = [
      'board,programme,metric,value,qualifier,basis,period_end,source_file,evidence',
      ',Nonexistent Programme,Attendees,5,exact,period,2021-06-30,,',
      ',Remote Peer Support,Smiles,5,exact,period,2021-06-30,,',
      'Resources Board,Remote Peer Support,Attendees,5,exact,period,2021-06-30,,',
      ',Remote Peer Support,Attendees,5,exact,period,2021-06-30,unknown.docx,It said 5.',
      ',Remote Peer Support,Attendees,5,exact,period,2021-06-30,003_2d8ae057dd1c96b2.txt,',
    ].join('\n');
    const r = await run(file);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'programme'],
      [3, 'metric'],
      [4, 'board'],
      [5, 'source_file'],
      [6, 'evidence'],
    ]);
    expect(r.problems[0]!.message).toBe('Programme “Nonexistent Programme” is not in the dashboard; add it first or check the spelling');
    expect(r.problems[2]!.message).toBe('Programme “Remote Peer Support” belongs to the Improvement and Innovation Board, not “Resources Board”');
  });

  it('reads ; files with decimal commas, a BOM, Windows-1252 £ signs and odd header case', async () => {
    const text = '\uFEFFProgramme;Metric;Value;Qualifier;Basis;Period End\r\nHousing Advisers Programme;Money awarded;£12.500;exact;period;31/03/2021\r\n';
    const r = await run(text);
    expect(r.counts).toEqual({ new: 1, update: 0, unchanged: 0, error: 0 });
    expect(r.samples[0]).toMatchObject({ value: 12500, periodEnd: '2021-03-31' });
    const latin1 = Uint8Array.from([...'Programme,Metric,Value,Qualifier,Basis,Period end\nHousing Advisers Programme,Money awarded,'].map((c) => c.charCodeAt(0)).concat([0xa3], [...'900,exact,period,2021-03-31\n'].map((c) => c.charCodeAt(0))));
    const r2 = await run(latin1);
    expect(r2.samples[0]).toMatchObject({ status: 'new', value: 900 });
  });

  it('refuses a file without the columns it needs, a spreadsheet, binary and empty files', async () => {
    expect((await run('programme,value\nPeer Support,5\n')).fileProblem).toBe(
      'The file has no “metric”, “qualifier”, “basis”, “period_end” columns. The first line must name the columns (see the format below).',
    );
    expect((await run(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]))).fileProblem).toMatch(/spreadsheet file, not CSV/);
    expect((await run(Uint8Array.from([1, 2, 0, 4, 5]))).fileProblem).toBe('This file is not a CSV text file.');
    expect((await run('')).fileProblem).toBe('The file is empty.');
    expect((await run(`${HEADER}\n`)).fileProblem).toBe('The file has a header but no figures.');
    expect((await run(`${HEADER}\n"Peer Support,Attendees,5,exact,period,,2021-06-30,\n`)).fileProblem).toMatch(/could not be read as CSV/);
  });

  it('reports progress through a long file and checks every row', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 2500; i++) lines.push(`Remote Peer Support,Attendees,${1000 + i},exact,period,,2030-01-31,`);
    const seen: number[] = [];
    const r = await importFiguresCsv(db, officer, chunks(lines.join('\n'), 4096), { fileName: 'big.csv', mode: 'preview', onError: 'block', onProgress: (p) => seen.push(p.rows) });
    expect(r.counts.new).toBe(2500);
    expect(seen).toEqual([1000, 2000, 2500]);
    // The preview lists a sample of each kind, not every row.
    expect(r.samples).toHaveLength(100);
  });

  it('is for officers only', async () => {
    await expect(run(mixedFile(), {}, { ...officer, role: 'viewer' })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('CSV import commit', () => {
  it('blocks the whole file on an error row when asked to, and writes nothing', async () => {
    const before = snapshot();
    const r = await run(mixedFile(), { mode: 'commit', onError: 'block' });
    expect(r.committed).toBe(false);
    expect(snapshot()).toEqual(before);
  });

  it('skips error rows when asked to: new figures added with the upload as their source, audited, once', async () => {
    const before = snapshot();
    const preview = await run(mixedFile());
    const r = await run(mixedFile(), { mode: 'commit', onError: 'skip', expect: preview.counts });
    expect(r.committed).toBe(true);
    expect(r.written).toEqual({ created: 2, updated: 0, linked: 3 });
    const after = snapshot();
    expect(after.observations).toBe(before.observations + 2);
    expect(after.sources).toBe(before.sources + 1);
    // The existing figure gets this file as a further source; each new figure one link.
    expect(after.links).toBe(before.links + 3);
    // 2 creations + 3 links + the upload source's creation.
    expect(after.audit).toBe(before.audit + 6);
    const added = db.$client
      .prepare(
        `SELECT o.value, o.qualifier, s.title, os.line, os.evidence FROM observations o JOIN observation_sources os ON os.observation_id = o.id
         JOIN sources s ON s.id = os.source_id WHERE o.value = 1250`,
      )
      .get();
    expect(added).toEqual({ value: 1250, qualifier: 'at_least', title: 'q1-returns.csv (CSV upload)', line: 2, evidence: 'Remote Peer Support,Attendees,"1,250",over,period,01/04/2021,30/06/2021,' });
    expect(count("SELECT count(*) n FROM audit_log WHERE action = 'create' AND entity_type = 'observation' AND reason = 'CSV import of q1-returns.csv, row 2'")).toBe(1);

    // The same file again finds everything already there and changes nothing.
    const again = await run(mixedFile(), { mode: 'commit', onError: 'skip' });
    expect(again.counts).toEqual({ new: 0, update: 0, unchanged: 3, error: 1 });
    expect(again.committed).toBe(false);
    expect(snapshot()).toEqual(after);
  });

  it('keeps a row’s own evidence when it cites no source (the upload, at the row’s line), and the row itself only when it has none', async () => {
    const header = 'programme,metric,value,qualifier,basis,period_end,evidence';
    const file = [header, 'Remote Peer Support,Attendees,411,exact,period,2021-06-30,411 officers joined the June webinars', 'Remote Peer Support,Attendees,412,exact,period,2021-06-30,'].join('\n');
    const r = await run(file, { mode: 'commit', onError: 'block' });
    expect(r.committed).toBe(true);
    const evidence = (value: number) =>
      db.$client.prepare('SELECT os.line, os.evidence FROM observations o JOIN observation_sources os ON os.observation_id = o.id WHERE o.value = ?').get(value);
    expect(evidence(411)).toEqual({ line: 2, evidence: '411 officers joined the June webinars' });
    expect(evidence(412)).toEqual({ line: 3, evidence: 'Remote Peer Support,Attendees,412,exact,period,2021-06-30,' });
  });

  it('records a fact repeated within the file once, with both rows as sources', async () => {
    const row = 'Remote Peer Support,Attendees,300,exact,period,,2021-06-30,';
    const r = await run([HEADER, row, row].join('\n'), { mode: 'commit', onError: 'block' });
    expect(r.counts).toEqual({ new: 1, update: 0, unchanged: 1, error: 0 });
    expect(r.samples[1]!.detail).toBe('Same figure as row 2; recorded once with both rows as sources');
    expect(count('SELECT count(*) n FROM observations WHERE value = 300 AND period_end = ?', '2021-06-30')).toBe(1);
    expect(count('SELECT count(*) n FROM observation_sources os JOIN observations o ON o.id = os.observation_id WHERE o.value = 300 AND o.period_end = ?', '2021-06-30')).toBe(2);
  });

  it('updates a figure named by observation_id (as exported), with before and after in the audit trail', async () => {
    const e = existing();
    const file = [
      `observation_id,${HEADER}`,
      `${e.id},${e.programme},${e.metric},${Number(e.value) + 1},${e.qualifier},${e.basis},${e.period_start},${e.period_end},${String(e.note).includes(',') ? `"${String(e.note).replace(/"/g, '""')}"` : e.note}`,
    ].join('\n');
    const preview = await run(file);
    expect(preview.counts.update).toBe(1);
    expect(preview.samples[0]!.detail).toBe(`Changes value ${e.value} → ${Number(e.value) + 1}`);
    const r = await run(file, { mode: 'commit', expect: preview.counts });
    expect(r.written.updated).toBe(1);
    expect(count('SELECT value n FROM observations WHERE id = ?', e.id)).toBe(Number(e.value) + 1);
    const audit = db.$client.prepare("SELECT before, after, reason FROM audit_log WHERE action = 'update' AND entity_id = ?").get(e.id) as { before: string; after: string; reason: string };
    expect(JSON.parse(audit.before).value).toBe(e.value);
    expect(JSON.parse(audit.after).value).toBe(Number(e.value) + 1);
    expect(audit.reason).toBe('CSV import of q1-returns.csv, row 2');
  });

  it('refuses a commit whose counts differ from the preview the officer saw', async () => {
    const before = snapshot();
    const r = await run(mixedFile(), { mode: 'commit', onError: 'skip', expect: { new: 3, update: 0, unchanged: 0, error: 1 } });
    expect(r.changedSincePreview).toBe(true);
    expect(r.committed).toBe(false);
    expect(snapshot()).toEqual(before);
  });
});

describe('CSV import of ranges and breakdowns', () => {
  const file = [
    'source_file,line,evidence,programme,metric,value,upper,qualifier,basis,period_end,part_of',
    '001_9077d65bccc176eb.txt,400,"171 officers, 32 of them chief executives",Remote Peer Support,Attendees,171,,exact,period,2021-06-30,',
    '001_9077d65bccc176eb.txt,400,"171 officers, 32 of them chief executives",Remote Peer Support,Attendees,32,,exact,period,2021-06-30,171',
    '001_9077d65bccc176eb.txt,401,between 20-30 members,Remote Peer Support,Attendees,20,30,between,period,2021-06-30,',
  ].join('\n');

  it('stores a range with both ends and a breakdown as part of its total, never added to it', async () => {
    const lastId = count('SELECT max(id) AS n FROM observations');
    const sumsBefore = db.$client
      .prepare("SELECT coalesce(sum(value), 0) AS low, coalesce(sum(value_high), 0) AS high FROM figure_sums_by_period WHERE programme_id = (SELECT id FROM programmes WHERE name = 'Remote Peer Support') AND period_end = '2021-06-30' AND basis = 'period'")
      .get() as { low: number; high: number };
    const r = await run(file, { mode: 'commit' });
    expect(r.counts).toEqual({ new: 3, update: 0, unchanged: 0, error: 0 });
    const rows = db.$client
      .prepare(
        `SELECT o.value, o.upper_value AS upper, o.qualifier, t.value AS partOf FROM observations o LEFT JOIN observations t ON t.id = o.part_of_id
         WHERE o.id > ? ORDER BY o.id`,
      )
      .all(lastId);
    expect(rows).toEqual([
      { value: 171, upper: null, qualifier: 'exact', partOf: null },
      { value: 32, upper: null, qualifier: 'exact', partOf: 171 },
      { value: 20, upper: 30, qualifier: 'exact', partOf: null },
    ]);
    // The quarter's sum: 171 and the range 20-30, not the part.
    const sum = db.$client
      .prepare(
        `SELECT sum(value) AS low, sum(value_high) AS high, sum(range_figures) AS ranges FROM figure_sums_by_period
         WHERE programme_id = (SELECT id FROM programmes WHERE name = 'Remote Peer Support') AND period_end = '2021-06-30' AND basis = 'period'`,
      )
      .get();
    expect(sum).toEqual({ low: sumsBefore.low + 191, high: sumsBefore.high + 201, ranges: 1 });
  });

  it('refuses a range without its top, and a breakdown whose total is not there', async () => {
    const bad = [
      'programme,metric,value,upper,qualifier,basis,period_end,part_of',
      'Remote Peer Support,Attendees,20,,range,period,2021-06-30,',
      'Remote Peer Support,Attendees,20,30,at least,period,2021-06-30,',
      'Remote Peer Support,Attendees,32,,exact,period,2021-06-30,999',
    ].join('\n');
    const before = snapshot();
    const r = await run(bad, { mode: 'commit', onError: 'skip' });
    expect(r.counts.error).toBe(3);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'upper'],
      [3, 'qualifier'],
      [4, 'part_of'],
    ]);
    expect(snapshot()).toEqual(before);
  });

  it('keeps a figure’s range and total when a file that leaves those columns out changes it', async () => {
    await run(file, { mode: 'commit' });
    const part = db.$client.prepare('SELECT id, part_of_id FROM observations WHERE value = 32 AND part_of_id IS NOT NULL').get() as { id: number; part_of_id: number };
    const range = db.$client.prepare('SELECT id FROM observations WHERE upper_value = 30').get() as { id: number };
    const edit = ['observation_id,programme,metric,value,qualifier,basis,period_end', `${part.id},Remote Peer Support,Attendees,33,exact,period,2021-06-30`, `${range.id},Remote Peer Support,Attendees,21,exact,period,2021-06-30`].join('\n');
    const r = await run(edit, { mode: 'commit' });
    expect(r.counts.update).toBe(2);
    expect(db.$client.prepare('SELECT value, part_of_id FROM observations WHERE id = ?').get(part.id)).toEqual({ value: 33, part_of_id: part.part_of_id });
    expect(db.$client.prepare('SELECT value, upper_value FROM observations WHERE id = ?').get(range.id)).toEqual({ value: 21, upper_value: 30 });
  });
});

describe('an export imported again after someone corrected a figure', () => {
  it('is refused for that figure (nothing undone), and applies once the version is cleared or fresh', async () => {
    const e = existing();
    // The officer exports the figure (its version is a column of the export)…
    const exported = await new Response(observationExportStream({}, { order: 'recorded', limit: 1 }, { ...exportFrom(db).csv, bom: false })).text();
    const [header, row] = exported.trim().split('\r\n') as [string, string];
    expect(header.split(',').at(-1)).toBe('version');
    expect(row.split(',').at(-1)).toBe('1');
    // …a colleague then corrects it…
    const colleague = addTestUser(db, 'officer', 'colleague@example.gov.uk');
    updateObservation(db, colleague, Number(e.id), observationInputSchema.parse({
      programme: db.$client.prepare('SELECT p.slug FROM programmes p JOIN observations o ON o.programme_id = p.id WHERE o.id = ?').pluck().get(e.id),
      metric: db.$client.prepare('SELECT m.slug FROM metrics m JOIN observations o ON o.metric_id = m.id WHERE o.id = ?').pluck().get(e.id),
      value: String(Number(e.value) + 20), qualifier: e.qualifier, basis: e.basis, periodStart: e.period_start, periodEnd: e.period_end,
      datePrecision: e.date_precision, note: e.note, sourceId: '', evidence: '', line: '', reason: 'Corrected from the return',
    }));
    // …and the old file, imported again, would put the old value back: refused, nothing written.
    const before = snapshot();
    const preview = await run(exported);
    expect(preview.counts).toMatchObject({ update: 0, error: 1 });
    expect(preview.problems[0]).toMatchObject({ column: 'version', message: expect.stringContaining(`Figure ${e.id} has changed since this file was exported`) });
    const commit = await run(exported, { mode: 'commit', onError: 'skip' });
    expect(commit.written.updated).toBe(0);
    expect(snapshot()).toEqual(before);
    expect(count('SELECT value n FROM observations WHERE id = ?', e.id)).toBe(Number(e.value) + 20);
    // Clearing the version says "overwrite": the officer's file then applies, with its audit entry.
    const overwrite = exported.trim().replace(/,1$/, ',');
    const applied = await run(overwrite, { mode: 'commit' });
    expect(applied.problems).toEqual([]);
    expect(applied.written.updated).toBe(1);
    expect(count('SELECT value n FROM observations WHERE id = ?', e.id)).toBe(Number(e.value));
  });
});

describe('an Excel export imported again', () => {
  it('changes nothing: every figure is found unchanged, and the shown-value column is ignored', async () => {
    const { rows, close } = observationExportRows({}, { order: 'recorded' }, exportFrom(db).rows);
    const bytes = new Uint8Array(await new Response(xlsxStream({ name: 'Figures', header: [...OBSERVATION_XLSX_COLUMNS], rows, close }, () => [])).arrayBuffer());
    const figures = count('SELECT count(*) n FROM observations WHERE deleted_at IS NULL');
    const before = snapshot();
    const workbook = (mode: 'preview' | 'commit') => importFiguresCsv(db, officer, uploadAsCsv(chunks(bytes, 4096)), { fileName: 'export.xlsx', mode, onError: 'block' });
    const preview = await workbook('preview');
    expect(preview.fileProblem).toBeNull();
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toMatchObject({ new: 0, update: 0, error: 0 });
    expect(preview.counts.unchanged).toBe(preview.rows);
    expect(preview.rows).toBeGreaterThanOrEqual(figures);
    expect(preview.ignoredColumns).toContain('value_shown');
    const commit = await workbook('commit');
    expect(commit.written).toEqual({ created: 0, updated: 0, linked: 0 });
    expect(snapshot()).toEqual(before);
  });

  it('reads numbers as numbers and dates as dates when opened with the same library', async () => {
    const { rows, close } = observationExportRows({}, { order: 'recorded', limit: 5 }, exportFrom(db).rows);
    const bytes = await new Response(xlsxStream({ name: 'Figures', header: [...OBSERVATION_XLSX_COLUMNS], rows, close }, () => [])).arrayBuffer();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    const ws = wb.worksheets[0]!;
    const col = (name: string) => OBSERVATION_XLSX_COLUMNS.indexOf(name as (typeof OBSERVATION_XLSX_COLUMNS)[number]) + 1;
    for (let r = 2; r <= ws.rowCount; r++) {
      expect(typeof ws.getRow(r).getCell(col('value')).value).toBe('number');
      expect(ws.getRow(r).getCell(col('period_end')).value).toBeInstanceOf(Date);
      expect(typeof ws.getRow(r).getCell(col('observation_id')).value).toBe('number');
      expect(typeof ws.getRow(r).getCell(col('value_shown')).value).toBe('string');
    }
    expect(ws.rowCount).toBeGreaterThan(1);
  });
});
