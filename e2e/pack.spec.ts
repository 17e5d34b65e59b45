// The board pack for Q4 2020/21, as an officer takes it to a meeting: opened from the overview,
// printed to PDF by Chromium, and downloaded as Word; both read back for the headline figures,
// the summary and the sources the page shows.
import fs from 'node:fs';
import JSZip from 'jszip';
import { expect, test } from '@playwright/test';
import { readReportFile } from '../lib/report-text';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

test('the Q4 2020/21 pack prints to PDF and downloads as Word with its headline figures, summary and sources', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Board pack for Q4 2020/21' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Q4 2020/21: every board');
  const table = page.getByTestId('pack-headlines');
  const coaching = table.getByRole('row').filter({ hasText: 'Coaching hours' });
  await expect(coaching).toContainText('541 hours');
  const summary = squash((await page.getByTestId('pack-summary').textContent()) ?? '');
  expect(summary.length).toBeGreaterThan(40);
  const sources = (await page.getByTestId('pack-sources').getByRole('link').allTextContents()).map(squash);
  expect(sources.length).toBeGreaterThan(0);

  // A small chart per key metric, drawn on the server so that it prints, and the flags section.
  await expect(page.getByTestId('pack-charts').locator('figure svg').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Data-quality flags to look at' })).toBeVisible();

  // Printed on A4 by Chromium, and read back as text.
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.mkdirSync('test-results', { recursive: true });
  fs.writeFileSync('test-results/board-pack-2020-21-Q4.pdf', pdf);
  const printed = squash(await readReportFile('pack.pdf', new Uint8Array(pdf)));
  expect(printed).toContain('Headline figures');
  expect(printed).toContain('Key metrics by quarter');
  expect(printed).toContain('Coaching hours');
  expect(printed).toContain('541 hours');
  expect(printed).toContain(summary.slice(0, 60));
  for (const s of sources) expect(printed).toContain(s.slice(0, 40));
  // Paper has no use for links to press: the download link and the site's navigation are left out.
  expect(printed).not.toContain('Download as a Word document');
  expect(printed).not.toContain('Skip to main content');

  // The Word document, downloaded by its link, holds the same, in a real table.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as a Word document (.docx)' }).click()]);
  expect(download.suggestedFilename()).toBe('board-pack-2020-21-Q4.docx');
  const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
  const xml = (await zip.file('word/document.xml')!.async('string'));
  expect(xml).toContain('<w:tbl>');
  const words = squash(xml.replace(/<w:p[ >][^]*?<\/w:p>/g, (p) => ` ${p.replace(/<[^>]+>/g, '')} `).replace(/<[^>]+>/g, ' ')).replace(/&amp;/g, '&').replace(/&apos;|&#39;/g, '’');
  expect(words).toContain('Coaching hours');
  expect(words).toContain('541 hours');
  expect(words).toContain(summary.slice(0, 60).replace(/'/g, '’'));
  for (const s of sources) expect(words).toContain(s.slice(0, 40));

  // A period that is not a quarter or year is explained, not a crash.
  await page.goto('/pack?period=2020-10');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('is not a quarter or financial year');
});
