// Targets, used as an officer uses them: set one on the Targets page by its labels, see its RAG
// status there and on the overview's card, then remove it (so no other test meets it).
import { expect, test } from '@playwright/test';
import { signInAs } from './sign-in';

test('an officer sets a target and sees its status on the overview’s card, then removes it', async ({ page }) => {
  await signInAs(page, 'officer');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Targets' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Targets');

  // A mistake first: nothing saved, and the field says why.
  await page.getByLabel('Metric').selectOption({ label: 'Coaching hours (hours)' });
  await page.getByLabel('Period').selectOption({ label: 'Q4 2020/21' });
  await page.getByLabel('Counted as').selectOption({ label: 'Running total at the period’s end' });
  await page.getByLabel('Target', { exact: true }).fill('lots');
  await page.getByRole('button', { name: 'Set target' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('nothing has been saved');
  await expect(page.getByText('Enter the target as a number, such as 400')).toBeVisible();

  await page.getByLabel('Target', { exact: true }).fill('500');
  await page.getByRole('button', { name: 'Set target' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Target saved.' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Coaching hours' }).filter({ hasText: 'Q4 2020/21' });
  await expect(row).toContainText('108% of 500 hours');
  await expect(row).toContainText('Green: on target');

  // The overview's coaching hours card (541 hours, running total, Q4 2020/21) shows it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
  const card = page.getByTestId('headline-coaching-hours');
  await expect(card.getByTestId('headline-target')).toContainText('Target 500 hours: 108% of 500 hours');
  await expect(card.getByTestId('headline-target')).toContainText('Green: on target');
  // Filtered to one board, the card is not rated against a target for every programme.
  await page.goto('/?board=improvement-and-innovation-board');
  await expect(page.getByTestId('headline-target')).toHaveCount(0);

  // On the metric's chart: a target line across Q4 2020/21, listed under the chart.
  await page.goto('/metrics/coaching-hours');
  await expect(page.getByTestId('chart-coaching-hours').getByTestId('chart-target')).toHaveCount(1);
  await expect(page.getByTestId('targets-coaching-hours')).toContainText('Q4 2020/21: Target 500 hours (running total): Green: on target');

  // And in the quarter's board pack.
  await page.goto('/pack?period=2020-21-Q4');
  const packRow = page.getByTestId('pack-headlines').getByRole('row').filter({ hasText: 'Coaching hours' });
  await expect(packRow).toContainText('500 hours: 108% of 500 hours');
  await expect(packRow).toContainText('Green: on target');

  await page.goto('/targets');
  await page.getByRole('button', { name: 'Remove the target: Coaching hours, Q4 2020/21' }).click();
  await expect(page.getByText('No targets set yet.')).toBeVisible();
  // A viewer may not set one.
  const viewer = await (await page.context().browser()!.newContext()).newPage();
  await signInAs(viewer, 'viewer');
  await viewer.goto('/targets');
  await expect(viewer.getByRole('button', { name: 'Set target' })).toHaveCount(0);
  const forged = await viewer.request.post('/api/targets', { data: { metric: 'coaching-hours', programme: '', period: '2020-21-Q4', basis: 'cumulative', value: '1', amberBelowPct: '', redBelowPct: '' } });
  expect(forged.status()).toBe(403);
  await viewer.context().close();
});
