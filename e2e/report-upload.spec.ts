// Reports as officers receive them, uploaded through the production server: a two-column PDF
// printed by Chromium (running headers, page numbers, a table), a Word document with a table, and
// PDFs that cannot be read, which are refused with the reason and store nothing.
import { expect, test, type Page } from '@playwright/test';
import { reportDocx, reportPdf } from './report-documents';
import { signInAs } from './sign-in';

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, title: string) {
  await page.goto('/import/report');
  await page.getByLabel('Report file').setInputFiles(file);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Date of the report').fill('2021-07-15');
  await page.getByRole('button', { name: 'Import and review figures' }).click();
}

test.describe('uploading a report file', () => {
  test('a multi-page two-column PDF: its figures proposed, its table read by row, headers and page numbers left out', async ({ page, browser }) => {
    // Print the report in a page of its own, as a PDF an officer would receive.
    const printer = await browser.newPage();
    const pdf = await reportPdf(printer);
    await printer.close();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    await signInAs(page, 'officer');
    await upload(page, { name: 'highlights-july-2021.pdf', mimeType: 'application/pdf', buffer: pdf }, 'Sector support highlights (PDF, July 2021)');
    await expect(page.getByRole('heading', { name: 'Figures proposed from “Sector support highlights (PDF, July 2021)”' })).toBeVisible();
    const proposed = page.getByRole('region', { name: /Proposed figures/ }).getByTestId('proposal');
    await expect(proposed.filter({ hasText: 'downloaded 2,340 times' }).first().locator('mark')).toHaveText('2,340');
    await expect(proposed.filter({ hasText: 'over 450 councillors' }).first()).toBeVisible();
    // A table's cell says which column and row it is, beside the row as evidence.
    const cell = proposed.filter({ hasText: 'Remote Peer Support | 23 | 410' }).filter({ has: page.locator('mark', { hasText: /^410$/ }) });
    await expect(cell.getByText('In a table, column “Attendees”, row “Remote Peer Support”.')).toBeVisible();
    // The text as read: page 2's table row by row, and no running header or page numbers.
    await page.getByRole('link', { name: 'Read the report' }).click();
    await expect(page).toHaveURL(/\/sources\/\d+$/);
    await expect(page.getByText('Programme | Councils supported | Attendees')).toBeVisible();
    await expect(page.getByText('Remote Peer Support | 23 | 410')).toBeVisible();
    await expect(page.getByText(/Page \d of 2/)).toHaveCount(0);
    await expect(page.getByText('Improvement and Innovation Board, 15 July 2021')).toHaveCount(0);
  });

  test('a Word document with a table', async ({ page }) => {
    await signInAs(page, 'officer');
    await upload(
      page,
      { name: 'highlights-july-2021.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await reportDocx() },
      'Sector support highlights (Word, July 2021)',
    );
    await expect(page.getByRole('heading', { name: 'Figures proposed from “Sector support highlights (Word, July 2021)”' })).toBeVisible();
    const proposed = page.getByRole('region', { name: /Proposed figures/ }).getByTestId('proposal');
    await expect(proposed.filter({ hasText: 'welcomed 96 councillors' }).first().locator('mark')).toHaveText('96');
    await page.getByRole('link', { name: 'Read the report' }).click();
    await expect(page).toHaveURL(/\/sources\/\d+$/);
    await expect(page.getByText('Leadership Essentials | 17 | 138')).toBeVisible();
  });

  test('a Markdown file and a plain-text file', async ({ page }) => {
    await signInAs(page, 'officer');
    const md = ['# Workforce highlights', '', '## Return to Social Work', '', '- **Return to Social Work:** 41 social workers returned to practice in June.'].join('\n');
    await upload(page, { name: 'workforce.md', mimeType: 'text/markdown', buffer: Buffer.from(md) }, 'Workforce highlights (Markdown, July 2021)');
    const proposed = page.getByRole('region', { name: /Proposed figures/ }).getByTestId('proposal');
    await expect(proposed.filter({ hasText: 'social workers returned' }).locator('mark')).toHaveText('41');
    await upload(page, { name: 'workforce.txt', mimeType: 'text/plain', buffer: Buffer.from('Leadership Essentials\n\nWe welcomed 64 councillors to Leadership Essentials courses in June.') }, 'Leadership highlights (text, July 2021)');
    await expect(page.getByRole('region', { name: /Proposed figures/ }).getByTestId('proposal').filter({ hasText: 'welcomed 64 councillors' }).locator('mark')).toHaveText('64');
  });

  test('a PDF with no text (a scan) and a damaged one are refused with the reason, and nothing is stored', async ({ page }) => {
    await signInAs(page, 'officer');
    const scan = Buffer.from(
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    );
    await upload(page, { name: 'scanned.pdf', mimeType: 'application/pdf', buffer: scan }, 'A scanned report');
    await expect(page.getByText('This PDF has no text in it: it may be a scan (images of pages). Paste the text instead.').first()).toBeVisible();
    await upload(page, { name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nthis is not really a PDF') }, 'A broken report');
    await expect(page.getByText(/This PDF could not be read: it may be damaged|This PDF has no text in it/).first()).toBeVisible();
    // Neither is stored as a source. (Counted by title, not by how many sources there are: other
    // tests import reports at the same time, and on a busy machine one landed between two counts.)
    const sources = await page.request.get('/sources').then((r) => r.text());
    expect(sources).not.toContain('A scanned report');
    expect(sources).not.toContain('A broken report');
  });
});
