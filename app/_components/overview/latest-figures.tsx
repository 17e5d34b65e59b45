// The figures most recently reported for the period, with a link to all of them on the figures page.
import Link from 'next/link';
import type { ObservationRow } from '@/db/queries/observations';
import { filtersToQuery, type ViewFilters } from '@/lib/filters';
import { LATEST_ROWS } from '@/app/_data/page-data';
import { ObservationsTable } from '../tables/observations-table';

export function LatestFigures({ rows, total, period, filters }: { rows: ObservationRow[]; total: number; period?: string; filters: ViewFilters }) {
  const q = filtersToQuery(filters);
  const forPeriod = period ? ` for ${period}` : '';
  return (
    <section className="mt-8" aria-labelledby="latest">
      <h2 id="latest" className="sr-only">
        Latest figures
      </h2>
      <ObservationsTable
        rows={rows}
        caption={
          total > rows.length
            ? `The ${rows.length} most recently reported of ${total.toLocaleString('en-GB')} figures${forPeriod}`
            : `Figures${forPeriod}, most recently reported first`
        }
        downloadHref={`/api/export/observations${q || '?'}${q ? '&' : ''}order=reported&limit=${LATEST_ROWS}`}
      />
      {total > rows.length && (
        <p className="mt-2 text-sm">
          <Link href={`/observations${q}`} className="underline">
            See all {total.toLocaleString('en-GB')} figures{forPeriod}
          </Link>{' '}
          on the figures page, where they can be searched and sorted.
        </p>
      )}
    </section>
  );
}
