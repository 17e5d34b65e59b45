// Every filter form, the compare form, the figures search and the new-figure form, used as a
// person uses them: choosing by label, pressing the button, then reading the address and the page.
// (Visiting addresses alone missed that "All boards" sent board= and a false warning on every use.)
import { parse } from 'csv-parse/sync';
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './sign-in';

/** The address's query, as pairs: no filter may be sent empty. */
function params(page: Page): [string, string][] {
  return [...new URL(page.url()).searchParams.entries()];
}

async function expectCleanAddress(page: Page) {
  expect(params(page).filter(([, v]) => v === ''), page.url()).toEqual([]);
  await expect(page.getByText('could not be used')).toHaveCount(0);
}

test.describe('filter forms, used by their labels and buttons', () => {
  test('the overview: a new start, a board, then all boards again; Apply; no empty parameters, no warning', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('From', { exact: true }).selectOption({ label: 'Q3 2020/21' });
    await expect(page).toHaveURL(/from=2020-21-Q3/);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/\?from=2020-21-Q3&to=2020-21-Q4$/);
    await expectCleanAddress(page);
    await expect(page.getByRole('heading', { name: 'Headline figures, Q3 2020/21 to Q4 2020/21' })).toBeVisible();

    await page.getByLabel('Board', { exact: true }).selectOption({ label: 'Resources Board' });
    await expect(page).toHaveURL(/board=resources-board/);
    await expect(page.getByLabel('Board', { exact: true })).toHaveValue('resources-board');
    await page.getByLabel('Board', { exact: true }).selectOption({ label: 'All boards' });
    await expect(page).not.toHaveURL(/board=/);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expectCleanAddress(page);
    // The overview draws nothing by month or year, so it offers no grouping.
    await expect(page.getByLabel('Group by', { exact: true })).toHaveCount(0);
  });

  test('a board page: a metric and grouping by month, then every metric again', async ({ page }) => {
    await page.goto('/boards/improvement-and-innovation-board');
    await page.getByLabel('Metric', { exact: true }).selectOption({ label: 'Attendees' });
    await expect(page).toHaveURL(/metric=attendees/);
    await page.getByLabel('Group by', { exact: true }).selectOption({ label: 'Month' });
    await expect(page).toHaveURL(/by=month/);
    await expect(page.getByRole('heading', { name: 'Attendees', exact: true })).toBeVisible();
    await page.getByLabel('Metric', { exact: true }).selectOption({ label: 'All metrics' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).not.toHaveURL(/metric=/);
    await expectCleanAddress(page);
  });

  test('a metric page: a board and a programme, and back', async ({ page }) => {
    await page.goto('/metrics/attendees');
    await page.getByLabel('Board', { exact: true }).selectOption({ label: 'Improvement and Innovation Board' });
    await expect(page).toHaveURL(/board=improvement-and-innovation-board/);
    await page.getByLabel('Programme', { exact: true }).selectOption({ label: 'Virtual LGA conference' });
    await expect(page).toHaveURL(/programme=virtual-lga-conference/);
    await page.getByLabel('To', { exact: true }).selectOption({ label: '2020/21' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/to=2020-21/);
    await expectCleanAddress(page);
    await expect(page.getByRole('table', { name: /Attendees: every figure/ })).toContainText('Virtual LGA conference');
  });

  test('an address naming no such board says so, instead of an empty page under "All boards"', async ({ page }) => {
    await page.goto('/?board=no-such-board');
    await expect(page.getByRole('alert').filter({ hasText: 'could not be used' })).toContainText('No board is called “no-such-board”, so that filter was left out.');
    await expect(page.getByRole('heading', { name: /Headline figures/ })).toBeVisible();
    await expect(page.getByTestId('headline-coaching-hours')).toBeVisible();
  });

  test('the compare form: periods and a board by their labels, then Compare', async ({ page }) => {
    await page.goto('/compare');
    await page.getByLabel('Period A', { exact: true }).selectOption({ label: 'Q4 2019/20' });
    await expect(page).toHaveURL(/a=2019-20-Q4/);
    await page.getByLabel('Period B', { exact: true }).selectOption({ label: 'Q1 2020/21' });
    await expect(page).toHaveURL(/b=2020-21-Q1/);
    await page.getByLabel('Board', { exact: true }).selectOption({ label: 'Children and Young People Board' });
    await page.getByLabel('Board', { exact: true }).selectOption({ label: 'All boards' });
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page).toHaveURL(/\/compare\?a=2019-20-Q4&b=2020-21-Q1$/);
    await expectCleanAddress(page);
    await expect(page.getByRole('table', { name: 'Comparison of Q4 2019/20 (A) with Q1 2020/21 (B)' })).toBeVisible();
  });
});

test.describe('the figures page', () => {
  test('search by words, filter by kind, sort, page through, and download exactly what is shown', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Figures' }).click();
    await expect(page.getByRole('heading', { name: 'Figures', level: 1 })).toBeVisible();
    await expect(page.getByTestId('figures-count')).toContainText(/^Showing 1–50 of \d+ figures, most recently reported first\./);

    await page.getByLabel('Search', { exact: true }).fill('coaching');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/observations\?q=coaching$/);
    await expectCleanAddress(page);
    await expect(page.getByTestId('figures-count')).toContainText(/of \d+ figures? matching “coaching”/);
    const table = page.getByRole('table', { name: /^Figures 1–/ });
    await expect(table).toContainText('465 hours');

    await page.getByLabel('Kind of figure', { exact: true }).selectOption({ label: 'Running total' });
    await expect(page).toHaveURL(/basis=cumulative/);
    await page.getByLabel('Sort by', { exact: true }).selectOption({ label: 'Largest value first' });
    await expect(page).toHaveURL(/q=coaching&basis=cumulative&sort=value/);
    await expectCleanAddress(page);
    const values = await table.locator(':scope > tbody > tr').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[3]!.textContent!));
    const numbers = values.map((v) => Number(v.replace(/,/g, '').replace(/[^\d.]/g, ' ').trim().split(/\s+/)[0]));
    expect(numbers.length).toBeGreaterThan(1);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);

    // The download holds the rows on screen, in their order.
    const download = page.waitForEvent('download');
    await table.getByRole('link', { name: /Download CSV/ }).click();
    const file = await download;
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    const records = parse(Buffer.concat(chunks).toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    const shownIds = await table.locator(':scope > tbody > tr').evaluateAll((rows) => rows.map((r) => r.querySelector('a[href^="/observations/"]')!.getAttribute('href')!.split('/').pop()));
    expect([...new Set(records.map((r) => r.observation_id))]).toEqual(shownIds);
  });

  test('pages of fifty, with where we are, and a search that finds nothing', async ({ page }) => {
    await page.goto('/observations');
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId('figures-count')).toContainText(/^Showing 51–100 of/);
    await expect(page.getByRole('navigation', { name: 'Pages of figures' })).toContainText(/Page 2 of \d+/);
    await page.getByRole('link', { name: 'Previous page' }).click();
    await expect(page.getByTestId('figures-count')).toContainText(/^Showing 1–50 of/);
    await page.getByLabel('Search', { exact: true }).fill('zebracrossing');
    await page.getByLabel('Search', { exact: true }).press('Enter');
    await expect(page.getByTestId('figures-count')).toContainText('No figures match “zebracrossing” with these filters.');
  });

  test('the overview says its table shows part of the period’s figures, and links to them all', async ({ page }) => {
    await page.goto('/');
    const caption = page.getByRole('table', { name: /^The 25 most recently reported of \d+ figures for Q4 2020\/21/ });
    await expect(caption).toBeVisible();
    await page.getByRole('link', { name: /^See all \d+ figures for Q4 2020\/21$/ }).click();
    await expect(page).toHaveURL(/\/observations\?from=2020-21-Q4&to=2020-21-Q4$/);
    await expect(page.getByTestId('figures-count')).toContainText(/of \d+ figures/);
  });
});

test.describe('the new-figure form, by its labels', () => {
  test('evidence without a source is refused with a reason; a range keeps both ends; a part names its total', async ({ page }) => {
    await signInAs(page, 'officer');
    await page.goto('/observations/new');
    await page.getByLabel('Programme', { exact: true }).selectOption({ label: 'Remote Peer Support (Improvement and Innovation Board)' });
    await page.getByLabel('Metric', { exact: true }).selectOption('attendees');
    await page.getByLabel('Value', { exact: true }).fill('20');
    await page.getByLabel('Top of a range', { exact: true }).fill('30');
    // A plan, so that the dashboard's latest quarter (the other specs' default view) stays put.
    await page.getByLabel('Basis', { exact: true }).selectOption({ label: 'Planned' });
    await page.getByLabel('Period start', { exact: true }).fill('2021-10-01');
    await page.getByLabel('Period end', { exact: true }).fill('2021-12-31');
    await page.getByLabel('Evidence', { exact: true }).fill('Between 20-30 councillors joined the session.');
    await page.getByRole('button', { name: 'Add figure' }).click();
    await expect(page.getByLabel('Source', { exact: true })).toHaveAccessibleDescription('Choose the source this sentence comes from, or clear the evidence');
    await expect(page).toHaveURL(/\/observations\/new$/);

    await page.getByLabel('Source', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Add figure' }).click();
    await expect(page).toHaveURL(/\/observations\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Attendees: 20–30');
    await expect(page.getByText('“Between 20-30 councillors joined the session.”')).toBeVisible();
    const total = page.url().split('/').pop()!;

    // A breakdown of it: shown under its total, never added.
    await page.goto('/observations/new');
    await page.getByLabel('Programme', { exact: true }).selectOption({ label: 'Remote Peer Support (Improvement and Innovation Board)' });
    await page.getByLabel('Metric', { exact: true }).selectOption('attendees');
    await page.getByLabel('Value', { exact: true }).fill('12');
    await page.getByLabel('Basis', { exact: true }).selectOption({ label: 'Planned' });
    await page.getByLabel('Period start', { exact: true }).fill('2021-10-01');
    await page.getByLabel('Period end', { exact: true }).fill('2021-12-31');
    await page.getByLabel('Part of figure number', { exact: true }).fill(total);
    await page.getByRole('button', { name: 'Add figure' }).click();
    await expect(page).toHaveURL(/\/observations\/\d+$/);
    await expect(page.getByRole('link', { name: 'Remote Peer Support: 20–30 attendees (planned)' })).toBeVisible();
    await page.getByRole('link', { name: 'Remote Peer Support: 20–30 attendees (planned)' }).click();
    await expect(page.getByRole('heading', { name: 'Its parts' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Remote Peer Support: 12 attendees (planned)' })).toBeVisible();
  });
});

// The officers' forms send with fetch once the page's script runs. Clicked before that, the
// browser would submit them its own way (a GET to the same page: nothing saved, nothing said, and
// the figures typed in the address bar), which a slow connection made happen in a test run.
test('an officer form cannot be sent before its script runs: its button starts disabled', async ({ page }) => {
  await signInAs(page, 'officer');
  for (const [path, button] of [
    ['/manage/new/metric', 'Add'],
    ['/observations/new', 'Add figure'],
    ['/import/report', 'Import and review figures'],
  ] as const) {
    const html = await (await page.request.get(path)).text();
    expect(html, path).toMatch(new RegExp(`<button type="submit" disabled=""[^>]*>${button}</button>`));
    await page.goto(path);
    await expect(page.getByRole('button', { name: button, exact: true })).toBeEnabled();
  }
});

// Their fields are kept in the page's state, which starts from the server's HTML: a field filled in
// before the script ran was emptied when it did (an e2e run on a busy machine was told "Say what the
// metric counts" after filling it in). The fields now wait for the script, as the button does.
// Here the script is held back on purpose, so the form is used before it could run.
test('an officer form filled in while its script is still loading keeps what was typed', async ({ page }) => {
  await signInAs(page, 'officer');
  await page.route('**/_next/static/chunks/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  // Letters only, so the name is new on every run and adds no number of its own.
  const name = `Carers ${[...String(Date.now() % 1e6)].map((d) => 'abcdefghij'[Number(d)]).join('')} recruited`;
  // (Not waiting for the page's load, which waits for its scripts: a person starts typing when they see the form.)
  await page.goto(`/manage/new/metric?name=${encodeURIComponent(name)}`, { waitUntil: 'commit' });
  await page.getByLabel('What it counts').fill('Foster carers a campaign recruited for councils.');
  await page.getByLabel('Unit').selectOption('count');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByText('Foster carers a campaign recruited for councils.')).toBeVisible();
});
