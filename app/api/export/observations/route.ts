// GET /api/export/observations — the figures as CSV, streamed: the same filters as the pages
// (board, programme, metric, from, to), plus order and limit to match the table on screen.
import type { NextRequest } from 'next/server';
import { observationExportStream } from '@/db/export/export';
import { csvFileName, wantsBom } from '@/lib/csv';
import { parseExportRequest } from '@/lib/export-params';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams;
  const req = parseExportRequest(q);
  if (req.errors.length)
    return new Response(`${req.errors.join('\n')}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const name = csvFileName(['lga-impact-observations', ...req.nameParts]);
  return new Response(observationExportStream(req.filters, { order: req.order, limit: req.limit, offset: req.offset }, { bom: wantsBom(q) }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  });
}
