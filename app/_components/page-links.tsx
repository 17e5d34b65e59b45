import Link from 'next/link';

/** "Previous page · Page 2 of 5 · Next page" under a long list; nothing when it fits on one page. */
export function PageLinks({ page, pages, href, label }: { page: number; pages: number; href: (page: number) => string; label: string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="no-print mt-4 flex flex-wrap items-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className="rounded border border-slate-600 px-3 py-1 underline" rel="prev">
          Previous page
        </Link>
      ) : null}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} className="rounded border border-slate-600 px-3 py-1 underline" rel="next">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}

