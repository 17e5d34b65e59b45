import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { listBoards } from '@/db/queries/reference';
import { ADDITIVITY, METRIC_CATEGORIES, UNITS } from '@/lib/vocabulary';
import { getCurrentUser } from '@/app/_server/current-user';
import { can } from '@/lib/auth/roles';
import { ADDITIVITY_LABELS } from '@/app/_data/metric-panels';
import { REFERENCE_KINDS, type ReferenceKind } from '@/lib/reference-input';
import { ReferenceForm, type ReferenceField } from '../../../_components/forms/reference-form';

export const metadata: Metadata = { title: 'Add' };

const TITLES: Record<ReferenceKind, string> = { board: 'Add a board', programme: 'Add a programme', metric: 'Add a metric', source: 'Add a source' };
const AFTER: Record<ReferenceKind, string> = { board: '/boards/{slug}', programme: '/programmes/{slug}', metric: '/metrics/{slug}', source: '/sources/{id}' };

export default async function NewReferencePage({ params, searchParams }: { params: Promise<{ kind: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const kind = (await params).kind as ReferenceKind;
  if (!REFERENCE_KINDS.includes(kind)) notFound();
  if (!can((await getCurrentUser())?.role, 'manage_reference'))
    return (
      <>
        <h1 className="text-3xl font-bold">{TITLES[kind]}</h1>
        <p className="mt-4">You need an officer account to do this. <Link href={`/sign-in?next=/manage/new/${kind}`} className="underline">Sign in</Link>.</p>
      </>
    );
  const fields: Record<ReferenceKind, ReferenceField[]> = {
    board: [
      { name: 'name', label: 'Name', type: 'text', hint: 'As the LGA names it, e.g. Resources Board' },
      { name: 'description', label: 'What it covers', type: 'textarea' },
    ],
    programme: [
      { name: 'name', label: 'Name', type: 'text', hint: 'As the reports name it' },
      { name: 'board', label: 'Lead board', type: 'select', options: listBoards(getDb()).map((b) => ({ value: b.slug, label: b.name })) },
      { name: 'theme', label: 'Theme', type: 'text', hint: 'Optional: the highlights report’s theme heading' },
      { name: 'description', label: 'Description', type: 'textarea' },
    ],
    metric: [
      { name: 'name', label: 'Name', type: 'text', hint: 'In plain words, e.g. Councils supported' },
      { name: 'unit', label: 'Unit', type: 'select', options: UNITS.map((u) => ({ value: u, label: u })) },
      { name: 'category', label: 'Category', type: 'select', options: METRIC_CATEGORIES.map((c) => ({ value: c, label: c })) },
      { name: 'additivity', label: 'Adding up', type: 'select', options: ADDITIVITY.map((a) => ({ value: a, label: ADDITIVITY_LABELS[a] })), hint: 'Councils supported: within a programme only (a council can be in two); averages and percentages: never' },
      { name: 'definition', label: 'What it counts', type: 'textarea' },
    ],
    source: [
      { name: 'title', label: 'Title', type: 'text' },
      { name: 'documentDate', label: 'Date of the report', type: 'date' },
      { name: 'datePrecision', label: 'Date known to the', type: 'select', options: [{ value: 'day', label: 'Day' }, { value: 'month', label: 'Month' }, { value: 'year', label: 'Year' }] },
      { name: 'fileName', label: 'File name', type: 'text', hint: 'Optional' },
      { name: 'coversFrom', label: 'First day it reports on', type: 'date', hint: 'Optional: the start of the months the report gives an account of (April 2020 for “April 2020–February 2021”)' },
      { name: 'coversTo', label: 'Last day it reports on', type: 'date', hint: 'Optional: the end of those months. Months no report covers are shown as not covered, not as nothing done.' },
    ],
  };
  // Fields may be filled from the address: the review screen links "add a metric called …" here.
  const query = await searchParams;
  const given = Object.fromEntries(fields[kind].flatMap((f) => (typeof query[f.name] === 'string' ? [[f.name, (query[f.name] as string).slice(0, 200)]] : [])));
  return (
    <>
      <h1 className="text-3xl font-bold">{TITLES[kind]}</h1>
      <ReferenceForm kind={kind} fields={fields[kind]} after={AFTER[kind]} initial={given} />
    </>
  );
}
