import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './sign-in';

const PAGES: { path: string; heading: RegExp; figure: RegExp }[] = [
  { path: '/', heading: /Sector-support impact/, figure: /541 hours/ },
  { path: '/boards', heading: /^Boards$/, figure: /Resources Board/ },
  { path: '/boards/resources-board', heading: /Resources Board/, figure: /Return to Social Work/ },
  { path: '/programmes', heading: /^Programmes$/, figure: /Housing Advisers Programme/ },
  { path: '/programmes/return-to-social-work', heading: /Return to Social Work/, figure: /275\+/ },
  { path: '/metrics', heading: /^Metrics$/, figure: /Coaching hours/ },
  { path: '/metrics/coaching-hours', heading: /Coaching hours/, figure: /465\s*hours/ },
  { path: '/sources', heading: /^Sources$/, figure: /LGA Boards’ improvement activity \(March 2020\)/ },
  { path: '/observations', heading: /^Figures$/, figure: /Showing 1–50 of \d+ figures/ },
  { path: '/compare?a=2019-20&b=2020-21', heading: /^Compare two periods$/, figure: /partly covered/ },
  { path: '/pack?period=2020-21-Q4', heading: /^Q4 2020\/21: every board$/, figure: /541 hours/ },
  { path: '/meetings', heading: /^Meetings$/, figure: /Improvement and Innovation Board, 21 May 2020/ },
  { path: '/meetings/improvement-and-innovation-board/2020-05-21', heading: /What the Improvement and Innovation Board saw, 21 May 2020/, figure: /Procurement and Commissioning Programme/ },
  { path: '/quarters', heading: /^Quarters$/, figure: /Q4 2020\/21/ },
  { path: '/targets', heading: /^Targets$/, figure: /What a metric should reach/ },
  { path: '/flags', heading: /^Data-quality flags$/, figure: /Two quarters without a figure/ },
  { path: '/annotations', heading: /^Notes on charts$/, figure: /Dated notes that explain the figures/ },
  { path: '/?seen=2020-05-21', heading: /Sector-support impact/, figure: /As the board saw it on 21 May 2020/ },
  { path: '/invite/not-a-real-token', heading: /^Set your password$/, figure: /This link has expired or has been used/ },
];

// Pages for signed-in users, checked the same way as the administrator who uses them.
const ADMIN_PAGES: { path: string; heading: RegExp; figure: RegExp }[] = [
  { path: '/manage/users', heading: /^Users$/, figure: /Invite a user/ },
  { path: '/manage/programme/housing-advisers-programme', heading: /^Edit Housing Advisers Programme$/, figure: /Merge into another programme/ },
  { path: '/manage/metric/coaching-hours', heading: /^Edit Coaching hours$/, figure: /Merge into another metric/ },
  { path: '/account', heading: /^Your account$/, figure: /Change your password/ },
];

async function openSource(page: Page, title: RegExp) {
  await page.goto('/sources');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test.describe('dashboard views', () => {
  for (const { path, heading, figure } of PAGES) {
    test(`${path} renders its seeded figures and has no serious accessibility violations`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByText(figure).first()).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test('the pages administrators use have no serious accessibility violations', async ({ page }) => {
    await signInAs(page, 'admin');
    for (const { path, heading, figure } of ADMIN_PAGES) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByText(figure).first()).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });

  test('a source shows its text with each figure marked and linked to it', async ({ page }) => {
    // (axe reads the whole report's text, hundreds of marked lines: about 20 s on an idle machine,
    // over the default 30 s on a busy one. Three times the time, so it never fails for speed.)
    test.slow();
    await openSource(page, /LGA Refocused Sector-Led Improvement Offer/);
    await expect(page.getByTestId('source-covers')).toHaveText('It gives an account of April 2020 – February 2021: its figures cover those months.');
    const marked = page.locator('#line-76 mark').filter({ hasText: '465 individual coaching hours' });
    await expect(marked).toContainText('465 individual coaching hours had been completed');
    await marked.click();
    await expect(page).toHaveURL(/#figure-\d+$/);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  test('changing a filter changes the URL and the figures, and a reload reproduces the view', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('chart-board-activity').locator('svg').first()).toBeVisible();
    await page.getByRole('combobox', { name: 'Board', exact: true }).selectOption({ label: 'Resources Board' });
    await expect(page).toHaveURL(/[?&]board=resources-board/);
    const boards = page.getByRole('region', { name: /Figures reported by board/ });
    await expect(boards.getByText('Resources Board').first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Improvement and Innovation Board' })).toHaveCount(0);
    const url = page.url();
    await page.reload();
    expect(page.url()).toBe(url);
    await expect(page.getByRole('combobox', { name: 'Board', exact: true })).toHaveValue('resources-board');
    await expect(page.getByRole('link', { name: 'Improvement and Innovation Board' })).toHaveCount(0);
  });

  test('a period preset writes from and to into the URL', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'This financial year' }).click();
    await expect(page).toHaveURL(/from=2020-21&to=2020-21/);
    await expect(page.getByRole('heading', { name: 'Headline figures, 2020/21' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'From', exact: true })).toHaveValue('2020-21');
  });

  test('a bad period token shows a plain message, not a crash', async ({ page }) => {
    await page.goto('/?from=2020-Q5');
    await expect(page.getByRole('alert').filter({ hasText: 'could not be used' })).toContainText(
      '“2020-Q5” is not a period we recognise for “from”',
    );
    await expect(page.getByRole('heading', { name: /Headline figures/ })).toBeVisible();
  });

  test('a chart tooltip gives the value with its qualifier and basis', async ({ page }) => {
    await page.goto('/programmes/return-to-social-work');
    const chart = page.getByTestId('chart-applications');
    await expect(chart.locator('svg').first()).toBeVisible();
    const box = (await chart.boundingBox())!;
    // The second quarter of five: Q1 2020/21, when applications passed 1,000.
    await page.mouse.move(box.x + 56 + (box.width - 64) * 0.3, box.y + box.height / 2);
    const tooltip = page.getByTestId('chart-tooltip');
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText('Running total: 1,000+');
  });

  test('a chart follows the filters: grouping by month redraws a panel already shown by quarter', async ({ page }) => {
    await page.goto('/programmes/return-to-social-work');
    const panel = page.getByRole('region', { name: 'Applications' });
    const periods = panel.getByRole('combobox', { name: 'Figures for' });
    await expect(periods.getByRole('option', { name: 'Q4 2019/20' })).toHaveCount(1);
    await page.getByLabel('Group by', { exact: true }).selectOption({ label: 'Month' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/by=month/);
    await expect(periods.getByRole('option', { name: 'Q4 2019/20' })).toHaveCount(0);
    await expect(periods.getByRole('option', { name: /2020$/ }).first()).toBeAttached();
  });

  test('a chart is read with the keyboard: arrows move between periods, Enter lists the figures', async ({ page }) => {
    await page.goto('/programmes/return-to-social-work');
    const panel = page.getByRole('region', { name: 'Applications' });
    const chart = panel.getByRole('group', { name: /arrow keys read each period/ });
    await expect(chart.locator('svg.chart-surface')).toBeVisible();
    await chart.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(panel.getByTestId('chart-tooltip')).toContainText('Running total: 1,000+');
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('heading', { name: /^Figures ending in Q1 2020\/21$/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel.getByTestId('chart-tooltip')).toHaveCount(0);
  });

  test('choosing a period lists its figures with the sentence each came from', async ({ page }) => {
    await page.goto('/programmes/return-to-social-work');
    const panel = page.getByRole('region', { name: 'Applications' });
    await panel.getByRole('combobox', { name: 'Figures for' }).selectOption({ label: 'Q4 2019/20' });
    await expect(panel.getByText('“275+ actual applications”')).toBeVisible();
    await expect(panel.getByRole('link', { name: /LGA Boards’ improvement activity \(March 2020\), line 172/ })).toBeVisible();
  });

  test('a board page draws each chart as it comes into view, not before', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 700 });
    await page.goto('/boards/improvement-and-innovation-board');
    const panels = page.getByRole('main').locator('section[aria-labelledby^="panel-"]');
    const count = await panels.count();
    expect(count).toBeGreaterThan(3);
    const last = panels.nth(count - 1);
    // Far below the screen: only its heading came with the page.
    await expect(last).toContainText('Loading the chart of');
    await last.scrollIntoViewIfNeeded();
    await expect(last.locator('svg.chart-surface').or(last.getByText('Nothing to draw by period')).first()).toBeVisible();
    await expect(last).not.toContainText('Loading the chart of');
    await last.getByText(/as a table$/).click();
    await expect(last.getByRole('table')).toBeVisible();
  });

  test('a board page lists its latest figures and links to all of them', async ({ page }) => {
    await page.goto('/boards/improvement-and-innovation-board');
    const link = page.getByRole('link', { name: /^See all [\d,]+ figures on the figures page$/ });
    const total = Number((await link.innerText()).replace(/\D/g, ''));
    await expect(page.getByRole('table', { name: new RegExp(`the latest 50 of ${total.toLocaleString('en-GB')} figures`) })).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(/\/observations\?board=improvement-and-innovation-board/);
    await expect(page.getByText(`of ${total.toLocaleString('en-GB')}`, { exact: false }).first()).toBeVisible();
  });

  test('index tables sort by a column, in the URL', async ({ page }) => {
    await page.goto('/programmes');
    await page.getByRole('main').getByRole('link', { name: 'Figures', exact: true }).click();
    await expect(page).toHaveURL(/sort=figures&dir=desc/);
    await expect(page.getByRole('columnheader', { name: /Figures/ })).toHaveAttribute('aria-sort', 'descending');
    const firstCount = await page.getByRole('row').nth(1).getByRole('cell').nth(3).innerText();
    const secondCount = await page.getByRole('row').nth(2).getByRole('cell').nth(3).innerText();
    expect(Number(firstCount)).toBeGreaterThanOrEqual(Number(secondCount));
  });

  test('no page scrolls sideways at 375 px wide, and no table hides its values in a sideways scroller', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of [...PAGES.map((p) => p.path), '/sources/1', '/metrics/councils-supported', '/boards/improvement-and-innovation-board', '/compare', '/observations/1']) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(375);
      // Tables become stacked rows: none is wider than the space it has.
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('table')].filter((t) => t.offsetParent !== null && t.scrollWidth > t.parentElement!.clientWidth + 1).length,
      );
      expect(wide, path).toBe(0);
    }
  });

  test('an unknown board is a friendly not-found page', async ({ page }) => {
    const response = await page.goto('/boards/no-such-board');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
});
