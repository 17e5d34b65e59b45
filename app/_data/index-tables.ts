// The columns of the index tables (boards, programmes, metrics, sources): one definition for
// the page and its CSV download, so a download always has the columns and order on screen.
import type { BoardSummary, MetricSummary, ProgrammeSummary, SourceSummary } from '../../db/queries/reference';
import { ADDITIVITY_LABELS } from './metric-panels';
import type { SortValue } from '../../lib/sort-rows';

export interface ColumnDef<T> {
  key: string;
  label: string;
  numeric?: boolean;
  value: (row: T) => SortValue;
}

export const BOARD_COLUMNS: ColumnDef<BoardSummary>[] = [
  { key: 'name', label: 'Board', value: (b) => b.name },
  { key: 'programmes', label: 'Programmes', numeric: true, value: (b) => b.programmes },
  { key: 'figures', label: 'Figures', numeric: true, value: (b) => b.figures },
  { key: 'latest', label: 'Latest period', value: (b) => b.latest },
];

export const PROGRAMME_COLUMNS: ColumnDef<ProgrammeSummary>[] = [
  { key: 'name', label: 'Programme', value: (p) => p.name },
  { key: 'board', label: 'Lead board', value: (p) => p.board.name },
  { key: 'theme', label: 'Theme', value: (p) => p.theme },
  { key: 'figures', label: 'Figures', numeric: true, value: (p) => p.figures },
  { key: 'latest', label: 'Latest period', value: (p) => p.latest },
];

export const METRIC_COLUMNS: ColumnDef<MetricSummary>[] = [
  { key: 'name', label: 'Metric', value: (m) => m.name },
  { key: 'definition', label: 'What it counts', value: (m) => m.definition },
  { key: 'category', label: 'Category', value: (m) => m.category },
  { key: 'unit', label: 'Unit', value: (m) => m.unit },
  { key: 'additivity', label: 'Adding up', value: (m) => ADDITIVITY_LABELS[m.additivity] },
  { key: 'figures', label: 'Figures', numeric: true, value: (m) => m.figures },
  { key: 'programmes', label: 'Programmes', numeric: true, value: (m) => m.programmes },
  { key: 'reported', label: 'Periods reported', value: (m) => (m.firstPeriodEnd ? `${m.firstPeriodEnd} to ${m.lastPeriodEnd}` : 'none yet') },
];

export const SOURCE_COLUMNS: ColumnDef<SourceSummary>[] = [
  { key: 'date', label: 'Date', value: (s) => s.documentDate },
  { key: 'title', label: 'Report', value: (s) => s.title },
  { key: 'figures', label: 'Figures', numeric: true, value: (s) => s.figures },
  { key: 'text', label: 'Full text', value: (s) => (s.hasText ? 'stored' : 'not stored') },
];
