// Says, at the top of a page, that it shows the figures as the board saw them on a day
// (app/_data/as-seen.ts), what that means and how to get back to today's.
import Link from 'next/link';
import type { SeenView } from '@/app/_data/as-seen';
import { formatPeriod } from '@/lib/period-label';
import { Alert } from './alert';

/** `today`: the same page and filters with today's figures. */
export function SeenBanner({ seen, today }: { seen: SeenView; today: string }) {
  const day = formatPeriod(null, seen.date, 'day');
  return (
    <Alert tone="warning" role={null} className="mt-4" data-testid="seen-banner" title={`As the board saw it on ${day}`}>
      <p>
        {seen.figures
          ? `The ${seen.figures.toLocaleString('en-GB')} ${seen.figures === 1 ? 'figure' : 'figures'} that ${seen.papers === 1 ? 'the paper' : `the ${seen.papers} papers`} to board meetings on or before ${day} gave, each as it stood when it was cited.`
          : `No paper to a board meeting on or before ${day} gave any figure.`}{' '}
        Figures entered, corrected or restated later are not here; targets, notes and quarters’ status are as they are today.
      </p>
      <p className="mt-1">
        <Link href={today} className="underline">See today’s figures</Link> · <Link href="/meetings" className="underline">Meetings</Link>
      </p>
    </Alert>
  );
}
