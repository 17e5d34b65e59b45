import { parse } from 'csv-parse/sync';
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const Q4_TO_Q1 = '/compare?a=2019-20-Q4&b=2020-21-Q1';

test.describe('compare two periods', () => {
  test('two real quarters show the expected rows and changes', async ({ page }) => {
    await page.goto(Q4_TO_Q1);
    const table = page.getByRole('table', { name: /Comparison of Q4 2019\/20 \(A\) with Q1 2020\/21 \(B\)/ });
    const applications = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Applications/ }) });
    await expect(applications).toContainText('275+');
    await expect(applications).toContainText('1,000+');
    await expect(applications).toContainText('not comparable: both figures are lower bounds');
    const events = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Events delivered/ }) }).first();
    await expect(events).toContainText('±0');
    const peer = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Peer challenges and reviews\s*in period/ }) });
    await expect(peer).toContainText('absent from B');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  test('"Same quarter last year" changes the URL and the table', async ({ page }) => {
    await page.goto(Q4_TO_Q1);
    await page.getByRole('link', { name: 'Same quarter last year' }).click();
    await expect(page).toHaveURL(/a=2019-20-Q1&b=2020-21-Q1/);
    await expect(page.getByRole('table', { name: /Comparison of Q1 2019\/20 \(A\) with Q1 2020\/21 \(B\)/ })).toBeVisible();
    const applications = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Applications/ }) });
    await expect(applications).toContainText('new in B');
  });

  test('the summary leads with the largest change in the table', async ({ page }) => {
    await page.goto('/compare?a=2019-20&b=2020-21');
    const firstComparable = page
      .getByRole('row')
      .filter({ hasText: /\bcomparable\b/ })
      .filter({ hasNotText: 'not comparable' })
      .first()
      .getByRole('rowheader');
    const metric = (await firstComparable.innerText()).split('\n')[0]!.trim();
    await expect(page.getByTestId('compare-summary')).toContainText(metric);
  });

  test('with many metrics, each links to its own breakdown by board and programme', async ({ page }) => {
    await page.goto('/compare?a=2019-20&b=2020-21');
    const link = page.getByRole('link', { name: / by board \(\d+\) and programme \(\d+\)$/ }).first();
    const metric = (await link.innerText()).replace(/ by board.*$/, '');
    await link.click();
    await expect(page).toHaveURL(/metric=/);
    await expect(page.getByRole('table', { name: /Comparison of 2019\/20 \(A\) with 2020\/21 \(B\)/ }).getByRole('rowheader').first()).toContainText(metric);
    await page.getByText(/^By board \(\d+\) and programme/).first().click();
    await expect(page.getByRole('rowheader', { name: /^Programme: / }).first()).toBeVisible();
  });

  test('an invalid period shows a message and falls back to the default comparison', async ({ page }) => {
    await page.goto('/compare?a=2020-Q9&b=2020-21-Q1');
    await expect(page.getByRole('alert').filter({ hasText: 'could not be used' })).toContainText('“2020-Q9” is not a period we recognise for A');
    await expect(page.getByRole('table', { name: /with Q1 2020\/21 \(B\)/ })).toBeVisible();
  });

  test('the CSV download holds exactly the metric rows of the table', async ({ page }) => {
    await page.goto(Q4_TO_Q1);
    const rowsOnScreen = await page.getByRole('table', { name: /Comparison of/ }).locator(':scope > tbody > tr:first-child').count();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('lga-impact-compare-2019-20-Q4-vs-2020-21-Q1.csv');
    const text = (await file.createReadStream()).toArray();
    const csv = Buffer.concat(await text).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(records.filter((r) => r.level === 'metric')).toHaveLength(rowsOnScreen);
    const applications = records.find((r) => r.level === 'metric' && r.metric === 'Applications')!;
    expect([applications.a_value, applications.a_shown, applications.b_shown, applications.comparability]).toEqual(['275', '275+', '1,000+', 'not comparable']);
  });
});
