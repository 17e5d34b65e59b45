// GET /api/export/compare?a=&b=[&board=&programme=&metric=][&bom=0] — the comparison table as CSV:
// each metric row, then its rows per board and per programme, exactly as the compare page shows
// (the columns: compareColumns in app/_data/downloads.ts).
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getComparison, withKnownSlugs } from '@/db/queries/compare';
import { getLatestFigureDate } from '@/db/queries/reference';
import { toCsv } from '@/lib/csv';
import { compareDownload } from '@/app/_data/downloads';
import { compareExportQuery } from '@/lib/export-params';
import { csvResponse, parseQuery, textResponse, wantsXlsx, xlsxResponse } from '@/app/_server/http';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  const db = getDb();
  const parsed = parseQuery(request, compareExportQuery(getLatestFigureDate(db), (p) => withKnownSlugs(db, p)));
  if (!parsed.ok) return parsed.response;
  if (!parsed.query) return textResponse('There are no figures to compare yet.', 404);
  const download = compareDownload(getComparison(db, parsed.query));
  if (wantsXlsx(request)) return xlsxResponse(request, download.nameParts, 'Two periods compared, as the comparison page shows them', { name: 'Comparison', header: download.header, rows: download.rows });
  return csvResponse(request, download.nameParts, ({ bom }) => toCsv(download.header, download.rows, { bom }));
}
