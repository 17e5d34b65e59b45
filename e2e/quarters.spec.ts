// Provisional and final quarters (docs/decisions/0011), used as people use them: an administrator
// marks Q4 2020/21 final on the Quarters page; an officer can no longer change its figures; the
// administrator can, with a reason, and the figure shows the change as a restatement. The test
// changes only a figure's note (never a value other tests read) and reopens the quarter at the end.
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { signInAs } from './sign-in';

/** A seeded figure ending in Q4 2020/21 (January to March 2021), from the figures' CSV. */
async function figureInQ4(page: Page): Promise<number> {
  const csv = await (await page.request.get('/api/export/observations?bom=0&from=2020-21-Q4&to=2020-21-Q4')).text();
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  const row = rows.find((r) => /^2021-0[1-3]-\d\d$/.test(r.period_end ?? ''));
  expect(row, 'a seeded figure ending in Q4 2020/21').toBeDefined();
  return Number(row!.observation_id);
}

async function setStatus(page: Page, option: RegExp, note: string, button: 'Mark final' | 'Reopen') {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quarters' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quarters');
  await page.getByLabel('Quarter').selectOption({ label: (await page.getByLabel('Quarter').locator('option').allTextContents()).find((t) => option.test(t))! });
  if (note) await page.getByLabel(button === 'Reopen' ? 'Reason for reopening (required)' : 'Note (optional)').fill(note);
  await page.getByRole('button', { name: button }).click();
}

test('an administrator marks a quarter final; an officer may no longer change its figures; the administrator may, as a restatement', async ({ page, browser }) => {
  await signInAs(page, 'admin');
  const id = await figureInQ4(page);

  await setStatus(page, /^Q4 2020\/21 \(provisional\)$/, 'Seen by the board on 12 May 2021', 'Mark final');
  await expect(page.getByRole('status').filter({ hasText: 'Q4 2020/21 is now final.' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Q4 2020/21' })).toContainText('Final');

  // The overview says so beside the quarter's headline figures.
  await page.goto('/?from=2020-21-Q4&to=2020-21-Q4');
  await expect(page.getByTestId('quarter-status')).toContainText('Q4 2020/21 is final: the board has seen its figures');

  // The officer sees why, has no form to change it, and a forged request is refused with the reason.
  const officer = await (await browser.newContext()).newPage();
  await signInAs(officer, 'officer');
  await officer.goto(`/observations/${id}`);
  await expect(officer.getByText('Q4 2020/21: final')).toBeVisible();
  await expect(officer.getByRole('status').filter({ hasText: 'only an administrator can change this one' })).toBeVisible();
  await expect(officer.getByRole('button', { name: 'Save correction' })).toHaveCount(0);
  const forged = await officer.request.delete(`/api/observations/${id}`, { data: { reason: 'duplicate' } });
  expect(forged.status()).toBe(403);
  expect(((await forged.json()) as { error: string }).error).toContain('Q4 2020/21 is final');
  const marking = await officer.request.post('/api/quarters', { data: { quarter: '2020-21-Q4', status: 'provisional', reason: 'mine' } });
  expect(marking.status()).toBe(403);
  await officer.context().close();

  // The administrator's change needs a reason, and is then shown as a restatement.
  await page.goto(`/observations/${id}`);
  const correct = page.getByRole('region', { name: 'Correct or delete' });
  await expect(correct.getByRole('status').filter({ hasText: 'Q4 2020/21 is final. A change needs a reason' })).toBeVisible();
  await page.getByLabel('Note').fill('Checked against the programme’s return (e2e)');
  await page.getByRole('button', { name: 'Save correction' }).click();
  await expect(correct.getByRole('alert')).toBeVisible();
  // (A figure from a report needs a reason anyway; a final quarter's figure always does.)
  await expect(correct).toContainText(/say why this figure/i);
  await page.getByLabel('Reason for the change (required)').fill('The programme confirmed its return after the meeting');
  await page.getByRole('button', { name: 'Save correction' }).click();
  await expect(page.getByTestId('history-row').filter({ hasText: 'Restatement of Q4 2020/21, after it was final' })).toHaveCount(1);
  await expect(page.getByText('Restated once since its quarter was final')).toBeVisible();

  // Reopening needs a reason too; then the quarter is provisional again.
  await setStatus(page, /^Q4 2020\/21 \(final\)$/, '', 'Reopen');
  await expect(page.locator('#reason-error')).toContainText('Say why Q4 2020/21 is being reopened');
  await page.getByLabel('Reason for reopening (required)').fill('End of the e2e test');
  await page.getByRole('button', { name: 'Reopen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Q4 2020/21 is now provisional.' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Q4 2020/21' })).toContainText('Provisional');
  await expect(page.getByRole('row').filter({ hasText: 'Q4 2020/21' }).getByRole('cell').last()).toHaveText('1');
});
