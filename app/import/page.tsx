import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getCurrentUser } from '@/app/_server/current-user';
import { can } from '@/lib/auth/roles';
import { IMPORT_COLUMNS, REQUIRED_COLUMNS } from '@/lib/csv-import';
import { OfficersOnly } from '../_components/officers-only';
import { CsvImportForm } from './csv-import-form';
import { ImportTabs } from './import-tabs';

export const metadata: Metadata = { title: 'Import figures' };

export default async function ImportCsvPage() {
  await connection();
  const user = await getCurrentUser();
  if (!can(user?.role, 'edit_figures')) return <OfficersOnly title="Import figures" doing="import figures" user={user} returnTo="/import" />;
  return (
    <>
      <h1 className="text-3xl font-bold">Import figures</h1>
      <ImportTabs current="csv" />
      <p className="mt-4 max-w-2xl text-slate-700">
        Upload a CSV file of figures, such as a programme lead’s return or a file exported from this dashboard. You will see what each row
        would do before anything is saved.
      </p>
      <CsvImportForm />
      <details className="mt-8 max-w-3xl">
        <summary className="cursor-pointer font-semibold">What the file should look like</summary>
        <div className="mt-2 space-y-2 text-slate-700">
          <p>
            The first line names the columns, in any order and any case. Required: {REQUIRED_COLUMNS.join(', ')}. Also read: {IMPORT_COLUMNS.filter((c) => !REQUIRED_COLUMNS.includes(c)).join(', ')}.
            Other columns are ignored.
          </p>
          <ul className="list-disc pl-6">
            <li>Programme and metric: their names or short names as shown in the dashboard. Board, if given, must be the programme’s board.</li>
            <li>Value: a number; “£1,200” and “1 200” are read as 1200. In files separated by “;” a comma is the decimal point.</li>
            <li>Qualifier: exact, at least (“over”, “more than”), at most (“up to”) or approximately. Keep “over 600” as 600 with “at least”.</li>
            <li>Basis: period (activity in the period), running total (cumulative) or planned.</li>
            <li>Dates: 31/03/2021 (day first) or 2021-03-31. Date precision: day, month or year (day if left out).</li>
            <li>Source: name a report already in the dashboard with its line and the sentence as evidence, or leave source_file empty and this file becomes the source, each row its own evidence.</li>
            <li>observation_id (as in the dashboard’s export): changes that figure; columns you leave out keep their values.</li>
            <li>version (as in the export): the figure’s version when the file was exported; if someone has changed the figure since, that row is refused rather than undo their change. Clear it to overwrite.</li>
          </ul>
          <p>
            <a href="/api/export/observations" className="underline">Download every figure as CSV</a> for an example in exactly this format.
          </p>
        </div>
      </details>
    </>
  );
}
