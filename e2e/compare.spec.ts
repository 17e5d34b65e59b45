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

  test('the summary leads with the largest change in the table, and says what it left out', async ({ page }) => {
    await page.goto(Q4_TO_Q1);
    const firstComparable = page
      .getByRole('row')
      .filter({ hasText: /\bcomparable\b/ })
      .filter({ hasNotText: 'not comparable' })
      .first()
      .getByRole('rowheader');
    const metric = (await firstComparable.innerText()).split('\n')[0]!.trim();
    await expect(page.getByTestId('compare-summary')).toContainText(metric);
    // Events delivered was 2 in both quarters, leaving out the figures that cover longer spans.
    await expect(page.getByTestId('compare-summary')).toContainText('Events delivered was 2 in both Q4 2019/20 and Q1 2020/21, leaving out 3 figures for longer periods.');
  });

  test('two financial years the reports cover in part are not compared, and the months covered in both are offered', async ({ page }) => {
    await page.goto('/compare?a=2019-20&b=2020-21');
    const table = page.getByRole('table', { name: /Comparison of 2019\/20 \(A\) with 2020\/21 \(B\)/ });
    const attendees = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Attendees\s*in period/ }) });
    await expect(attendees).toContainText('partly covered');
    await expect(attendees).toContainText('2019/20 has figures for 6 of its 12 months (October 2019 to March 2020)');
    // No percentage change in any row.
    const percents = await table.locator('td[data-label="% change"]').allInnerTexts();
    expect(percents.length).toBeGreaterThan(5);
    expect(new Set(percents)).toEqual(new Set(['—']));
    await expect(page.getByTestId('compare-summary')).toContainText('No metric has figures that can honestly be compared between 2019/20 and 2020/21.');
    await page.getByRole('link', { name: 'Compare October 2019 to February 2020 with October 2020 to February 2021 instead' }).click();
    await expect(page).toHaveURL(/a=2019-10\.\.2020-02&b=2020-10\.\.2021-02/);
    await expect(page.getByRole('table', { name: /Comparison of October 2019 to February 2020 \(A\) with October 2020 to February 2021 \(B\)/ })).toBeVisible();
  });

  test('a change made of programmes first reported in B is not a change: they are listed apart', async ({ page }) => {
    await page.goto('/compare?a=2020-21-Q3&b=2020-21-Q4&metric=resources-published');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Resources published/ }) }).first();
    await expect(row).toContainText('not comparable');
    await expect(row).toContainText('new in Q4 2020/21: Advanced & Predictive Analytics Network (≈85 as of February 2021)');
    await expect(row).not.toContainText('%');
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
    expect([applications.a_value, applications.a_shown, applications.b_shown, applications.comparability]).toEqual(['275', '275+ as of March 2020', '1,000+ as of June 2020', 'not comparable']);
  });
});
