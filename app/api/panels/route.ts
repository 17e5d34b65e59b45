// GET /api/panels — one metric's chart panel for a board, programme or metric page (its chart
// rows, table, sentence for screen readers and what no bar can show), with the page's filters
// (board, programme, metric, from, to, by) and `metric` the one metric. The pages fetch each
// panel as it scrolls into view (app/_components/metric-panel-body.tsx) instead of sending them all.
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { databaseForRequest } from '@/app/_data/as-seen';
import { searchParamsSchema } from '@/lib/export-params';
import { loadMetricPanel } from '@/app/_data/page-data';
import { json, parseQuery, textResponse } from '@/app/_server/http';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  const parsed = parseQuery(request, searchParamsSchema);
  if (!parsed.ok) return parsed.response;
  const { errors, panel } = loadMetricPanel(databaseForRequest(getDb(), request).db, parsed.query);
  if (errors.length) return textResponse(errors, 400);
  if (!panel) return textResponse('No figures of one metric match these filters.', 404);
  return json(panel);
}
