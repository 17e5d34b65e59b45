/**
 * "Download CSV" and "Excel" links for the table or chart beside them (plain links: they work
 * without JavaScript). The Excel file has the same rows (`format=xlsx`, lib/xlsx.ts).
 */
export function DownloadLink({ href, what }: { href: string; what: string }) {
  const xlsx = `${href}${href.includes('?') ? '&' : '?'}format=xlsx`;
  const style = 'no-print inline-block rounded border border-slate-600 px-2 py-0.5 text-xs font-normal underline';
  // aria-label rather than a visually hidden span: an absolutely positioned span inside a
  // scrolling table would widen the page on a phone.
  return (
    <span className="no-print inline-flex gap-1">
      <a href={href} download aria-label={`Download CSV of ${what}`} className={style}>
        Download CSV
      </a>
      <a href={xlsx} download aria-label={`Download Excel of ${what}`} className={style}>
        Excel
      </a>
    </span>
  );
}
