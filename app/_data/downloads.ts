// The tables and charts a person can download as CSV from /api/export/table/<name> and
// /api/export/compare: each described as data, a list of columns (heading and value) beside the
// rows of the view it describes, so a download has exactly what the page shows.
import type { AppDatabase } from '../../db/client';
import { listActivity, listFiguresPerQuarter, TOP_PROGRAMMES, type ActivityRow, type FiguresPerQuarter } from '../../db/queries/overview';
import { listBoards, listMetrics, listProgrammes, listSources } from '../../db/queries/reference';
import { getHeadlines } from '../../db/queries/headlines';
import { breakdownOf, COMPARABILITY_LABELS, type Comparison, type CompareRow } from '../../lib/compare';
import { csvTable, type CsvCell, type CsvColumn } from '../../lib/csv';
import type { SearchParams } from '../../lib/filters';
import type { Headline } from '../../lib/headlines';
import { BASIS_LABELS } from '../../lib/qualifiers';
import { parseSort, sortRows } from '../../lib/sort-rows';
import { BOARD_COLUMNS, METRIC_COLUMNS, PROGRAMME_COLUMNS, SOURCE_COLUMNS, type ColumnDef } from './index-tables';
import { loadView } from './view';

/** A download's file-name parts and its table, or why there is none for this query. */
export type Download = { nameParts: string[]; header: string[]; rows: CsvCell[][] } | { errors: string[] };

// The overview's parts.
export const FIGURES_PER_QUARTER_COLUMNS: CsvColumn<FiguresPerQuarter>[] = [
  { header: 'quarter', value: (r) => r.token },
  { header: 'quarter_label', value: (r) => r.label },
  { header: 'in_period_figures', value: (r) => r.period },
  { header: 'running_total_figures', value: (r) => r.cumulative },
  { header: 'planned_figures', value: (r) => r.planned },
];

export const BOARD_ACTIVITY_COLUMNS: CsvColumn<ActivityRow>[] = [
  { header: 'board', value: (r) => r.name },
  { header: 'figures', value: (r) => r.figures },
  { header: 'metrics', value: (r) => r.metrics.join('; ') },
];

export const TOP_PROGRAMME_COLUMNS: CsvColumn<ActivityRow>[] = [
  { header: 'programme', value: (r) => r.name },
  { header: 'board', value: (r) => r.board?.name ?? '' },
  { header: 'figures', value: (r) => r.figures },
  { header: 'metrics', value: (r) => r.metrics.join('; ') },
];

/** The headline cards of a period (`period`: its label). */
export const headlineColumns = (period: string): CsvColumn<Headline>[] => [
  { header: 'metric', value: (h) => h.metric.name },
  { header: 'basis', value: (h) => h.basisLabel },
  { header: 'period', value: () => period },
  { header: 'value', value: (h) => h.current.value },
  { header: 'shown', value: (h) => h.current.text },
  { header: 'notes', value: (h) => h.current.notes.join('; ') },
  { header: 'in_period_alongside', value: (h) => h.alongside?.text ?? '' },
  { header: 'previous_period', value: (h) => h.previousLabel },
  { header: 'change', value: (h) => h.change?.text ?? h.noChange?.label ?? '' },
  { header: 'percent_change', value: (h) => h.change?.percent ?? '' },
  { header: 'why_no_change', value: (h) => h.noChange?.reason ?? '' },
];

/** The compare table: each metric row, then its rows per board and per programme. */
type CompareLine = { level: 'metric' | 'board' | 'programme'; row: CompareRow };
// Values as plain numbers for spreadsheets (empty where no number may be given), and as shown.
// a_upper and b_upper: the top of a value that is a range ("20–30"), so the bottom is never read alone.
export const compareColumns = (c: Comparison): CsvColumn<CompareLine>[] => [
  { header: 'level', value: (l) => l.level },
  { header: 'metric', value: (l) => l.row.key.metric.name },
  { header: 'unit', value: (l) => l.row.key.metric.unit },
  { header: 'basis', value: (l) => BASIS_LABELS[l.row.key.basis] },
  { header: 'board', value: (l) => l.row.key.board?.name ?? '' },
  { header: 'programme', value: (l) => l.row.key.programme?.name ?? '' },
  { header: 'period_a', value: () => c.a.label },
  { header: 'a_value', value: (l) => l.row.aValue },
  { header: 'a_upper', value: (l) => (l.row.aTotal?.bound === 'range' ? l.row.aTotal.high! : null) },
  { header: 'a_shown', value: (l) => l.row.a },
  { header: 'period_b', value: () => c.b.label },
  { header: 'b_value', value: (l) => l.row.bValue },
  { header: 'b_upper', value: (l) => (l.row.bTotal?.bound === 'range' ? l.row.bTotal.high! : null) },
  { header: 'b_shown', value: (l) => l.row.b },
  { header: 'change', value: (l) => l.row.change },
  { header: 'percent_change', value: (l) => l.row.percent ?? '' },
  { header: 'comparability', value: (l) => COMPARABILITY_LABELS[l.row.status] },
  { header: 'note', value: (l) => l.row.note ?? '' },
];

export function compareDownload(comparison: Comparison): { nameParts: string[]; header: string[]; rows: CsvCell[][] } {
  const lines = comparison.rows.flatMap((row): CompareLine[] => {
    const d = breakdownOf(comparison, row);
    return [{ level: 'metric', row }, ...d.byBoard.map((r) => ({ level: 'board' as const, row: r })), ...d.byProgramme.map((r) => ({ level: 'programme' as const, row: r }))];
  });
  return { nameParts: ['lga-impact-compare', comparison.a.token, 'vs', comparison.b.token], ...csvTable(compareColumns(comparison), lines) };
}

/** An index table in its on-screen sort (`sort`, `dir`), with the columns on screen. */
function indexTable<T>(name: string, rows: T[], columns: ColumnDef<T>[], q: SearchParams): Download {
  const { key, dir } = parseSort({ sort: q.sort, dir: q.dir }, columns);
  const sorted = sortRows(rows, columns.find((c) => c.key === key)!.value, dir);
  return { nameParts: [name], ...csvTable(columns.map((c) => ({ header: c.label, value: c.value })), sorted) };
}

/** An overview part, for the overview's filters and period. */
function overviewPart(name: string, db: AppDatabase, q: SearchParams): Download {
  const view = loadView(db, '/', q, { defaultRange: 'latest-quarter', selects: [] });
  if (view.errors.length) return { errors: view.errors };
  const range = view.range;
  const nameParts = [name, ...view.filters.boards, ...view.filters.programmes, ...(range && name !== 'figures-per-quarter' ? [range.token.replace('..', '-to-')] : [])];
  if (name === 'figures-per-quarter') return { nameParts, ...csvTable(FIGURES_PER_QUARTER_COLUMNS, listFiguresPerQuarter(db, view.query)) };
  if (!range) return { nameParts, header: ['metric'], rows: [] };
  if (name === 'board-activity') return { nameParts, ...csvTable(BOARD_ACTIVITY_COLUMNS, listActivity(db, view.query, 'board')) };
  if (name === 'top-programmes') return { nameParts, ...csvTable(TOP_PROGRAMME_COLUMNS, listActivity(db, view.query, 'programme', TOP_PROGRAMMES)) };
  return { nameParts, ...csvTable(headlineColumns(range.label), getHeadlines(db, view.query, range)) };
}

/** Every table that /api/export/table/<name> serves, by name. */
export const DOWNLOAD_TABLES: Record<string, (db: AppDatabase, q: SearchParams) => Download> = {
  boards: (db, q) => indexTable('boards', listBoards(db), BOARD_COLUMNS, q),
  programmes: (db, q) => indexTable('programmes', listProgrammes(db), PROGRAMME_COLUMNS, q),
  metrics: (db, q) => indexTable('metrics', listMetrics(db), METRIC_COLUMNS, q),
  sources: (db, q) => indexTable('sources', listSources(db), SOURCE_COLUMNS, q),
  headlines: (db, q) => overviewPart('headlines', db, q),
  'board-activity': (db, q) => overviewPart('board-activity', db, q),
  'top-programmes': (db, q) => overviewPart('top-programmes', db, q),
  'figures-per-quarter': (db, q) => overviewPart('figures-per-quarter', db, q),
};
