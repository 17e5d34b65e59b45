import { expect, test } from '@playwright/test';

test.describe('overview', () => {
  test('draws figures per financial quarter as a chart with data marks', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Figures reported per financial quarter' })).toBeVisible();
    const chart = page.getByTestId('chart-figures-per-quarter');
    // Charts draw after hydration (they measure their box): wait for the SVG and its bars.
    await expect(chart.locator('svg.chart-surface').first()).toBeVisible();
    const bars = chart.locator('.chart-bar');
    await expect(bars.first()).toBeVisible();
    expect(await bars.count()).toBeGreaterThan(5);
    await expect(chart.getByText('Q4 2020/21')).toBeVisible();
  });

  test('offers the chart as a table', async ({ page }) => {
    await page.goto('/');
    await page.getByText('Show the chart as a table').click();
    const row = page.getByRole('row', { name: /Q4 2019\/20/ });
    await expect(row).toBeVisible();
  });

  test('lists the period’s figures with qualifier, period and the sentence they came from', async ({ page }) => {
    await page.goto('/');
    const table = page.getByRole('table', { name: /figures for Q4 2020\/21/ });
    const row = table.getByRole('row').filter({ hasText: 'Frequently Asked Questions hub' });
    await expect(row).toBeVisible();
    await expect(row.getByRole('cell').nth(3)).toContainText('150+');
    await expect(row.getByRole('cell').nth(3)).toContainText('at least, running total');
    await expect(row.getByRole('cell').nth(4)).toHaveText('as of February 2021');
    await row.getByText(/LGA Refocused Sector-Led Improvement Offer: Highlights and Summary/).click();
    await expect(row.getByText('“The hub currently contains over 150 answers to questions on 22 different topics”')).toBeVisible();
  });

  test('headline cards keep one meaning, and give a refusal or a missing change as a short label with the reason a click away', async ({ page }) => {
    await page.goto('/');
    const coaching = page.getByTestId('headline-coaching-hours');
    await expect(coaching).toContainText('Coaching hours (running total)');
    await expect(coaching).toContainText('541 hours');
    const councils = page.getByTestId('headline-councils-supported');
    await councils.getByText('not added up', { exact: true }).click();
    await expect(councils).toContainText('may be counted by more than one programme');
    const attendees = page.getByTestId('headline-attendees');
    await expect(attendees).toContainText('The reports cover January and February 2021 only (2 of 3 months)');
    await attendees.getByText(/Change on Q3 2020\/21:/).click();
    await expect(attendees.getByText(/no figures reported in Q3 2020\/21/)).toBeVisible();
  });

  test('shows lower bounds with their qualifier', async ({ page }) => {
    await page.goto('/');
    const table = page.getByRole('table', { name: /figures for Q4 2020\/21/ });
    await expect(table.getByText(/^\d[\d,]*\+$/).first()).toBeVisible();
  });
});
