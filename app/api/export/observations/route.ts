// GET /api/export/observations — the figures as CSV, streamed: the same filters as the pages
// (board, programme, metric, from, to), plus order and limit to match the table on screen.
import type { NextRequest } from 'next/server';
import { observationExportStream } from '@/db/export/export';
import { figureExportQuery } from '@/lib/export-params';
import { csvResponse, parseQuery } from '@/app/_server/http';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  const parsed = parseQuery(request, figureExportQuery);
  if (!parsed.ok) return parsed.response;
  const { filters, order, limit, offset, nameParts } = parsed.query;
  return csvResponse(request, ['lga-impact-observations', ...nameParts], ({ bom }) => observationExportStream(filters, { order, limit, offset }, { bom }));
}
