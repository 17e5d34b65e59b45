// GET /api/export/series — the aggregated series a chart shows, as CSV: the same filters as the
// pages (board, programme, metric, from, to, by) and optionally group=board|programme.
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { listSeries } from '@/db/queries/series';
import { csvFileName, toCsv, wantsBom } from '@/lib/csv';
import { parseExportRequest, searchParamsToObject } from '@/lib/export-params';
import { parseFilters } from '@/lib/filters';
import { SERIES_EXPORT_COLUMNS, seriesExportRows } from '@/lib/series-export';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams;
  const req = parseExportRequest(q);
  const { filters } = parseFilters(searchParamsToObject(q));
  const raw = q.get('group');
  const group = raw === 'board' || raw === 'programme' ? raw : null;
  if (raw !== null && !group) req.errors.push(`“${raw.slice(0, 20)}” is not a way to group: use board or programme.`);
  if (req.errors.length)
    return new Response(`${req.errors.join('\n')}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const series = listSeries(getDb(), req.filters, { granularity: filters.by, by: group ? [group] : [] });
  const name = csvFileName(['lga-impact-series-by', filters.by, ...(group ? ['and', group] : []), ...req.nameParts]);
  return new Response(toCsv([...SERIES_EXPORT_COLUMNS], seriesExportRows(series), { bom: wantsBom(q) }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  });
}
