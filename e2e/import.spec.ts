import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { REPORT_LEFT_FOR_IMPORT } from './fixtures';
import { signInAs } from './sign-in';

test.describe.configure({ mode: 'serial' });

// Figures these tests add are dated July–September 2020: inside the seed's range (so charts keep
// their axis) but in a quarter no other spec checks while they run in parallel.

// The export's rows this test could add or link: its quarter, and the figure its file repeats.
// Other specs write elsewhere at the same time, so the whole export is not a fixed point.
async function exportRows(page: Page): Promise<string[]> {
  return (await (await page.request.get('/api/export/observations?bom=0')).text())
    .trim()
    .split('\r\n')
    .filter((l) => l.includes(',2020-07-01,2020-09-30,') || l.includes('Adult Social Care Use of Resources'));
}

test.describe('importing a CSV of figures', () => {
  test('two good rows, one already recorded and one bad: the preview says which, and the good ones are imported', async ({ page }) => {
    await signInAs(page, 'officer');
    await page.goto('/import');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    const csv = [
      'Programme;Metric;Value;Qualifier;Basis;Period start;Period end;Note',
      'Remote Peer Support;Attendees;"£4.321";over;period;01/07/2020;30/09/2020;e2e import row',
      'Remote Peer Support;Councils supported;17;exact;period;01/07/2020;30/09/2020;',
      // Already in the dataset: 34 councils given bespoke advice, by March 2020.
      'Adult Social Care Use of Resources;Councils supported;34;exact;running total;;31/03/2020;',
      'Remote Peer Support;Attendees;lots;exact;period;;30/09/2020;',
    ].join('\r\n');
    const before = await exportRows(page);
    await page.getByLabel('CSV or Excel file').setInputFiles({ name: 'q3-returns.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
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
    expect(added.some((l) => l.includes(',4321,at_least,period,2020-07-01,2020-09-30,'))).toBe(true);

    // The new figure is on the programme's chart and table, with this file as its source.
    await page.goto('/programmes/remote-peer-support?from=2020-21&to=2020-21');
    await expect(page.getByRole('cell', { name: '4,321+' }).first()).toBeVisible();

    // The same file again: everything already there, nothing to import.
    await page.goto('/import');
    await page.getByLabel('CSV or Excel file').setInputFiles({ name: 'q3-returns.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByTestId('count-unchanged')).toHaveText('3');
    await expect(page.getByTestId('count-new')).toHaveText('0');
  });

  test('a broken workbook is refused with a reason', async ({ page }) => {
    await signInAs(page, 'officer');
    await page.goto('/import');
    await page.getByLabel('CSV or Excel file').setInputFiles({ name: 'returns.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 6, 0]) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'This Excel file could not be read' })).toBeVisible();
  });

  test('figures downloaded as Excel and uploaded again change nothing', async ({ page }) => {
    await signInAs(page, 'officer');
    await page.goto('/observations?metric=councils-supported');
    const pending = page.waitForEvent('download');
    await page.getByRole('link', { name: /^Download Excel of/ }).first().click();
    const file = await pending;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    await page.goto('/import');
    await page.getByLabel('CSV or Excel file').setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.concat(chunks) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByRole('heading', { name: `Preview of ${file.suggestedFilename()}` })).toBeVisible();
    for (const status of ['new', 'update', 'error']) await expect(page.getByTestId(`count-${status}`)).toHaveText('0');
    expect(Number(await page.getByTestId('count-unchanged').textContent())).toBeGreaterThan(0);
    // A sheet the workbook does not have is named, with the ones it has.
    await page.getByLabel(/^Sheet/).fill('Returns');
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'This workbook has no sheet called “Returns”. Its sheets are: Figures, About.' })).toBeVisible();
  });

  test('viewers and anonymous requests cannot import', async ({ page }) => {
    const body = 'programme,metric,value,qualifier,basis,period_end\nRemote Peer Support,Attendees,5,exact,period,2020-09-30\n';
    expect((await page.request.post('/api/import/csv?mode=commit&onError=skip', { data: body, headers: { 'Content-Type': 'text/csv' } })).status()).toBe(403);
    await signInAs(page, 'viewer');
    await page.goto('/import');
    await expect(page.getByText('You need an officer account to import figures.')).toBeVisible();
    expect((await page.request.post('/api/import/csv?mode=commit&onError=skip', { data: body, headers: { 'Content-Type': 'text/csv' } })).status()).toBe(403);
  });
});

const REPORT_PATH = path.resolve('../shared/reports', REPORT_LEFT_FOR_IMPORT);

test.describe('importing a board report', () => {
  test.skip(!fs.existsSync(REPORT_PATH), `needs the board reports in ../shared/reports (${REPORT_LEFT_FOR_IMPORT}), which are not beside this clone`);

  test('proposals with highlighted evidence; accepted ones become figures sourced to the report; a second import is recognised', async ({ page }) => {
    await signInAs(page, 'officer');
    await page.goto('/import/report');
    await page.getByLabel('Report file').setInputFiles(REPORT_PATH);
    // The seed registered this report without its text: the form offers to fill it in.
    await expect(page.getByLabel('This report is')).toHaveValue(/\d+/);
    await expect(page.getByLabel('Title')).toHaveValue('LGA Refocused COVID-19 Sector Support (May 2020)');
    await page.getByRole('button', { name: 'Import and review figures' }).click();

    await expect(page.getByRole('heading', { name: 'Figures proposed from “LGA Refocused COVID-19 Sector Support (May 2020)”' })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    // 002 repeats a report the seed holds (004): its figures are offered as links to the figures
    // already recorded, ticked, with the sentence and the number marked — not as new figures.
    const recorded = page.getByRole('region', { name: /Already recorded/ }).getByTestId('proposal');
    await expect(recorded).toHaveCount(2);
    const hub = recorded.filter({ hasText: 'accessed by' });
    await expect(hub.locator('mark')).toHaveText('over 200');
    await expect(hub.getByRole('checkbox')).toBeChecked();
    await expect(hub.getByText(/This sentence is already recorded as figure \d+/)).toBeVisible();
    const figureLink = await hub.getByRole('link', { name: /figure \d+/ }).getAttribute('href');
    await page.getByRole('button', { name: 'Accept 2 ticked figures' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Added 0 figures and linked this report to 2 recorded figures.' })).toBeVisible();
    await expect(page.getByRole('region', { name: /Recorded from this report \(2\)/ })).toBeVisible();

    // The figure now cites this report as well as the other, and is still one figure.
    await page.goto(figureLink!);
    await expect(page.getByText('LGA Refocused COVID-19 Sector Support (May 2020)').first()).toBeVisible();
    await expect(page.getByText('Improvement and Innovation Board agenda pack, 21 May 2020').first()).toBeVisible();

    // The same report again is recognised.
    await page.goto('/import/report');
    await page.getByLabel('Report file').setInputFiles(REPORT_PATH);
    await page.getByRole('button', { name: 'Import and review figures' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'This report is already imported, as “LGA Refocused COVID-19 Sector Support (May 2020)”.' })).toBeVisible();
  });
});

test('a pasted report in the same style: a proposed figure, accepted, is on the programme’s chart and table', async ({ page }) => {
  await signInAs(page, 'officer');
  await page.goto('/import/report');
  await page.getByLabel('Or paste the report’s text').fill(
    ['Sector support highlights: summer 2020', '', 'Remote Peer Support', 'Since July, over 140 councillors have attended our remote peer support sessions.', 'Call 020 7664 3000 to book.'].join('\n'),
  );
  await page.getByLabel('Title').fill('Sector support highlights (summer 2020)');
  await page.getByLabel('Date of the report').fill('2020-09-30');
  await page.getByLabel('The date is exact to the').selectOption('month');
  // The months it reports on: its figures cover them (docs/decisions/0006).
  await page.getByLabel('First day').fill('2020-07-01');
  await page.getByLabel('Last day').fill('2020-09-30');
  await page.getByRole('button', { name: 'Import and review figures' }).click();
  await expect(page.getByRole('heading', { name: 'Figures proposed from “Sector support highlights (summer 2020)”' })).toBeVisible();
  const sourceId = /\/import\/report\/(\d+)/.exec(page.url())![1];

  const card = page.getByRole('region', { name: /Proposed figures/ }).getByTestId('proposal').filter({ hasText: 'councillors' });
  await expect(card.locator('mark')).toHaveText('over 140');
  await expect(card.getByRole('checkbox')).toBeChecked();
  await expect(card.getByLabel('Qualifier')).toHaveValue('at_least');
  // "Since July" reads as a running total (LABELLING.md); this report covers July to September,
  // so the officer records the count as one for the period.
  await expect(card.getByLabel('Basis')).toHaveValue('cumulative');
  await card.getByLabel('Basis').selectOption('period');
  await card.getByLabel('Period start').fill('2020-07-01');
  await card.getByLabel('Programme').selectOption('remote-peer-support');
  await card.getByLabel('Metric').selectOption('attendees');
  // The phone number is set aside as probably not a figure, unticked.
  await expect(page.getByText(/Numbers set apart as probably not figures/)).toBeVisible();
  await page.getByRole('button', { name: /Accept 1 ticked figure$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 1 figure' })).toBeVisible();

  await page.goto('/programmes/remote-peer-support?from=2020-21&to=2020-21');
  await expect(page.getByRole('cell', { name: '140+' }).first()).toBeVisible();
  await page.goto(`/sources/${sourceId}`);
  await expect(page.getByTestId('source-covers')).toHaveText('It gives an account of July 2020 – September 2020: its figures cover those months.');
});
