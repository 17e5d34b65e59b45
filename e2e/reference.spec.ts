// Editing the reference data as an administrator does it: rename a programme and open its old
// link; merge one metric into another after the preview, see the figures move and the audit, a
// spreadsheet naming the merged one refused, then undo the merge. (Each test puts back what it
// changed, for the tests running beside it.)
import { expect, test } from '@playwright/test';
import { signInAs } from './sign-in';

test('a renamed programme keeps its old link working', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/programmes/lg-inform');
  await page.getByRole('link', { name: 'Edit this programme' }).click();
  await page.getByLabel('New name').fill('LG Inform Online');
  await page.getByLabel(/^New address/).fill('lg-inform-online');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Renamed; /programmes/lg-inform now leads to /programmes/lg-inform-online.' })).toBeVisible();

  // The old link, with its filters, leads to the programme's new address.
  await page.goto('/programmes/lg-inform?from=2019-20&to=2020-21');
  await expect(page).toHaveURL(/\/programmes\/lg-inform-online\?from=2019-20&to=2020-21$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('LG Inform Online');

  // An officer may change the description but not the address.
  await page.getByRole('link', { name: 'Edit this programme' }).click();
  await page.getByLabel('Description', { exact: true }).fill('The LGA’s benchmarking service.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // Put back.
  await page.getByLabel('New name').fill('LG Inform');
  await page.getByLabel(/^New address/).fill('lg-inform');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'now leads to /programmes/lg-inform.' })).toBeVisible();
  await page.goto('/programmes/lg-inform');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('LG Inform');
});

test('two metrics merged: the preview, the figures moved, the audit, and the undo', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/metrics/job-offers');
  const before = Number((await page.getByRole('table', { name: /every figure/ }).getByRole('row').count()) - 1);
  expect(before).toBeGreaterThan(0);
  await page.getByRole('link', { name: 'Edit this metric' }).click();
  await page.getByLabel('Merge into', { exact: true }).selectOption({ label: 'People placed' });
  await page.getByRole('button', { name: 'Preview the merge' }).click();
  const preview = page.getByTestId('merge-preview');
  await expect(preview).toContainText(`${before} ${before === 1 ? 'figure' : 'figures'}`);
  await expect(preview).toContainText('No figure would then say the same thing twice.');
  await preview.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged.' })).toBeVisible();

  // The old metric's link leads to the one it was merged into, which now has its figures.
  await page.goto('/metrics/job-offers');
  await expect(page).toHaveURL(/\/metrics\/people-placed$/);
  await expect(page.getByTestId('metric-programmes')).toBeVisible();
  const figures = page.getByRole('table', { name: /every figure/ });
  await expect(figures).toContainText('job offer', { ignoreCase: true });
  // The audit trail records each moved figure.
  await page.goto('/audit?entity=observation');
  await expect(page.getByRole('cell', { name: 'Merged metric Job offers into People placed' }).first()).toBeVisible();

  // A spreadsheet still naming the merged metric is told where its figures now go, and nothing is written.
  await page.goto('/import');
  const csv = ['programme,metric,value,qualifier,basis,period_start,period_end', 'Remote Peer Support,Job offers,7,exact,period,2020-07-01,2020-09-30'].join('\r\n');
  await page.getByLabel('CSV or Excel file').setInputFiles({ name: 'offers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('count-error')).toHaveText('1');
  await expect(page.getByTestId('count-new')).toHaveText('0');
  await expect(page.getByRole('table', { name: /Problems/ })).toContainText('was merged into “People placed”');

  // Undo: the figures go back, and the old link is the metric's own again.
  await page.goto('/manage/metric/people-placed');
  await page.getByRole('button', { name: 'Undo this merge' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The merge was undone.' })).toBeVisible();
  await page.goto('/metrics/job-offers');
  await expect(page).toHaveURL(/\/metrics\/job-offers$/);
  await expect(page.getByRole('table', { name: /every figure/ }).getByRole('row')).toHaveCount(before + 1);
});
