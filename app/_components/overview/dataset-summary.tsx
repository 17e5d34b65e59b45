// The overview's opening sentence: how many figures, sources, programmes and boards, and the period shown.
import type { OverviewData } from '@/app/_data/page-data';

export function DatasetSummary({ totals, range }: { totals: OverviewData['totals']; range: OverviewData['view']['range'] }) {
  return (
    <p className="mt-2 max-w-3xl text-slate-700">
      {/* Sources are board reports and the files officers upload: an upload is not a board report. */}
      {totals.observations.toLocaleString('en-GB')} figures from {totals.sources.toLocaleString('en-GB')} sources, across {totals.programmes}{' '}
      programmes and {totals.boards} boards.
      {range && (
        <>
          {' '}
          Showing <strong>{range.label}</strong> ({range.start} to {range.end}).
        </>
      )}
    </p>
  );
}
