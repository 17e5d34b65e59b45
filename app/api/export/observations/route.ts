// GET /api/export/observations — the figures as CSV, streamed: the same filters as the pages
// (board, programme, metric, from, to, seen), plus order and limit to match the table on screen.
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { OBSERVATION_XLSX_COLUMNS, observationExportRows, observationExportStream } from '@/db/export/export';
import { databaseForRequest } from '@/app/_data/as-seen';
import { figureExportQuery } from '@/lib/export-params';
import { csvResponse, parseQuery, wantsXlsx, xlsxResponse } from '@/app/_server/http';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  const parsed = parseQuery(request, figureExportQuery);
  if (!parsed.ok) return parsed.response;
  const { filters, order, limit, offset, nameParts } = parsed.query;
  // `?seen=`: the figures as the board saw them on a day, from a database of their own.
  const seen = databaseForRequest(getDb(), request);
  const name = ['lga-impact-observations', ...nameParts, ...seen.nameParts];
  if (wantsXlsx(request)) {
    const { rows, close } = observationExportRows(filters, { order, limit, offset }, { db: seen.seen ? seen.db : undefined });
    return xlsxResponse(request, name, 'Figures, one row for each source that gives each figure, with the sentence it came from', { name: 'Figures', header: [...OBSERVATION_XLSX_COLUMNS], rows, close });
  }
  return csvResponse(request, name, ({ bom }) =>
    observationExportStream(filters, { order, limit, offset }, { bom, db: seen.seen ? seen.db : undefined }),
  );
}
