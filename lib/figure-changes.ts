// What a change to a figure changed, in words ("value: 321 → 350", "programme: Peer Support → …"):
// a figure's history shows it, and a refused save (someone changed the figure meanwhile) says it.

const SHOWN_FIELDS = ['value', 'upper_value', 'qualifier', 'basis', 'period_start', 'period_end', 'date_precision', 'note', 'programme_id', 'metric_id', 'part_of_id', 'deleted_at', 'evidence', 'line', 'sourceId'];

/** Programme and metric names by id, so that ids read as names. */
export interface NamesById {
  programme: Map<number, string>;
  metric: Map<number, string>;
}

/** The fields an audit entry changed, from `before` to `after` (all of `after` for a creation). */
export function describeChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null, names: NamesById): string[] {
  if (!after) return [];
  const shown = (k: string, v: unknown) => {
    if (k === 'programme_id') return names.programme.get(Number(v)) ?? String(v);
    if (k === 'metric_id') return names.metric.get(Number(v)) ?? String(v);
    return JSON.stringify(v ?? null);
  };
  return SHOWN_FIELDS.filter((k) => k in after && JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after[k] ?? null)).map(
    (k) => `${k.replace(/_id$/, '').replace(/_/g, ' ')}: ${before ? `${shown(k, before[k])} → ` : ''}${shown(k, after[k])}`,
  );
}
