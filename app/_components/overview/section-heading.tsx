// An overview section's heading: its title, with the CSV of what the section shows beside it.
import { filtersToQuery, type ViewFilters } from '@/lib/filters';
import { DownloadLink } from '../download-link';

/** The CSV download of one of the overview's tables, with the page's filters. */
export function exportHref(table: string, filters: ViewFilters): string {
  return `/api/export/table/${table}${filtersToQuery(filters)}`;
}

export function SectionHeading({ id, title, href }: { id: string; title: string; href: string }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      <DownloadLink href={href} what={title} />
    </div>
  );
}
