// Notes on charts, used as an officer uses them: add one by its labels, see it marked on the
// chart it is about and listed under it, change it, and remove it.
import { expect, test } from '@playwright/test';
import { signInAs } from './sign-in';

test('an officer adds a dated note, sees it on the chart, changes it and removes it', async ({ page }) => {
  await signInAs(page, 'officer');
  await page.getByRole('banner').getByRole('link', { name: 'Notes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notes on charts');

  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByText('Say what happened, such as “first national lockdown”')).toBeVisible();
  await page.getByLabel('Date').fill('2020-03-23');
  await page.getByLabel('Note', { exact: true }).fill('First national lockdown (e2e)');
  await page.getByLabel('About').selectOption({ label: 'Metric: Attendees' });
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Note added.' })).toBeVisible();
  await expect(page.getByTestId('annotations').getByRole('listitem').filter({ hasText: 'First national lockdown (e2e)' })).toContainText('2020-03-23 First national lockdown (e2e) (Attendees)');

  // On the attendees chart: a numbered mark, and the note listed under the chart.
  await page.goto('/metrics/attendees');
  const notes = page.getByTestId('notes-attendees');
  await expect(notes).toContainText('2020-03-23: First national lockdown (e2e) (a note on Attendees)');
  await expect(page.getByTestId('chart-attendees').getByTestId('chart-annotation')).toHaveCount(await notes.getByRole('listitem').count());

  await page.goto('/annotations');
  await page.getByRole('button', { name: 'Change the note: First national lockdown (e2e)' }).click();
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue('First national lockdown (e2e)');
  await page.getByLabel('Note', { exact: true }).fill('First national lockdown began (e2e)');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Note changed.' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove the note: First national lockdown began (e2e)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Note removed.' })).toBeVisible();
  await expect(page.getByTestId('annotations')).not.toContainText('(e2e)');

  // Each step is in the audit trail.
  await page.goto('/audit?entity=annotation');
  await expect(page.getByRole('table', { name: /Changes, newest first/ }).locator('tbody tr')).toHaveCount(3);
});
