// GET /api/export/table/<name> — the smaller tables and charts as CSV, exactly as shown:
// the index tables (boards, programmes, metrics, sources) in the on-screen sort (?sort=&dir=),
// and the overview's parts (headlines, board-activity, top-programmes, figures-per-quarter)
// for the same filters and period as the overview.
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { listActivity, listFiguresPerQuarter, TOP_PROGRAMMES } from '@/db/queries/overview';
import { listBoards, listMetrics, listProgrammes, listSources } from '@/db/queries/reference';
import { getHeadlines } from '@/db/queries/headlines';
import { csvFileName, toCsv, wantsBom, type CsvCell } from '@/lib/csv';
import { searchParamsToObject } from '@/lib/export-params';
import { BOARD_COLUMNS, METRIC_COLUMNS, PROGRAMME_COLUMNS, SOURCE_COLUMNS, type ColumnDef } from '@/app/_data/index-tables';
import { parseSort, sortRows } from '@/lib/sort-rows';
import { loadView } from '../../../../_data/view';

export const dynamic = 'force-dynamic';


function indexTable<T>(rows: T[], columns: ColumnDef<T>[], q: URLSearchParams): { header: string[]; rows: CsvCell[][] } {
  const { key, dir } = parseSort({ sort: q.get('sort'), dir: q.get('dir') }, columns);
  const sorted = sortRows(rows, columns.find((c) => c.key === key)!.value, dir);
  return { header: columns.map((c) => c.label), rows: sorted.map((r) => columns.map((c) => c.value(r))) };
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const q = request.nextUrl.searchParams;
  const db = getDb();
  let table: { header: string[]; rows: CsvCell[][] } | null = null;
  let nameParts: string[] = [name];
  switch (name) {
    case 'boards':
      table = indexTable(listBoards(db), BOARD_COLUMNS, q);
      break;
    case 'programmes':
      table = indexTable(listProgrammes(db), PROGRAMME_COLUMNS, q);
      break;
    case 'metrics':
      table = indexTable(listMetrics(db), METRIC_COLUMNS, q);
      break;
    case 'sources':
      table = indexTable(listSources(db), SOURCE_COLUMNS, q);
      break;
    case 'headlines':
    case 'board-activity':
    case 'top-programmes':
    case 'figures-per-quarter': {
      const view = loadView(db, '/', searchParamsToObject(q), { defaultRange: 'latest-quarter', selects: [] });
      if (view.errors.length)
        return new Response(`${view.errors.join('\n')}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
      const range = view.range;
      nameParts = [name, ...view.filters.boards, ...view.filters.programmes, ...(range && name !== 'figures-per-quarter' ? [range.token.replace('..', '-to-')] : [])];
      if (name === 'figures-per-quarter')
        table = {
          header: ['quarter', 'quarter_label', 'in_period_figures', 'running_total_figures', 'planned_figures'],
          rows: listFiguresPerQuarter(db, view.query).map((r) => [r.token, r.label, r.period, r.cumulative, r.planned]),
        };
      else if (!range) table = { header: ['metric'], rows: [] };
      else if (name === 'board-activity')
        table = { header: ['board', 'figures', 'metrics'], rows: listActivity(db, view.query, 'board').map((r) => [r.name, r.figures, r.metrics.join('; ')]) };
      else if (name === 'top-programmes')
        table = {
          header: ['programme', 'board', 'figures', 'metrics'],
          rows: listActivity(db, view.query, 'programme', TOP_PROGRAMMES).map((r) => [r.name, r.board?.name ?? '', r.figures, r.metrics.join('; ')]),
        };
      else {
        const headlines = getHeadlines(db, view.query, range);
        table = {
          header: ['metric', 'basis', 'period', 'value', 'shown', 'notes', 'in_period_alongside', 'previous_period', 'change', 'percent_change', 'why_no_change'],
          rows: headlines.map((h) => [
            h.metric.name,
            h.basisLabel,
            range.label,
            h.current.value,
            h.current.text,
            h.current.notes.join('; '),
            h.alongside?.text ?? '',
            h.previousLabel,
            h.change?.text ?? h.noChange?.label ?? '',
            h.change?.percent ?? '',
            h.noChange?.reason ?? '',
          ]),
        };
      }
      break;
    }
  }
  if (!table) return new Response(`There is no table called “${name.slice(0, 40)}”.\n`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(toCsv(table.header, table.rows, { bom: wantsBom(q) }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName(['lga-impact', ...nameParts])}"`,
      'Cache-Control': 'no-store',
    },
  });
}
