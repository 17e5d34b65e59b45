// The sentence under the comparison's title: which periods A and B are, and what a change means.
import type { ComparePageData } from '../_data/page-data';

export function ComparedPeriods({ comparison }: { comparison: ComparePageData['comparison'] }) {
  return (
    <p className="mt-2 max-w-3xl text-slate-700">
      A is <strong>{comparison.a.label}</strong> ({comparison.a.start} to {comparison.a.end}); B is <strong>{comparison.b.label}</strong> (
      {comparison.b.start} to {comparison.b.end}). Changes are B − A.
    </p>
  );
}
