// GET /api/panels/figures — the figures a chart's period stands for, each with the sentences it
// came from: the page's filters with `from` and `to` the period and `metric` the chart's metric,
// latest first, at most PERIOD_FIGURES (app/_data/page-data.ts), with how many there are in all.
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { databaseForRequest } from '@/app/_data/as-seen';
import { searchParamsSchema } from '@/lib/export-params';
import { loadPeriodFigures } from '@/app/_data/page-data';
import { json, parseQuery, textResponse } from '@/app/_server/http';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  const parsed = parseQuery(request, searchParamsSchema);
  if (!parsed.ok) return parsed.response;
  const { errors, figures, total } = loadPeriodFigures(databaseForRequest(getDb(), request).db, parsed.query);
  if (errors.length) return textResponse(errors, 400);
  return json({ figures, total });
}
