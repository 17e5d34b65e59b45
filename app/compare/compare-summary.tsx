// "In brief": the comparison in a sentence or two, leading with the largest change.
import { summarise } from '@/lib/compare';
import type { ComparePageData } from '../_data/page-data';

export function CompareSummary({ comparison }: { comparison: ComparePageData['comparison'] }) {
  return (
    <section aria-labelledby="summary" className="mt-6">
      <h2 id="summary" className="text-xl font-semibold">In brief</h2>
      <p className="mt-2 max-w-3xl rounded border-l-4 border-oi-blue bg-slate-50 p-3" data-testid="compare-summary">
        {summarise(comparison)}
      </p>
    </section>
  );
}
