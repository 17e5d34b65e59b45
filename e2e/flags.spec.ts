// Data-quality flags, as an officer meets them: a running total entered lower than the one
// before it is flagged on the figure and on the flags page at once; the officer acknowledges it
// with a reason. The test's own figures are of a metric no headline card shows, inside the seed's
// quarters (so no chart gains a quarter while other tests count its rows), deleted at the end.
import { expect, test } from '@playwright/test';
import { signInAs } from './sign-in';

const FIGURE = {
  programme: 'remote-peer-support', metric: 'survey-responses', qualifier: 'exact', basis: 'cumulative', periodStart: '', datePrecision: 'month',
  note: 'e2e: flags', sourceId: '', evidence: '', line: '', reason: '',
};

test('a running total that falls is flagged at once, on the figure and on the flags page, and acknowledged with a reason', async ({ page }) => {
  await signInAs(page, 'officer');
  const ids: number[] = [];
  for (const [value, periodEnd] of [['4200', '2020-09-30'], ['3900', '2020-12-31']] as const) {
    const created = await page.request.post('/api/observations', { data: { ...FIGURE, value, periodEnd } });
    expect(created.status()).toBe(201);
    ids.push(((await created.json()) as { id: number }).id);
  }
  await page.goto(`/observations/${ids[1]}`);
  await expect(page.getByTestId('figure-flags')).toContainText('Running total fell: Remote Peer Support, survey responses: the running total is 3,900 at 2020-12-31, below 4,200 at 2020-09-30.');

  await page.getByRole('banner').getByRole('link', { name: 'Flags' }).click();
  // One kind at a time: the running totals that fell.
  await page.getByRole('navigation', { name: 'Kinds of flag' }).getByRole('link', { name: /^Running total fell \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/\/flags\?kind=falling$/);
  await expect(page.getByTestId('flag').filter({ hasNotText: 'Running total fell.' })).toHaveCount(0);
  const flag = page.getByRole('region', { name: /To look at/ }).getByTestId('flag').filter({ hasText: 'the running total is 3,900 at 2020-12-31' });
  await expect(flag).toHaveCount(1);
  await flag.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(flag.getByRole('alert')).toContainText('Say why this flag needs no change');
  await flag.getByLabel(/needs no change/).fill('The programme re-counted its survey responses in December');
  await flag.getByRole('button', { name: 'Acknowledge' }).click();
  const seen = page.getByRole('region', { name: /Acknowledged/ }).getByTestId('flag').filter({ hasText: 'the running total is 3,900 at 2020-12-31' });
  await expect(seen).toContainText('“The programme re-counted its survey responses in December”');

  // A viewer sees the flags but may not acknowledge one.
  const viewer = await (await page.context().browser()!.newContext()).newPage();
  await signInAs(viewer, 'viewer');
  await viewer.goto('/flags');
  await expect(viewer.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  expect((await viewer.request.post('/api/flags', { data: { key: `falling:${ids[1]}`, reason: 'mine' } })).status()).toBe(403);
  await viewer.context().close();

  for (const id of ids) expect((await page.request.delete(`/api/observations/${id}`, { data: { reason: 'e2e clean-up' } })).status()).toBe(200);
});
