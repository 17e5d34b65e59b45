import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { listSourcesWithoutText } from '@/db/queries/reference';
import { getCurrentUser } from '@/app/_server/current-user';
import { can } from '@/lib/auth/roles';
import { OfficersOnly } from '../../_components/officers-only';
import { ImportTabs } from '../import-tabs';
import { ReportImportForm } from './report-import-form';

export const metadata: Metadata = { title: 'Import a board report' };

export default async function ImportReportPage() {
  await connection();
  const user = await getCurrentUser();
  if (!can(user?.role, 'edit_figures')) return <OfficersOnly title="Import a board report" doing="import reports" user={user} returnTo="/import/report" />;
  // Sources registered without their text can receive it from an import.
  const textless = listSourcesWithoutText(getDb());
  return (
    <>
      <h1 className="text-3xl font-bold">Import figures</h1>
      <ImportTabs current="report" />
      <p className="mt-4 max-w-2xl text-slate-700">
        Upload a board report or paste its text. It is kept as a source, and the figures in it are proposed with the sentence each comes from,
        for you to check and accept. Nothing becomes a figure until you accept it.
      </p>
      <ReportImportForm textless={textless} />
    </>
  );
}
