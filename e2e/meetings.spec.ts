// What the board saw, used as people use it: a figure reported to the May 2020 meeting is
// corrected afterwards, and the meeting's page and the figure's page show it as a restatement.
// The test adds its own figure (planned, so it is in no sum other tests read) citing the meeting's paper.
import { parse } from 'csv-parse/sync';
import { expect, test } from '@playwright/test';
import { signInAs } from './sign-in';

test('a correction after the May 2020 meeting shows as a restatement on the meeting and on the figure', async ({ page }) => {
  await signInAs(page, 'officer');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('link', { name: 'Improvement and Innovation Board, 21 May 2020' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What the Improvement and Innovation Board saw, 21 May 2020');
  const rows = page.getByTestId('reported-row');
  await expect(rows.first()).toBeVisible();
  const paper = page.getByRole('main').getByRole('link', { name: 'Improvement and Innovation Board agenda pack, 21 May 2020' }).first();
  const sourceId = (await paper.getAttribute('href'))!.replace(/^\/sources\//, '');

  // The meeting's paper gives a figure (added here, as an officer would add one from the paper).
  const created = await page.request.post('/api/observations', {
    data: {
      programme: 'remote-peer-support', metric: 'attendees', value: '777', qualifier: 'exact', basis: 'planned', periodStart: '2020-06-01', periodEnd: '2020-06-30',
      datePrecision: 'month', note: 'e2e: what the board saw', sourceId, evidence: 'A further 777 attendees are planned for June.', line: '2', reason: '',
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  await page.reload();
  const ours = rows.filter({ has: page.getByRole('link', { name: /Remote Peer Support: attendees/ }) }).filter({ hasText: '777' });
  await expect(ours).toHaveCount(1);
  await expect(ours.getByRole('cell').last()).toHaveText('no');

  // Corrected after the meeting, by its form.
  await page.goto(`/observations/${id}`);
  await page.getByLabel('Value').fill('780');
  await page.getByLabel('Reason for the change (required)').fill('The programme revised its plan after the meeting');
  await page.getByRole('button', { name: 'Save correction' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Attendees: 780');
  const line = page.getByTestId('reported-line');
  await expect(line).toContainText('Reported as 777 in Improvement and Innovation Board agenda pack, 21 May 2020');
  await expect(line).toContainText('corrected to 780 by an officer: “The programme revised its plan after the meeting”');

  await page.goBack();
  await page.goto('/meetings/improvement-and-innovation-board/2020-05-21');
  const restated = rows.filter({ hasText: 'The programme revised its plan after the meeting' });
  await expect(restated).toHaveCount(1);
  await expect(restated.getByRole('cell').nth(2)).toHaveText('777');
  await expect(restated.getByRole('cell').nth(3)).toHaveText('780');
  await expect(page.getByTestId('restated-summary')).toContainText(/Since this meeting, \d+ of the \d+ figures it was shown (was|were) restated\./);

  // The pack for the quarter the meeting fell in lists it under what changed since the last meeting.
  await page.goto('/pack?period=2020-21-Q1');
  await expect(page.getByRole('region', { name: 'What changed since the last meeting' })).toContainText(
    'Remote Peer Support, attendees: reported to Improvement and Innovation Board, 21 May 2020 as 777, now 780 (“The programme revised its plan after the meeting”).',
  );
});

test('the overview as the board saw it on the May 2020 meeting day, kept while filtering', async ({ page }) => {
  await page.goto('/');
  const today = Number((await page.getByText(/figures from \d+ sources/).textContent())!.match(/^([\d,]+) figures/)![1]!.replace(/,/g, ''));
  await page.goto('/meetings/improvement-and-innovation-board/2020-05-21');
  await page.getByRole('link', { name: 'The overview as the board saw it on this day' }).click();
  await expect(page).toHaveURL(/\/\?seen=2020-05-21$/);
  const banner = page.getByTestId('seen-banner');
  await expect(banner).toContainText('As the board saw it on 21 May 2020');
  await expect(banner).toContainText(/The \d+ figures that the \d+ papers to board meetings on or before 21 May 2020 gave, each as it stood when it was cited\./);
  // Fewer figures than today, from only the papers of meetings by then, and no board pack of today's figures.
  const then = Number((await page.getByText(/figures from \d+ sources/).textContent())!.match(/^([\d,]+) figures/)![1]!.replace(/,/g, ''));
  expect(then).toBeGreaterThan(0);
  expect(then).toBeLessThan(today);
  await expect(page.getByRole('link', { name: /^Board pack for/ })).toHaveCount(0);
  // Choosing a board in the filter bar stays on that day.
  await page.getByRole('combobox', { name: 'Board', exact: true }).selectOption({ label: 'Improvement and Innovation Board' });
  await expect(page).toHaveURL(/seen=2020-05-21/);
  await expect(page).toHaveURL(/board=improvement-and-innovation-board/);
  await expect(banner).toBeVisible();
  // A metric's page on that day: its chart is drawn from the same figures.
  await page.goto('/metrics/councils-supported?seen=2020-05-21');
  await expect(page.getByTestId('seen-banner')).toContainText('As the board saw it on 21 May 2020');
  const panel = page.getByRole('region', { name: 'Councils supported', exact: true });
  await expect(panel).toContainText('Councils supported, by period. Q4 2019/20');
  await expect(panel.getByRole('link', { name: /Download CSV/ })).toHaveAttribute('href', /seen=2020-05-21/);
  // The figures page on that day lists the same figures, and its download holds them and says so.
  await page.goto('/observations?seen=2020-05-21');
  // (Read again: the other test in this file may have added a figure citing the May paper meanwhile.)
  const held = Number((await page.getByTestId('seen-banner').textContent())!.match(/The (\d+) figures/)![1]);
  await expect(page.getByTestId('figures-count')).toContainText(new RegExp(`of ${held} figures`));
  const pending = page.waitForEvent('download');
  await page.getByRole('link', { name: /Download CSV/ }).first().click();
  const file = await pending;
  expect(file.suggestedFilename()).toMatch(/as-seen-2020-05-21/);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  // One row per figure and paper citing it: count the figures.
  const records = parse(Buffer.concat(chunks).toString('utf8'), { bom: true, columns: true }) as { observation_id: string }[];
  expect(new Set(records.map((r) => r.observation_id)).size).toBe(Math.min(held, 50));
  // A date that is no day says so, and shows today's figures.
  await page.goto('/?seen=2020-02-30');
  await expect(page.getByText('The “as the board saw it” date is not a real day, so today’s figures are shown.')).toBeVisible();
  await expect(page.getByTestId('seen-banner')).toHaveCount(0);
  await page.goto('/?seen=2020-05-21');
  // Today's figures for the same period, to set beside what the board saw.
  await page.getByRole('link', { name: 'See today’s figures' }).click();
  await expect(page).toHaveURL(/\/\?from=2020-21-Q1&to=2020-21-Q1$/);
  await expect(page.getByTestId('seen-banner')).toHaveCount(0);
});
