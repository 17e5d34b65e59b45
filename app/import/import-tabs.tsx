import Link from 'next/link';

/** The two kinds of import, as tabs of one task. */
export function ImportTabs({ current }: { current: 'csv' | 'report' }) {
  const tab = (href: string, label: string, active: boolean) => (
    <Link href={href} aria-current={active ? 'page' : undefined} className={`rounded-t border border-b-0 px-4 py-2 ${active ? 'bg-white font-semibold no-underline' : 'bg-slate-100 underline'}`}>
      {label}
    </Link>
  );
  return (
    <nav aria-label="Import" className="mt-4 flex gap-2 border-b border-slate-300">
      {tab('/import', 'A CSV file of figures', current === 'csv')}
      {tab('/import/report', 'A board report', current === 'report')}
    </nav>
  );
}
