/** A "Download CSV" link for the table or chart beside it (a plain link: works without JavaScript). */
export function DownloadLink({ href, what }: { href: string; what: string }) {
  // aria-label rather than a visually hidden span: an absolutely positioned span inside a
  // scrolling table would widen the page on a phone.
  return (
    <a
      href={href}
      download
      aria-label={`Download CSV of ${what}`}
      className="no-print inline-block rounded border border-slate-600 px-2 py-0.5 text-xs font-normal underline"
    >
      Download CSV
    </a>
  );
}
