import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import type { SearchParams } from '@/lib/filters';
import { FilterErrors } from '../_components/filter-errors';
import { loadComparePage } from '../_data/page-data';
import { CompareChart } from './compare-chart';
import { CompareChoices } from './compare-choices';
import { CompareSummary } from './compare-summary';
import { ComparedPeriods } from './compared-periods';
import { ComparisonTable } from './comparison-table';
import { CoverageNotice } from './coverage-notice';

export const metadata: Metadata = { title: 'Compare two periods' };

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const data = loadComparePage(getDb(), await searchParams);
  if (!data)
    return (
      <>
        <h1 className="text-3xl font-bold">Compare two periods</h1>
        <p className="mt-4 rounded bg-slate-100 p-4">No figures have been recorded yet.</p>
      </>
    );
  const { p, comparison } = data;
  return (
    <>
      <h1 className="text-3xl font-bold">Compare two periods</h1>
      <ComparedPeriods comparison={comparison} />
      <FilterErrors errors={p.errors} />
      <CompareChoices data={data} />
      <CoverageNotice p={p} comparison={comparison} />
      <CompareSummary comparison={comparison} />
      <CompareChart p={p} comparison={comparison} />
      <ComparisonTable p={p} comparison={comparison} />
    </>
  );
}
