// GET /api/export/series — the aggregated series a chart shows, as CSV: the same filters as the
// pages (board, programme, metric, from, to, by) and optionally group=board|programme.
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { databaseForRequest } from '@/app/_data/as-seen';
import { listSeries } from '@/db/queries/series';
import { toCsv } from '@/lib/csv';
import { seriesExportQuery } from '@/lib/export-params';
import { SERIES_EXPORT_COLUMNS, seriesExportRows } from '@/lib/series-export';
import { csvResponse, parseQuery, wantsXlsx, xlsxResponse } from '@/app/_server/http';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  const parsed = parseQuery(request, seriesExportQuery);
  if (!parsed.ok) return parsed.response;
  const { filters, by, group, nameParts } = parsed.query;
  const seen = databaseForRequest(getDb(), request);
  const series = listSeries(seen.db, filters, { granularity: by, by: group ? [group] : [] });
  const name = ['lga-impact-series-by', by, ...(group ? ['and', group] : []), ...nameParts, ...seen.nameParts];
  if (wantsXlsx(request)) return xlsxResponse(request, name, `Figures added up by ${by}${group ? ` and ${group}` : ''}, as the charts show them`, { name: 'Series', header: [...SERIES_EXPORT_COLUMNS], rows: seriesExportRows(series) });
  return csvResponse(request, name, ({ bom }) =>
    toCsv([...SERIES_EXPORT_COLUMNS], seriesExportRows(series), { bom }),
  );
}
