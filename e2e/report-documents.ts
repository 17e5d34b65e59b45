// Real report files for the upload tests, made the way officers' files are made: a PDF printed by
// Chromium from a two-column report page with running headers, footers and page numbers and a
// table; and a Word document with a table, written as Word writes one (OOXML, zipped).
import JSZip from 'jszip';
import type { Page } from '@playwright/test';

const PROSE = [
  ['Peer support', 'Since April, our peer support team has delivered 42 remote peer challenges and over 450 councillors have attended the peer support webinars.'],
  ['Leadership', 'The Leadership Academy welcomed 96 councillors this quarter, and a further 20 places are planned for the autumn.'],
  ['Finance', 'Our finance advisers supported 31 councils with budget planning. The programme awards up to £10,000 to each council for specialist advice.'],
  ['Digital', 'The cyber security guidance was downloaded 2,340 times between April and June 2021.'],
  ['Workforce', 'The workforce survey was completed by 63 per cent of councils that took part in the pilot.'],
];

/** The report page: two columns of text, a table, and enough text for two A4 pages. */
export function reportHtml(): string {
  const filler = 'The Board is asked to note the progress made and the plans for the coming months, set out below for each offer in turn. ';
  const sections = PROSE.map(([heading, text]) => `<h2>${heading}</h2><p>${text}</p><p>${filler.repeat(6)}</p>`).join('');
  return `<!doctype html><html><head><style>
    body { font-family: sans-serif; font-size: 11pt; }
    .cols { columns: 2; column-gap: 24pt; }
    h1 { font-size: 16pt; } h2 { font-size: 12pt; margin: 8pt 0 2pt; }
    table { border-collapse: collapse; margin-top: 12pt; } td, th { border: 1px solid #000; padding: 4pt 10pt; }
  </style></head><body>
    <h1>Sector support highlights, April to June 2021</h1>
    <div class="cols">${sections}${sections.replace(/Since April/, 'In addition')}</div>
    <h2>Support by programme</h2>
    <table><tr><th>Programme</th><th>Councils supported</th><th>Attendees</th></tr>
      <tr><td>Remote Peer Support</td><td>23</td><td>410</td></tr>
      <tr><td>Leadership Essentials</td><td>17</td><td>138</td></tr></table>
  </body></html>`;
}

/** The report printed to PDF by Chromium, with a running header and "Page N of M" footers. */
export async function reportPdf(page: Page): Promise<Buffer> {
  await page.setContent(reportHtml());
  return page.pdf({
    format: 'A4',
    displayHeaderFooter: true,
    headerTemplate: '<div style="font-size:9px;width:100%;text-align:center">Improvement and Innovation Board, 15 July 2021</div>',
    footerTemplate: '<div style="font-size:9px;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
    margin: { top: '60px', bottom: '60px', left: '40px', right: '40px' },
  });
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;

/** The same report as a Word document: headings and paragraphs, then the table. */
export async function reportDocx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const cell = (text: string) => `<w:tc>${paragraph(text)}</w:tc>`;
  const row = (cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
  const body = [
    paragraph('Sector support highlights, April to June 2021'),
    ...PROSE.flatMap(([heading, text]) => [paragraph(heading!), paragraph(text!)]),
    paragraph('Support by programme'),
    `<w:tbl>${row(['Programme', 'Councils supported', 'Attendees'])}${row(['Remote Peer Support', '23', '410'])}${row(['Leadership Essentials', '17', '138'])}</w:tbl>`,
  ].join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}
