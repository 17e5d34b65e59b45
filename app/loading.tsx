import { Skeleton } from './_components/skeleton';

export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading figures…</p>
      <Skeleton className="mb-4 h-8 w-72" />
      <Skeleton className="mb-6 h-64 w-full" />
      <Skeleton className="h-96 w-full" />
    </div>
  );
}
