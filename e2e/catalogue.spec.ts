// The metric catalogue as a board member reads it: the list of metrics with what each counts,
// its category, unit, whether it is added up and when it was reported; then one metric's page,
// saying which programmes report it and the quarters it covers.
import { expect, test } from '@playwright/test';

test('the metric catalogue says what each metric counts, who reports it and when', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metrics' }).click();
  const table = page.getByRole('table', { name: /metrics/ });
  for (const header of ['What it counts', 'Category', 'Unit', 'Adding up', 'Periods reported']) await expect(table.getByRole('columnheader', { name: header })).toBeVisible();
  const row = table.getByRole('row').filter({ hasText: 'Coaching hours' });
  await expect(row).toContainText('coaching hours');
  // (Other tests add figures as they run: the shape, not the dates, is checked here.)
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);

  await row.getByRole('link', { name: 'Coaching hours' }).click();
  const about = page.getByRole('region', { name: 'About this metric' });
  await expect(about.getByTestId('metric-coverage')).toHaveText(/^(Q\d \d{4}\/\d{2} to Q\d \d{4}\/\d{2}: figures in \d+ of those \d+ quarters|Q\d \d{4}\/\d{2} only)$/);
  await about.getByText(/^\d+ programmes$/).click();
  await about.getByRole('link', { name: 'Top team coaching' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Top team coaching');
});
