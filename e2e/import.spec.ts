import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './sign-in';

test.describe.configure({ mode: 'serial' });

async function exportRows(page: Page): Promise<string[]> {
  return (await (await page.request.get('/api/export/observations?bom=0')).text()).trim().split('\r\n');
}

test.describe('importing a CSV of figures', () => {
  test('two good rows, one already recorded and one bad: the preview says which, and the good ones are imported', async ({ page }) => {
    await signInAs(page, 'officer');
    await page.goto('/import');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    const csv = [
      'Programme;Metric;Value;Qualifier;Basis;Period start;Period end;Note',
      'Remote Peer Support;Attendees;"£4.321";over;period;01/10/2021;31/12/2021;e2e import row',
      'Remote Peer Support;Councils supported;17;exact;period;01/10/2021;31/12/2021;',
      // Already in the dataset: 34 councils given bespoke advice, by March 2020.
      'Adult Social Care Use of Resources;Councils supported;34;exact;running total;;31/03/2020;',
      'Remote Peer Support;Attendees;lots;exact;period;;31/12/2021;',
    ].join('\r\n');
    const before = await exportRows(page);
    await page.getByLabel('CSV file').setInputFiles({ name: 'q3-returns.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
    await page.getByRole('button', { name: 'Check the file' }).click();

    await expect(page.getByRole('heading', { name: 'Preview of q3-returns.csv' })).toBeVisible();
    await expect(page.getByTestId('count-new')).toHaveText('2');
    await expect(page.getByTestId('count-unchanged')).toHaveText('1');
    await expect(page.getByTestId('count-error')).toHaveText('1');
    await expect(page.getByTestId('count-update')).toHaveText('0');
    const problems = page.getByRole('table', { name: /Problems/ });
    await expect(problems.getByRole('row').nth(1)).toContainText('5');
    await expect(problems.getByRole('row').nth(1)).toContainText('value');
    await expect(problems.getByRole('row').nth(1)).toContainText('Value must be a number');
    const rows = page.getByRole('table', { name: /Rows/ });
    await expect(rows.locator('tr[data-status="new"]').first()).toContainText('4,321+');
    await expect(rows.locator('tr[data-status="unchanged"]')).toContainText('Already recorded as figure');
    expect(await exportRows(page)).toEqual(before);

    // Blocking is the default: the import button says why it cannot go ahead.
    await expect(page.getByRole('button', { name: /Import 2 new and 0 changed/ })).toBeDisabled();
    await page.getByLabel('Skip those rows and import the rest').check();
    await page.getByRole('button', { name: /Import 2 new and 0 changed/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported q3-returns.csv' })).toContainText('2 new figures, 0 changed, 3 source links; 1 row with errors skipped');

    const after = await exportRows(page);
    // Two new figures; the existing one gains this file as a further source (one more row).
    expect(after.length).toBe(before.length + 3);
    const added = after.filter((l) => l.includes('q3-returns.csv (CSV upload)'));
    expect(added).toHaveLength(3);
    expect(added.some((l) => l.includes(',4321,at_least,period,2021-10-01,2021-12-31,'))).toBe(true);

    // The new figure is on the programme's chart and table, with this file as its source.
    await page.goto('/programmes/remote-peer-support?from=2021-22&to=2021-22');
    await expect(page.getByRole('cell', { name: '4,321+' }).first()).toBeVisible();

    // The same file again: everything already there, nothing to import.
    await page.goto('/import');
    await page.getByLabel('CSV file').setInputFiles({ name: 'q3-returns.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByTestId('count-unchanged')).toHaveText('3');
    await expect(page.getByTestId('count-new')).toHaveText('0');
  });

  test('a file that is not CSV is refused with a reason', async ({ page }) => {
    await signInAs(page, 'officer');
    await page.goto('/import');
    await page.getByLabel('CSV file').setInputFiles({ name: 'returns.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 6, 0]) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'This is a spreadsheet file, not CSV' })).toBeVisible();
  });

  test('viewers and anonymous requests cannot import', async ({ page }) => {
    const body = 'programme,metric,value,qualifier,basis,period_end\nRemote Peer Support,Attendees,5,exact,period,2021-12-31\n';
    expect((await page.request.post('/api/import/csv?mode=commit&onError=skip', { data: body, headers: { 'Content-Type': 'text/csv' } })).status()).toBe(403);
    await signInAs(page, 'viewer');
    await page.goto('/import');
    await expect(page.getByText('You need an officer account to import figures.')).toBeVisible();
    expect((await page.request.post('/api/import/csv?mode=commit&onError=skip', { data: body, headers: { 'Content-Type': 'text/csv' } })).status()).toBe(403);
  });
});
