// Bad input, fuzzed (issue 11): random and hostile values at every zod boundary — URL filters,
// export and compare parameters, the figure form, CSV import files and report text. Each must
// answer with a plain message (never an exception a route would turn into a 500), and nothing
// may be written to the database by input that is refused.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../lib/auth/roles';
import { parseCompareParams } from '../lib/compare';
import { parseExportRequest, searchParamsToObject } from '../lib/export-params';
import { extractFigures } from '../lib/extraction';
import { filtersToQuery, parseFilters } from '../lib/filters';
import { fieldErrors, observationInputSchema } from '../lib/observation-input';
import { normaliseReportText, readReportFile, ReportFileError } from '../lib/report-text';
import type { AppDatabase } from './client';
import { importFiguresCsv } from './mutations/csv-import';
import { listReferenceNames } from './queries/report-review';
import { addTestUser, createSeededTestDatabase } from './testing';

// Strings a careless or hostile sender might send: control and format characters (bidi
// overrides, zero-width joiners), combining marks, quotes, separators, markup, SQL, huge numbers.
const tricky = fc.constantFrom(
  '\u202e', '\u200d', '\u200b', '\ufeff', '\u0000', '\u0301', '"', "'", ',', ';', '\t', '\r\n', '\n', '<script>alert(1)</script>',
  "'; DROP TABLE observations; --", '9'.repeat(400), '-1', '1e309', 'NaN', '2020-02-30', '2020-21-Q9', '../../etc/passwd', '%00', '£', '💷', '𝟙𝟚',
);
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.array(fc.oneof(tricky, fc.string({ maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join('')),
);
const paramValue = fc.oneof(hostileString, fc.array(hostileString, { maxLength: 4 }), fc.constant(undefined));
const params = fc.dictionary(fc.oneof(fc.constantFrom('board', 'programme', 'metric', 'from', 'to', 'by', 'a', 'b', 'order', 'limit', 'bom'), fc.string()), paramValue, {
  maxKeys: 10,
});

let db: AppDatabase;
let officer: SessionUser;
const tableCounts = () =>
  Object.fromEntries(
    ['observations', 'observation_sources', 'sources', 'audit_log', 'programmes', 'metrics', 'boards'].map((t) => [
      t,
      (db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
    ]),
  );

beforeAll(() => {
  db = createSeededTestDatabase();
  officer = addTestUser(db, 'officer', 'fuzz@example.gov.uk');
});

describe('hostile input', () => {
  it('URL filters, compare and export parameters give errors as plain messages, never an exception', () => {
    fc.assert(
      fc.property(params, (p) => {
        const { filters, errors } = parseFilters(p);
        for (const e of errors) expect(typeof e === 'string' && e.length > 0 && e.length < 500).toBe(true);
        expect(typeof filtersToQuery(filters)).toBe('string');
        const compared = parseCompareParams(p, '2021-03-31');
        expect(compared === null || Array.isArray(compared.errors)).toBe(true);
        const q = new URLSearchParams();
        for (const [k, v] of Object.entries(p)) for (const one of [v ?? ''].flat()) q.append(k, one);
        const exported = parseExportRequest(searchParamsToObject(q));
        for (const e of exported.errors) expect(e.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  // Found by the property above: "?__proto__=&__proto__=" made the query object's prototype an
  // array, so that its "sort" was Array.prototype.sort and reading it threw.
  it('a query naming __proto__ is a parameter like any other, not the object\'s prototype', () => {
    const params = searchParamsToObject(new URLSearchParams('__proto__=&__proto__=&sort=value'));
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(parseExportRequest(params).errors).toEqual([]);
    expect(parseExportRequest(searchParamsToObject(new URLSearchParams('__proto__=a&__proto__=b'))).errors).toEqual([]);
    const inherited = Object.create(['', '']) as Record<string, string>;
    expect(() => parseExportRequest(inherited)).not.toThrow();
    expect(parseFilters(inherited).errors).toEqual([]);
  });

  it('the figure form refuses anything malformed with a message per field', () => {
    const field = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 3 }));
    const form = fc.dictionary(
      fc.oneof(fc.constantFrom('programme', 'metric', 'value', 'qualifier', 'basis', 'periodStart', 'periodEnd', 'datePrecision', 'note', 'sourceId', 'evidence', 'line', 'reason'), fc.string()),
      field,
      { maxKeys: 14 },
    );
    fc.assert(
      fc.property(form, (input) => {
        const parsed = observationInputSchema.safeParse(input);
        if (!parsed.success) {
          const errors = fieldErrors(parsed.error);
          expect(Object.keys(errors).length).toBeGreaterThan(0);
          for (const message of Object.values(errors).flat()) expect(String(message).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('CSV files of random bytes, hostile cells or broken structure are previewed or refused, and write nothing', async () => {
    const header = 'programme,metric,value,qualifier,basis,period_start,period_end,note\r\n';
    const cell = fc.oneof(hostileString, fc.constantFrom('Remote Peer Support', 'Attendees', '600', 'over 600', 'at least', 'period', '2021-03-31', '31/02/2021'));
    const file = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 30 }).map((rows) => new TextEncoder().encode(header + rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n'))),
      fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 30 }).map((rows) => new TextEncoder().encode(header + rows.map((r) => r.join(',')).join('\n'))),
    );
    const before = tableCounts();
    await fc.assert(
      fc.asyncProperty(file, fc.constantFrom('returns.csv', 'returns.xlsx', 'x'), async (bytes, fileName) => {
        async function* body() {
          yield bytes;
        }
        const preview = await importFiguresCsv(db, officer, body(), { fileName, mode: 'preview', onError: 'block' });
        expect(preview.committed).toBe(false);
        if (preview.fileProblem) expect(preview.fileProblem.length).toBeGreaterThan(0);
        for (const p of preview.problems) expect(p.message.length).toBeGreaterThan(0);
        // Committing a file with any problem, blocking on errors, writes nothing either.
        if (preview.fileProblem || preview.counts.error) {
          const commit = await importFiguresCsv(db, officer, body(), { fileName, mode: 'commit', onError: 'block', expect: preview.counts });
          expect(commit.committed).toBe(false);
        }
        expect(tableCounts()).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it('report text — huge, binary, deeply nested or full of Unicode tricks — never breaks extraction', () => {
    const reference = listReferenceNames(db);
    const text = fc.oneof(
      hostileString,
      fc.array(fc.oneof(hostileString, fc.constantFrom('over 600 councils', '£1.2m', '(((((((((1)))))))))', '[[[[[', '**120**', '1,2,3,4,5')), { maxLength: 40 }).map((l) => l.join('\n')),
      fc.integer({ min: 1, max: 400 }).map((n) => `${'('.repeat(n)}${n} councils${')'.repeat(n)}`),
      fc.uint8Array({ maxLength: 3000 }).map((b) => new TextDecoder('utf-8', { fatal: false }).decode(b)),
    );
    fc.assert(
      fc.property(text, (raw) => {
        const normalised = normaliseReportText(raw);
        const lines = normalised.split('\n');
        for (const p of extractFigures(normalised, { reportDate: '2021-03-31', reference })) {
          expect(lines[p.line - 1]).toContain(p.evidence);
          expect(Number.isFinite(p.value)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    // One very long line and a very large report, once each.
    const long = `${'word '.repeat(200_000)}over 600 councils`;
    expect(extractFigures(normaliseReportText(long), { reportDate: '2021-03-31', reference }).length).toBeGreaterThan(0);
  });

  it('uploaded report files of the wrong kind or random bytes are refused with a reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), fc.constantFrom('report.pdf', 'report.docx', 'report.exe', 'report', 'report.txt'), async (bytes, name) => {
        try {
          const text = await readReportFile(name, bytes);
          expect(typeof text).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(ReportFileError);
          expect((error as Error).message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 120 },
    );
  });
});
