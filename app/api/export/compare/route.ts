// GET /api/export/compare?a=&b=[&board=&programme=&metric=][&bom=0] — the comparison table as CSV:
// each metric row, then its rows per board and per programme, exactly as the compare page shows.
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getComparison, withKnownSlugs } from '@/db/queries/compare';
import { getLatestFigureDate } from '@/db/queries/reference';
import { breakdownOf, COMPARABILITY_LABELS, parseCompareParams, type CompareRow } from '@/lib/compare';
import { csvFileName, toCsv, wantsBom } from '@/lib/csv';
import { BASIS_LABELS } from '@/lib/qualifiers';

export const dynamic = 'force-dynamic';

// Values as plain numbers for spreadsheets (empty where no number may be given), and as shown.
// a_upper and b_upper: the top of a value that is a range ("20–30"), so the bottom is never read alone.
const HEADER = ['level', 'metric', 'unit', 'basis', 'board', 'programme', 'period_a', 'a_value', 'a_upper', 'a_shown', 'period_b', 'b_value', 'b_upper', 'b_shown', 'change', 'percent_change', 'comparability', 'note'];

export function GET(request: NextRequest) {
  const db = getDb();
  const params = Object.fromEntries(
    [...new Set(request.nextUrl.searchParams.keys())].map((k) => {
      const all = request.nextUrl.searchParams.getAll(k);
      return [k, all.length > 1 ? all : all[0]];
    }),
  );
  const parsed = parseCompareParams(params, getLatestFigureDate(db));
  const p = parsed && withKnownSlugs(db, parsed);
  if (!p) return new Response('There are no figures to compare yet.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if (p.errors.length) return new Response(`${p.errors.join('\n')}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const comparison = getComparison(db, p);
  const line = (level: string, r: CompareRow) => [
    level,
    r.key.metric.name,
    r.key.metric.unit,
    BASIS_LABELS[r.key.basis],
    r.key.board?.name ?? '',
    r.key.programme?.name ?? '',
    comparison.a.label,
    r.aValue,
    r.aTotal?.bound === 'range' ? r.aTotal.high! : null,
    r.a,
    comparison.b.label,
    r.bValue,
    r.bTotal?.bound === 'range' ? r.bTotal.high! : null,
    r.b,
    r.change,
    r.percent ?? '',
    COMPARABILITY_LABELS[r.status],
    r.note ?? '',
  ];
  const rows = comparison.rows.flatMap((r) => {
    const d = breakdownOf(comparison, r);
    return [line('metric', r), ...d.byBoard.map((x) => line('board', x)), ...d.byProgramme.map((x) => line('programme', x))];
  });
  const name = csvFileName(['lga-impact-compare', comparison.a.token, 'vs', comparison.b.token]);
  return new Response(toCsv(HEADER, rows, { bom: wantsBom(request.nextUrl.searchParams) }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  });
}
