import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { getMeeting, type ReportedFigure } from '@/db/queries/meetings';
import { formatPeriod } from '@/lib/period-label';
import { Alert } from '../../../_components/alert';
import { DataTable, type DataTableColumn } from '../../../_components/tables/data-table';

export const metadata: Metadata = { title: 'What the board saw' };

type Props = { params: Promise<{ board: string; date: string }> };

const COLUMNS: DataTableColumn<ReportedFigure>[] = [
  { header: 'Figure', cell: (f) => <Link href={`/observations/${f.id}`} className="underline">{f.programme}: {f.metric.toLowerCase()}</Link> },
  { header: 'Paper', className: 'text-sm', cell: (f) => <Link href={`/sources/${f.paper.id}#line-${f.line ?? 1}`} className="underline">{f.paper.title}{f.line ? `, line ${f.line}` : ''}</Link> },
  { header: 'As reported', className: 'tabular', cell: (f) => f.reported },
  { header: 'Now', className: 'tabular', cell: (f) => (f.current === f.reported ? f.current : <strong>{f.current}</strong>) },
  {
    header: 'Restated since',
    className: 'text-sm',
    cell: (f) =>
      f.restatements.length ? (
        <ul className="space-y-1">
          {f.restatements.map((r, i) => (
            <li key={i}>
              {r.at.slice(0, 10)}: {r.kind === 'later paper' ? <>“{r.now}” in <Link href={`/sources/${r.paper!.id}`} className="underline">{r.paper!.title}</Link></> : `${r.kind} to ${r.now} by ${r.who.toLowerCase()}`}
              {r.reason ? ` — “${r.reason}”` : ''}
            </li>
          ))}
        </ul>
      ) : (
        'no'
      ),
  },
];

export default async function MeetingPage({ params }: Props) {
  await connection();
  const { board, date } = await params;
  const meeting = /^\d{4}-\d{2}-\d{2}$/.test(date) ? getMeeting(getDb(), board, date) : null;
  if (!meeting) notFound();
  return (
    <>
      <p className="text-sm"><Link href="/meetings" className="underline">Meetings</Link></p>
      <h1 className="text-3xl font-bold">
        What the {meeting.board.name} saw, {formatPeriod(null, meeting.date, meeting.precision)}
      </h1>
      {meeting.dateKind === 'paper' && <p className="mt-1 text-slate-700">No meeting date is recorded for these papers: the date is the papers’ own.</p>}
      <p className="mt-2">Papers: {meeting.papers.map((p, i) => <span key={p.id}>{i ? '; ' : ''}<Link href={`/sources/${p.id}`} className="underline">{p.title}</Link></span>)}</p>
      <Alert tone={meeting.restated ? 'warning' : 'info'} className="mt-4" data-testid="restated-summary">
        {meeting.restated
          ? `Since this meeting, ${meeting.restated} of the ${meeting.figures} figures it was shown ${meeting.restated === 1 ? 'was' : 'were'} restated.`
          : `None of the ${meeting.figures} figures this meeting was shown has been restated since.`}
      </Alert>
      <p className="mt-4">
        <Link href={`/?seen=${meeting.date}`} className="underline">The overview as the board saw it on this day</Link> — every figure reported to meetings up to
        then, as it was reported, without what was entered or corrected later.
      </p>
      <DataTable caption="Figures shown to the meeting, as reported and as now" className="mt-6" columns={COLUMNS} rows={meeting.reported} rowKey={(f) => `${f.id}-${f.paper.id}-${f.line}`} rowProps={() => ({ 'data-testid': 'reported-row' })} />
    </>
  );
}
