import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { excelSerialToDay, uploadAsCsv, xlsxCell, xlsxSheetAsCsv, xlsxStream } from './xlsx';

const bytesOf = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer());
async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}
const text = async (chunks: AsyncIterable<Uint8Array>) => {
  let out = '';
  for await (const c of chunks) out += new TextDecoder().decode(c);
  return out;
};

describe('an Excel download', () => {
  it('holds numbers as numbers and days as dates, with a frozen, filtered header and an About sheet', async () => {
    const header = ['metric', 'value', 'qualifier', 'period_end', 'note'];
    const rows = [
      ['Attendees', 600, 'at_least', '2020-03-31', '=1+1 is text'],
      ['Councils supported', 12.5, 'exact', '2021-02-28', null],
    ];
    const bytes = await bytesOf(xlsxStream({ name: 'Figures', header, rows }, (s) => [['Rows', String(s.rows)], ['Periods ending', `${s.firstDay} to ${s.lastDay}`]]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Figures', 'About']);
    const ws = wb.getWorksheet('Figures')!;
    expect(ws.getRow(1).values).toEqual([undefined, ...header]);
    expect(ws.getCell('B2').value).toBe(600);
    expect(ws.getCell('B3').value).toBe(12.5);
    expect(ws.getCell('D2').value).toEqual(new Date('2020-03-31T00:00:00Z'));
    expect(ws.getCell('D2').numFmt).toBe('yyyy-mm-dd');
    // Text that looks like a formula stays text.
    expect(ws.getCell('E2').value).toBe('=1+1 is text');
    expect(ws.getCell('E3').value).toBeNull();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(5).width).toBeGreaterThanOrEqual('=1+1 is text'.length);
    const about = wb.getWorksheet('About')!;
    expect(about.getRow(1).values).toEqual([undefined, 'Rows', '2']);
    expect(about.getRow(2).values).toEqual([undefined, 'Periods ending', '2020-03-31 to 2021-02-28']);
  });

  it('turns only real days into dates', () => {
    expect(xlsxCell('2020-02-30')).toBe('2020-02-30');
    expect(xlsxCell('2020-02-29')).toEqual(new Date('2020-02-29T00:00:00Z'));
    expect(xlsxCell('')).toBeNull();
    expect(xlsxCell(Number.NaN)).toBeNull();
  });
});

describe('an Excel upload', () => {
  async function workbook(fill: (ws: ExcelJS.Worksheet) => void, extra?: string): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet('Returns'));
    if (extra) wb.addWorksheet(extra).addRow(['a', 'b']);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads its first sheet as CSV: dates and Excel serial days as YYYY-MM-DD, numbers stored as text as they are', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['programme', 'value', 'period_end', 'period_start', 'note']);
      ws.addRow(['remote-peer-support', '1,200', 43921, new Date('2020-01-01T00:00:00Z'), 'said "about", then']);
      ws.addRow(['remote-peer-support', 15, '2020-06-30', null, '']);
    }, 'Notes');
    const { csv, sheet, sheets } = await xlsxSheetAsCsv(bytes);
    expect([sheet, sheets]).toEqual(['Returns', ['Returns', 'Notes']]);
    expect(csv).toBe(
      'programme,value,period_end,period_start,note\r\n' +
        'remote-peer-support,"1,200",2020-03-31,2020-01-01,"said ""about"", then"\r\n' +
        'remote-peer-support,15,2020-06-30,,\r\n',
    );
    expect(excelSerialToDay(43921)).toBe('2020-03-31');
    expect((await xlsxSheetAsCsv(bytes, 'Notes')).csv).toBe('a,b\r\n');
    await expect(xlsxSheetAsCsv(bytes, 'Nope')).rejects.toThrow('This workbook has no sheet called “Nope”. Its sheets are: Returns, Notes.');
  });

  it('passes a CSV file through untouched, converts a workbook, and says plainly when a workbook is broken', async () => {
    const csv = new TextEncoder().encode('a,b\r\n1,2\r\n');
    expect(await text(uploadAsCsv(once(csv)))).toBe('a,b\r\n1,2\r\n');
    const bytes = await workbook((ws) => ws.addRow(['a', 'b']));
    expect(await text(uploadAsCsv(once(bytes)))).toBe('a,b\r\n');
    const broken = bytes.slice(0, 200);
    await expect(text(uploadAsCsv(once(broken)))).rejects.toThrow(/This Excel file could not be read/);
  });
});
