// What the board saw, used as people use it: a figure reported to the May 2020 meeting is
// corrected afterwards, and the meeting's page and the figure's page show it as a restatement.
// The test adds its own figure (planned, so it is in no sum other tests read) citing the meeting's paper.
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
