// The report reader's box: an ordinary report is read as before; a .docx built to expand enormously
// when opened is refused with a plain message, by the heap limit or the time limit, and the main
// thread stays free meanwhile.
import { describe, expect, it } from 'vitest';
import { ReportFileError } from '../../lib/report-text';
import { readReportInBox } from './report-reader';
import { repeatedParagraphDocx } from '../../lib/fixtures/docx';

const docx = (paragraphs: number) => repeatedParagraphDocx('Over 600 councillors attended.', paragraphs);

describe('reading a report in a box', () => {
  it('reads an ordinary report as the reader does', async () => {
    expect(await readReportInBox('report.docx', await docx(2))).toBe('Over 600 councillors attended.\nOver 600 councillors attended.');
    await expect(readReportInBox('report.txt', Uint8Array.from([0x41, 0, 0x42]))).rejects.toThrow('This file is not a text file.');
  });

  it('refuses a zip bomb quickly with a plain message, and the main thread keeps answering', async () => {
    // 2 million paragraphs: 126 MB of XML once opened, 0.4 MB zipped. (At 315 MB opened, one
    // worker running out of heap took the whole process with it: the size is checked before.)
    const bomb = await docx(2_000_000);
    expect(bomb.length).toBeLessThan(1_000_000);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    const started = Date.now();
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const refused = await readReportInBox('bomb.docx', bomb, { seconds: 60, heapMb: 128 }).then(() => null, (e: unknown) => e);
    clearInterval(sampler);
    clearInterval(ticker);
    console.log(`zip bomb (${(bomb.length / 1e6).toFixed(2)} MB zipped) refused in ${Date.now() - started} ms, peak memory ${(peak / 1e6).toFixed(0)} MB; the main thread ran ${ticks} timer ticks meanwhile`);
    expect(refused).toBeInstanceOf(ReportFileError);
    expect((refused as Error).message).toMatch(/far larger once opened/);
    expect(ticks).toBeGreaterThan(0);
  });

  it('gives up on a file that takes too long, with a plain message', async () => {
    const slow = await docx(200_000);
    await expect(readReportInBox('slow.docx', slow, { seconds: 0.05, heapMb: 256 })).rejects.toThrow(/took more than 0.05 seconds/);
  });
});
