import { Skeleton } from './_components/skeleton';

// Shown at once on navigation while the server reads the figures for the next page.
export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading the figures…</p>
      <Skeleton className="h-9 w-2/3" />
      <Skeleton className="mt-4 h-24 w-full" />
      <Skeleton className="mt-6 h-40 w-full" />
      <Skeleton className="mt-6 h-72 w-full" />
    </div>
  );
}
