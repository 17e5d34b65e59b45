import { parse } from 'csv-parse/sync';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';

async function download(page: Page, link: Locator): Promise<{ name: string; records: Record<string, string>[]; raw: string }> {
  const pending: Promise<Download> = page.waitForEvent('download');
  await link.click();
  const file = await pending;
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  return { name: file.suggestedFilename(), records: parse(raw, { bom: true, columns: true }) as Record<string, string>[], raw };
}

test.describe('CSV downloads match what is on screen', () => {
  test('the overview’s figures table', async ({ page }) => {
    await page.goto('/');
    const table = page.getByRole('table', { name: /figures for Q4 2020\/21/ });
    // (Read again until the page and its file come from the same moment: see below.)
    await expect(async () => {
      await page.reload();
      const shownRows = await table.locator(':scope > tbody > tr').count();
      const { name, records, raw } = await download(page, table.getByRole('link', { name: /Download CSV/ }));
      expect(name).toBe('lga-impact-observations-2020-21-Q4-to-2020-21-Q4.csv');
      expect(raw.charCodeAt(0)).toBe(0xfeff);
      expect(raw).toContain('\r\n');
      expect(new Set(records.map((r) => r.observation_id)).size).toBe(shownRows);
      // The first row on screen is the first figure in the file.
      const firstProgramme = await table.locator(':scope > tbody > tr').first().getByRole('cell').first().innerText();
      expect(records[0]!.programme).toBe(firstProgramme.trim());
    }).toPass();
  });

  test('a programme’s figures table and one of its charts', async ({ page }) => {
    await page.goto('/programmes/return-to-social-work');
    const table = page.getByRole('table', { name: /Return to Social Work: every figure/ });
    const shownRows = await table.locator(':scope > tbody > tr').count();
    const figures = await download(page, table.getByRole('link', { name: /Download CSV/ }));
    expect(new Set(figures.records.map((r) => r.observation_id)).size).toBe(shownRows);
    expect(figures.records.every((r) => r.programme === 'Return to Social Work')).toBe(true);
    expect(figures.records.find((r) => r.value === '275')).toMatchObject({ qualifier: 'at_least', basis: 'cumulative', evidence: '275+ actual applications' });

    const panel = page.getByRole('region', { name: 'Applications' });
    const panelRows = await panel.locator('table tbody tr').count();
    const series = await download(page, panel.getByRole('link', { name: /Download CSV/ }));
    expect(series.name).toBe('lga-impact-series-by-quarter-return-to-social-work-applications-2019-20-Q4-to-2020-21-Q4.csv');
    expect(series.records).toHaveLength(panelRows);
    expect(series.records.map((r) => [r.bucket, r.shown])).toEqual(expect.arrayContaining([['2019-20-Q4', '275+'], ['2020-21-Q1', '1,000+']]));
  });

  test('an index table, in the order it is sorted on screen', async ({ page }) => {
    await page.goto('/programmes?sort=figures&dir=desc');
    const table = page.getByRole('table', { name: /programmes/ });
    const onScreen = await table.locator(':scope > tbody > tr').evaluateAll((rows) => rows.map((r) => r.querySelector('td')!.textContent!.trim()));
    const { name, records } = await download(page, table.getByRole('link', { name: /Download CSV/ }));
    expect(name).toBe('lga-impact-programmes.csv');
    expect(records.map((r) => r.Programme)).toEqual(onScreen);
  });

  test('the overview’s cards, board chart, programmes table and quarter chart', async ({ page }) => {
    await page.goto('/?from=2020-21&to=2020-21');
    const cards = await page.locator('[data-testid^="headline-"]').count();
    const headlines = await download(page, page.getByRole('link', { name: /Download CSV of Headline figures, 2020\/21/ }));
    expect(headlines.name).toBe('lga-impact-headlines-2020-21.csv');
    expect(headlines.records).toHaveLength(cards);
    const coaching = headlines.records.find((r) => r.metric === 'Coaching hours')!;
    expect([coaching.shown, coaching.basis]).toEqual(['541 hours', 'running total']);

    const boardRows = await page.getByRole('region', { name: /Figures reported by board/ }).locator('details table tbody tr').count();
    const boards = await download(page, page.getByRole('link', { name: /Download CSV of Figures reported by board/ }));
    expect(boards.records).toHaveLength(boardRows);

    // Other tests add figures to the same database while this one runs (two workers), and a
    // figure added between reading the page and downloading can reorder the top ten: read both
    // again, from a freshly loaded page, until they come from the same moment.
    const programmesTable = page.getByRole('table', { name: /Programmes by number of figures/ });
    await expect(async () => {
      await page.reload();
      const shownProgrammes = await programmesTable.locator('tbody tr td:first-child a').allInnerTexts();
      const programmes = await download(page, page.getByRole('link', { name: /Download CSV of Most active programmes/ }));
      expect(programmes.records.map((r) => r.programme)).toEqual(shownProgrammes);
    }).toPass();

    const quarterRows = await page.getByRole('region', { name: /Figures reported per financial quarter/ }).locator('details table tbody tr').count();
    const quarters = await download(page, page.getByRole('link', { name: /Download CSV of Figures reported per financial quarter/ }));
    expect(quarters.records).toHaveLength(quarterRows);
  });

  test('formula-like text is defused and ?bom=0 leaves the byte-order mark out', async ({ request }) => {
    const response = await request.get('/api/export/observations?programme=return-to-social-work&bom=0');
    expect(response.headers()['content-type']).toContain('text/csv');
    const text = await response.text();
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.startsWith('source_file,line,evidence,board,programme,metric,unit,value,qualifier,basis,period_start,period_end,date_precision,note,observation_id,upper,part_of,part_of_observation_id,source_title,last_changed')).toBe(true);
  });

  test('bad filters give a 400 with the reason, not a file', async ({ request }) => {
    const response = await request.get('/api/export/observations?from=2020-Q5');
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain('“2020-Q5” is not a period we recognise');
  });
});
