// Reviewing a report's proposed figures as an officer does it: with the keyboard, changing
// several at once, reading why numbers were set apart, and keeping count.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signInAs } from './sign-in';

// Dated September 2020, with no period of its own: its figures end on the report's date, in a
// quarter no other spec checks while they run in parallel.
const REPORT = [
  'Workforce support highlights',
  '',
  'Return to Social Work',
  'Since the programme started, 19 social workers have returned to practice.',
  'We held 12 webinars for councils, attended by 340 delegates.',
  'Between 20-30 councils took part in our peer support sessions.',
  'The course runs over 3 days and a further 2 days of follow-up.',
  'Each council can receive up to £50,000 for each project.',
  'Call 020 7664 3000 to book a place.',
].join('\n');

test('an officer reviews proposals with the keyboard, changes several at once and sees the counts', async ({ page }) => {
  await signInAs(page, 'officer');
  await page.goto('/import/report');
  await page.getByLabel('Or paste the report’s text').fill(REPORT);
  await page.getByLabel('Title').fill(`Workforce support highlights (review test ${Date.now()})`);
  await page.getByLabel('Date of the report').fill('2020-09-30');
  await page.getByRole('button', { name: 'Import and review figures' }).click();
  await expect(page.getByRole('heading', { name: /^Figures proposed from/ })).toBeVisible();

  const counts = page.getByTestId('review-counts');
  await expect(counts).toHaveText('4 proposed · 4 ticked · 0 accepted · 4 set apart');
  const proposed = page.getByRole('region', { name: /Proposed figures/ }).getByTestId('proposal');
  const social = proposed.filter({ hasText: 'social workers have returned' });
  const webinars = proposed.filter({ hasText: '12 webinars' }).filter({ has: page.getByText('Accept 12', { exact: false }) });
  const range = proposed.filter({ hasText: 'Between 20-30' });

  // A range keeps both ends; a number counting something the dashboard has no metric for
  // offers to add one under the report's own words.
  await expect(range.getByLabel('Value')).toHaveValue('20');
  await expect(range.getByLabel('Up to (a range’s top)')).toHaveValue('30');
  await expect(social.getByRole('link', { name: 'Add the metric “Social workers”' })).toHaveAttribute('href', '/manage/new/metric?name=Social%20workers');

  // Keyboard: Tab reaches the first figure; j/k move; x ticks; e edits; Escape comes back.
  await page.getByRole('button', { name: 'Untick everything' }).focus();
  await page.getByRole('button', { name: 'Untick everything' }).press('Tab');
  await expect(social).toBeFocused();
  await page.keyboard.press('j');
  await expect(webinars).toBeFocused();
  await page.keyboard.press('x');
  await expect(webinars.getByRole('checkbox')).not.toBeChecked();
  await expect(counts).toHaveText('4 proposed · 3 ticked · 0 accepted · 4 set apart');
  await page.keyboard.press('k');
  await expect(social).toBeFocused();
  await page.keyboard.press('e');
  await expect(social.getByLabel('Value')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(social).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(webinars.getByRole('checkbox')).toBeChecked();

  // Several at once: tick two, set their programme and basis in one go; the others keep theirs.
  await page.getByRole('button', { name: 'Untick everything' }).click();
  await expect(page.getByRole('button', { name: 'Apply to 0 ticked figures' })).toBeVisible();
  await social.getByRole('checkbox').check();
  await range.getByRole('checkbox').check();
  await expect(counts).toHaveText('4 proposed · 2 ticked · 0 accepted · 4 set apart');
  const webinarsProgramme = await webinars.getByLabel('Programme').inputValue();
  await page.getByLabel('Programme for ticked').selectOption('return-to-social-work');
  await page.getByLabel('Basis for ticked').selectOption({ label: 'running total' });
  await page.getByRole('button', { name: 'Apply to 2 ticked figures' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Set programme Return to Social Work (Resources Board), basis running total for 2 ticked figures.' })).toBeVisible();
  for (const card of [social, range]) {
    await expect(card.getByLabel('Programme')).toHaveValue('return-to-social-work');
    await expect(card.getByLabel('Basis')).toHaveValue('cumulative');
  }
  await expect(webinars.getByLabel('Programme')).toHaveValue(webinarsProgramme);
  // Accepting before a figure has its metric saves nothing, says what is missing where, and
  // takes the keyboard to that figure.
  await expect(social.getByLabel('Metric')).toHaveValue('');
  await page.getByRole('button', { name: 'Accept 2 ticked figures' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'nothing was saved' })).toContainText('Choose a metric: 1 figure, line 4.');
  await expect(social).toBeFocused();
  await expect(counts).toHaveText('4 proposed · 2 ticked · 0 accepted · 4 set apart');
  await social.getByLabel('Metric').selectOption('people-supported');
  await range.getByLabel('Metric').selectOption('councils-supported');

  // The set-apart numbers, grouped by why, with counts.
  await page.getByText('Numbers set apart as probably not figures (4)').click();
  await expect(page.getByRole('region', { name: 'a duration (2)' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'a phone number (1)' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'a cap per participant, not something delivered (1)' })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await page.getByRole('button', { name: 'Accept 2 ticked figures' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 2 figures and linked this report to 0 recorded figures.' })).toBeVisible();
  await expect(counts).toHaveText('2 proposed · 0 ticked · 2 accepted · 4 set apart');

  // The range is stored as a range, as a running total of Return to Social Work.
  const done = page.getByRole('region', { name: /Recorded from this report \(2\)/ });
  await done.getByRole('listitem').filter({ hasText: 'Between 20-30' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('20–30');
  await expect(page.getByText('Return to Social Work').first()).toBeVisible();
});

test('a metric added from the review’s suggestion is taken by the figure that proposed it', async ({ page, context }) => {
  await signInAs(page, 'officer');
  await page.goto('/import/report');
  // Letters only, so the name adds no number of its own to the report.
  const tag = [...String(Date.now() % 1e6)].map((d) => 'abcdefghij'[Number(d)]).join('');
  // (The tag leads, as a word describing the carers would: after "recruited" it would read as the verb's object.)
  const name = `${tag} foster carers recruited`;
  await page.getByLabel('Or paste the report’s text').fill(['Fostering support', '', `The campaign found 45 ${name.toLowerCase()} for councils.`].join('\n'));
  await page.getByLabel('Title').fill(`Fostering update (${name})`);
  await page.getByLabel('Date of the report').fill('2020-09-30');
  await page.getByRole('button', { name: 'Import and review figures' }).click();
  const card = page.getByRole('region', { name: /Proposed figures/ }).getByTestId('proposal').filter({ hasText: 'foster carers' });
  await expect(card.getByLabel('Metric')).toHaveValue('');
  const link = card.getByRole('link', { name: new RegExp(`^Add the metric “${tag} foster carers recruited”$`, 'i') });
  const suggested = (await link.textContent())!.replace(/^Add the metric “|”$/g, '');

  // The link opens the form in a new tab with the name filled in.
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await expect(tab.getByLabel('Name')).toHaveValue(suggested);
  await tab.getByLabel('What it counts').fill('Foster carers a campaign recruited for councils.');
  await tab.getByRole('button', { name: 'Add' }).click();
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText(suggested);
  await tab.close();

  // Back on the review, the list has the new metric and the figure has taken it.
  await page.bringToFront();
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await expect(card.getByLabel('Metric').locator('option', { hasText: suggested })).toHaveCount(1);
  await expect(card.getByLabel('Metric')).not.toHaveValue('');
});
