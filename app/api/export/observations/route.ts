// GET /api/export/observations — the figures as CSV, streamed: the same filters as the pages
// (board, programme, metric, from, to, seen), plus order and limit to match the table on screen.
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { observationExportStream } from '@/db/export/export';
import { databaseForRequest } from '@/app/_data/as-seen';
import { figureExportQuery } from '@/lib/export-params';
import { csvResponse, parseQuery } from '@/app/_server/http';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  const parsed = parseQuery(request, figureExportQuery);
  if (!parsed.ok) return parsed.response;
  const { filters, order, limit, offset, nameParts } = parsed.query;
  // `?seen=`: the figures as the board saw them on a day, from a database of their own.
  const seen = databaseForRequest(getDb(), request);
  return csvResponse(request, ['lga-impact-observations', ...nameParts, ...seen.nameParts], ({ bom }) =>
    observationExportStream(filters, { order, limit, offset }, { bom, db: seen.seen ? seen.db : undefined }),
  );
}
