// The choice of periods and filters (the client form), filled from the page's data: every year and
// quarter with figures, each quarter's year to date, and the quick comparisons for period B.
import { compareQuery, quickChoices } from '@/lib/compare';
import type { ComparePageData } from '../_data/page-data';
import { CompareForm } from './compare-form';

export function CompareChoices({ data }: { data: ComparePageData }) {
  const { p, comparison, periods } = data;
  return (
    <CompareForm
      periods={[
        ...periods.map((b) => ({ value: b.token, label: b.label })),
        ...periods.filter((b) => b.granularity === 'quarter').map((b) => ({ value: `ytd:${b.token}`, label: `Year to date, to the end of ${b.label}` })),
      ]}
      boards={data.boards.map((b) => ({ value: b.slug, label: b.name }))}
      programmes={data.programmes.map((x) => ({ value: x.slug, label: x.name }))}
      metrics={data.metrics.map((m) => ({ value: m.slug, label: m.name }))}
      values={{ a: comparison.a.token, b: comparison.b.token, board: p.boards[0], programme: p.programmes[0], metric: p.metrics[0] }}
      quick={quickChoices(comparison.b).map((c) => ({
        label: c.label,
        href: `/compare${compareQuery(p, c.a, c.b)}`,
        current: c.a.token === comparison.a.token && c.b.token === comparison.b.token,
      }))}
    />
  );
}
