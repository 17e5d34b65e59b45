import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { listMeetings, type MeetingSummary } from '@/db/queries/meetings';
import { formatPeriod } from '@/lib/period-label';
import { DataTable, type DataTableColumn } from '../_components/tables/data-table';

export const metadata: Metadata = { title: 'Meetings' };

const COLUMNS: DataTableColumn<MeetingSummary>[] = [
  {
    header: 'Meeting',
    cell: (m) => (
      <Link href={`/meetings/${m.board.slug}/${m.date}`} className="underline">
        {m.board.name}, {formatPeriod(null, m.date, m.precision)}
      </Link>
    ),
  },
  { header: 'Date from', cell: (m) => (m.dateKind === 'meeting' ? 'the meeting' : 'the paper (no meeting date recorded)') },
  { header: 'Papers', cell: (m) => m.papers.map((p) => p.title).join('; ') },
  { header: 'Figures shown', className: 'tabular text-right', cell: (m) => m.figures.toLocaleString('en-GB') },
  { header: 'Restated since', className: 'tabular text-right', cell: (m) => (m.restated ? <strong>{m.restated.toLocaleString('en-GB')}</strong> : '0') },
];

export default async function MeetingsPage() {
  await connection();
  const meetings = listMeetings(getDb());
  return (
    <>
      <h1 className="text-3xl font-bold">Meetings</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        What each board was shown: every figure in the papers that went to a meeting, as it stood when it was reported, and whether it has been
        restated since — corrected, deleted, or given a different value by a later paper.
      </p>
      <DataTable caption="Meetings, newest first" className="mt-6" columns={COLUMNS} rows={meetings} rowKey={(m) => `${m.board.slug}/${m.date}`} empty="No papers with a board and date yet." />
    </>
  );
}
