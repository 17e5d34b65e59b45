// GET /api/pack/docx?period=2020-21-Q4[&board=…] — the board pack as a Word document, with real
// tables (docx, a maintained library), for an officer to paste into a board paper.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { getDb } from '@/db/client';
import { json } from '@/app/_server/http';
import { searchParamsToObject } from '@/lib/export-params';
import { formatPeriod } from '@/lib/period-label';
import { loadPack } from '@/app/_data/pack';
import { PACK_HEADLINE_HEADERS, packHeadlineRows } from '@/app/_data/pack-rows';

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

export async function GET(request: Request) {
  const { errors, pack } = loadPack(getDb(), searchParamsToObject(new URL(request.url).searchParams));
  if (!pack) return json({ error: errors.join(' ') }, 400);
  const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
  const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const doc = new Document({
    creator: 'Sector-support impact dashboard',
    title: `Board pack, ${pack.period.label}`,
    sections: [
      {
        children: [
          new Paragraph({ text: `Board pack: ${pack.period.label}${pack.board ? `, ${pack.board.name}` : ', every board'}`, heading: HeadingLevel.HEADING_1 }),
          para(`Period: ${formatPeriod(pack.period.start, pack.period.end, 'day')}, compared with ${pack.previous.label}.`),
          ...(pack.status ? [para(`Status: ${pack.status.label} is ${pack.status.status}${pack.status.status === 'provisional' ? '; its figures may still change' : ''}.`)] : []),
          para(`Last meeting: ${pack.lastMeeting ? pack.lastMeeting.title : 'none on record'}.`),
          para(`Coverage: ${pack.coverage.length ? pack.coverage.join(' ') : 'the reports cover the whole period for every headline figure.'}`),
          para(`Prepared ${new Date().toISOString().slice(0, 10)} from the dashboard.`),
          heading('Headline figures'),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: PACK_HEADLINE_HEADERS.map((h) => cell(h, true)) }),
              ...packHeadlineRows(pack).map((r) => new TableRow({ children: r.map((c, i) => cell(c, i === 0)) })),
            ],
          }),
          heading('In brief'),
          para(pack.summary),
          heading('What changed since the last meeting'),
          ...(!pack.lastMeeting
            ? [para(`No meeting is on record before the end of ${pack.period.label}.`)]
            : pack.lastMeeting.restated.length
              ? pack.lastMeeting.restated.map((f) => para(`${f.programme}, ${f.metric.toLowerCase()}: reported to ${pack.lastMeeting!.title} as ${f.reported}, now ${f.current}.`))
              : [para(`None of the figures shown to ${pack.lastMeeting.title} has been restated since.`)]),
          heading('Data-quality flags to look at'),
          ...(pack.flags.length ? pack.flags.map((f) => para(`${f.kind}. ${f.text}`)) : [para('None on the period’s figures.')]),
          heading('Sources'),
          ...pack.sources.map((s) => para(`${s.title} (${s.date}): ${s.figures} figure${s.figures === 1 ? '' : 's'} for the period`)),
          new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: 'Every figure links to the sentence it came from on the dashboard.', italics: true })] }),
        ],
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc);
  const name = `board-pack-${pack.period.token}${pack.board ? `-${pack.board.slug}` : ''}.docx`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  });
}
