// The rows of the series export: one per bucket with figures, per metric and basis, as the
// metric panels' tables show them.
import type { Series } from './aggregation';
import type { CsvCell } from './csv';
import { BASIS_LABELS, toQualifier } from './qualifiers';
import { viewCell } from './series-view';

export const SERIES_EXPORT_COLUMNS = [
  'bucket',
  'bucket_label',
  'board',
  'programme',
  'metric',
  'unit',
  'basis',
  'value',
  // The top of a range ("20–30"); empty for one number.
  'upper',
  'qualifier',
  'shown',
  'observations',
  'notes',
] as const;

export function seriesExportRows(series: Series[]): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const s of series)
    for (const cell of s.cells) {
      if (cell.status === 'no_figures' && !cell.spanning.length) continue;
      const view = viewCell(cell, s.key.metric.unit);
      const qualifier = cell.status === 'value' ? (toQualifier(cell.total) ?? (cell.total.approximate ? `approx ${cell.total.bound} bound` : 'none')) : '';
      rows.push([
        cell.bucket.token,
        cell.bucket.label,
        s.key.board?.name ?? '',
        s.key.programme?.name ?? '',
        s.key.metric.name,
        s.key.metric.unit,
        BASIS_LABELS[s.key.basis],
        view.value,
        cell.status === 'value' && cell.total.bound === 'range' ? cell.total.high! : null,
        qualifier,
        view.text,
        view.observations,
        view.notes.join('; '),
      ]);
    }
  return rows;
}
