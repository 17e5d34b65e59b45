// Said when the reports cover only part of A or B: sums over such a period are not compared, and
// the like-for-like months most rows offer are one link away.
import Link from 'next/link';
import { compareQuery } from '@/lib/compare';
import { Alert } from '../_components/alert';
import type { ComparePageData } from '../_data/page-data';

export function CoverageNotice({ p, comparison }: Pick<ComparePageData, 'p' | 'comparison'>) {
  const offers = comparison.rows.filter((r) => r.status === 'partly_covered' && r.likeForLike);
  const likeForLike = offers[0]?.likeForLike;
  if (!likeForLike) return null;
  // Which of the two periods is covered in part.
  const short = [
    offers.some((r) => r.coverage!.a.covered < r.coverage!.a.months) ? comparison.a.label : '',
    offers.some((r) => r.coverage!.b.covered < r.coverage!.b.months) ? comparison.b.label : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return (
    <Alert tone="warning" role="note" className="mt-4 text-sm" data-testid="coverage-notice">
      <p>
        <strong>The reports cover only part of {short}.</strong> Sums over a period covered in part are not compared:
        those rows say “partly covered” and give no change.
      </p>
      <p className="mt-1">
        <Link href={`/compare${compareQuery(p, likeForLike.a, likeForLike.b)}`} className="underline">
          Compare {likeForLike.a.label} with {likeForLike.b.label} instead
        </Link>{' '}
        — the months covered in both.
      </p>
    </Alert>
  );
}
