// GET /api/export/table/<name> — the smaller tables and charts as CSV, exactly as shown:
// the index tables (boards, programmes, metrics, sources) in the on-screen sort (?sort=&dir=),
// and the overview's parts (headlines, board-activity, top-programmes, figures-per-quarter)
// for the same filters and period as the overview. The tables are described in app/_data/downloads.ts.
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { databaseForRequest } from '@/app/_data/as-seen';
import { toCsv } from '@/lib/csv';
import { searchParamsSchema } from '@/lib/export-params';
import { DOWNLOAD_TABLES } from '@/app/_data/downloads';
import { csvResponse, parseQuery, textResponse, wantsXlsx, xlsxResponse } from '@/app/_server/http';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const table = Object.hasOwn(DOWNLOAD_TABLES, name) ? DOWNLOAD_TABLES[name]! : null;
  if (!table) return textResponse(`There is no table called “${name.slice(0, 40)}”.`, 404);
  // Each table reads the query as its page does and says what it cannot read.
  const parsed = parseQuery(request, searchParamsSchema);
  if (!parsed.ok) return parsed.response;
  const { db, nameParts } = databaseForRequest(getDb(), request);
  const download = table(db, parsed.query);
  if ('errors' in download) return textResponse(download.errors, 400);
  if (wantsXlsx(request)) return xlsxResponse(request, ['lga-impact', ...download.nameParts, ...nameParts], `The ${name.replace(/-/g, ' ')} table, as the dashboard shows it`, { name: name, header: download.header, rows: download.rows });
  return csvResponse(request, ['lga-impact', ...download.nameParts, ...nameParts], ({ bom }) => toCsv(download.header, download.rows, { bom }));
}
