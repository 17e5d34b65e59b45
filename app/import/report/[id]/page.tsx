import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { getReportReview } from '@/db/queries/report-review';
import { getCurrentUser } from '@/app/_server/current-user';
import { can } from '@/lib/auth/roles';
import { OfficersOnly } from '../../../_components/officers-only';
import { formOptions } from '../../../observations/form-options';
import { ProposalReview } from './proposal-review';

export const metadata: Metadata = { title: 'Review proposed figures' };

export default async function ReviewReportPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const id = Number((await params).id);
  const user = await getCurrentUser();
  if (!can(user?.role, 'edit_figures')) return <OfficersOnly title="Review proposed figures" doing="import reports" user={user} returnTo={`/import/report/${id}`} />;
  const db = getDb();
  const review = Number.isInteger(id) && id > 0 ? getReportReview(db, id) : null;
  if (!review) notFound();
  const { programmes, metrics } = formOptions(db);
  const { source, proposals } = review;
  return (
    <>
      <p className="text-sm">
        <Link href="/import/report" className="underline">
          Import figures
        </Link>{' '}
        › Review
      </p>
      <h1 className="mt-2 text-3xl font-bold">Figures proposed from “{source.title}”</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Dated {source.documentDate}; {source.lines.toLocaleString('en-GB')} lines. Each number in the report is listed with its sentence. Check the
        suggested metric, programme, qualifier and period, then accept the figures that measure the LGA’s support.{' '}
        <Link href={`/sources/${source.id}`} className="underline">
          Read the report
        </Link>
        .
      </p>
      <ProposalReview sourceId={source.id} proposals={proposals} programmes={programmes} metrics={metrics} />
    </>
  );
}
