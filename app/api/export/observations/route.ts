// GET /api/export/observations — the figures as CSV, streamed: the same filters as the pages
// (board, programme, metric, from, to), plus order and limit to match the table on screen.
import type { NextRequest } from 'next/server';
import { OBSERVATION_EXPORT_COLUMNS, openObservationExport } from '@/db/queries/export';
import { csvFileName, csvLinesStream, wantsBom } from '@/lib/csv';
import { parseExportRequest } from '@/lib/export-params';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams;
  const req = parseExportRequest(q);
  if (req.errors.length)
    return new Response(`${req.errors.join('\n')}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const { lines, close } = openObservationExport(req.filters, { order: req.order, limit: req.limit });
  const name = csvFileName(['lga-impact-observations', ...req.nameParts]);
  return new Response(csvLinesStream([...OBSERVATION_EXPORT_COLUMNS], lines, { bom: wantsBom(q), onClose: close }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  });
}
