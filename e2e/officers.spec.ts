import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { credentials, signInAs, signOut } from './sign-in';

const LOG = '.e2e-data/server.log';
type LogLine = { level: string; time: string; event?: string; user?: { id: number; email: string; role: string } | null; [k: string]: unknown };
const readLogLines = (): LogLine[] =>
  fs.readFileSync(LOG, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogLine);


const FIGURE = {
  programme: 'remote-peer-support', metric: 'attendees', value: '321', qualifier: 'exact', basis: 'period',
  periodStart: '2021-07-01', periodEnd: '2021-09-30', datePrecision: 'month', note: '', sourceId: '', evidence: '', line: '', reason: '',
};

// Figures in the period these tests write to, which no other spec uses: other specs add figures
// at the same time, so the whole dataset's count is not a fixed point.
async function figureCount(page: Page): Promise<number> {
  const csv = await (await page.request.get('/api/export/observations?bom=0')).text();
  return csv.trim().split('\r\n').filter((l) => l.includes(`,${FIGURE.periodStart},${FIGURE.periodEnd},`)).length;
}

test.describe.configure({ mode: 'serial' });

test.describe('officers keep the figures', () => {
  test('a viewer cannot reach the form, and forged writes are refused and change nothing', async ({ page }) => {
    const before = await figureCount(page);
    // Anonymous.
    expect((await page.request.post('/api/observations', { data: FIGURE })).status()).toBe(403);
    expect((await page.request.delete('/api/observations/1')).status()).toBe(403);
    // A signed-in viewer.
    await signInAs(page, 'viewer');
    await page.goto('/observations/new');
    await expect(page.getByText('You need an officer account to add or change figures.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add figure' })).toHaveCount(0);
    expect((await page.request.post('/api/observations', { data: FIGURE })).status()).toBe(403);
    expect((await page.request.put('/api/observations/1', { data: { ...FIGURE, reason: 'forged' } })).status()).toBe(403);
    expect((await page.request.delete('/api/observations/1')).status()).toBe(403);
    expect((await page.request.post('/api/observations/1/restore')).status()).toBe(403);
    expect(await figureCount(page)).toBe(before);
  });

  test('a cross-site post is refused even for an officer', async ({ page }) => {
    await signInAs(page, 'officer');
    const response = await page.request.post('/api/observations', { data: FIGURE, headers: { Origin: 'http://evil.example' } });
    expect(response.status()).toBe(403);
  });

  test('bad input shows messages beside the fields and saves nothing', async ({ page }) => {
    await signInAs(page, 'officer');
    const before = await figureCount(page);
    await page.goto('/observations/new');
    await page.getByLabel('Value').fill('lots');
    await page.getByLabel('Period start').fill('2021-09-01');
    await page.getByLabel('Period end').fill('2021-08-01');
    await page.getByRole('button', { name: 'Add figure' }).click();
    // Each message is tied to its field (aria-describedby), as a screen reader announces it.
    await expect(page.getByLabel('Programme')).toHaveAccessibleDescription('Choose a programme');
    await expect(page.getByText('Enter the value as a number, such as 600')).toBeVisible();
    await expect(page.getByText('Period end must be on or after period start')).toBeVisible();
    await expect(page.getByLabel('Value')).toHaveValue('lots');
    // The server says the same to a request that skips the browser's checks.
    const response = await page.request.post('/api/observations', { data: { ...FIGURE, value: '-5' } });
    expect(response.status()).toBe(400);
    expect((await response.json()).fields.value).toMatch(/Enter the value as a number/);
    expect(await figureCount(page)).toBe(before);
  });

  test('an officer adds a figure, corrects it with a reason, deletes and restores it, and its history shows all four', async ({ page }) => {
    await signInAs(page, 'officer');
    await page.getByRole('link', { name: 'Add a figure' }).click();
    await expect(page).toHaveURL(/\/observations\/new$/);
    await page.getByLabel('Programme').selectOption('remote-peer-support');
    await page.getByLabel('Metric').selectOption('attendees');
    await page.getByLabel('Value').fill('321');
    // A plan: it shows in the charts but does not move the overview's default period, which
    // other tests running alongside read.
    await page.getByLabel('Basis').selectOption('planned');
    await page.getByLabel('Period start').fill('2021-07-01');
    await page.getByLabel('Period end').fill('2021-09-30');
    await page.getByRole('button', { name: 'Add figure' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Attendees: 321');
    const figureUrl = page.url();

    // It appears in the overview's chart of figures per quarter, as planned.
    await page.goto('/');
    await page.getByText('Show the chart as a table').click();
    await expect(page.getByRole('row', { name: /Q2 2021\/22/ }).getByRole('cell').nth(2)).toHaveText('1');

    await page.goto(figureUrl);
    await page.getByLabel('Value').fill('350');
    await page.getByLabel('Reason for the change').fill('Late returns from two councils');
    await page.getByRole('button', { name: 'Save correction' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Attendees: 350');

    await page.getByRole('button', { name: 'Delete this figure' }).click();
    await expect(page.getByRole('status')).toContainText('This figure was deleted');
    await page.getByRole('button', { name: 'Restore this figure' }).click();
    await expect(page.getByRole('status')).toHaveCount(0);

    const history = page.getByTestId('history-row');
    await expect(history).toHaveCount(4);
    await expect(history.nth(0)).toContainText('create');
    await expect(history.nth(1)).toContainText('update');
    await expect(history.nth(1)).toContainText('value: 321 → 350');
    await expect(history.nth(1)).toContainText('Late returns from two councils');
    await expect(history.nth(2)).toContainText('delete');
    await expect(history.nth(3)).toContainText('restore');
    await expect(history.nth(0)).toContainText('officer@e2e.test');
    // Programme and metric read as names, not database ids.
    await expect(history.nth(0)).toContainText('programme: Remote Peer Support');
    await expect(history.nth(0)).toContainText('metric: Attendees');

    // Anyone else reading the figure's history sees who by role, never an officer's email.
    const visitor = await page.context().browser()!.newPage();
    await visitor.goto(figureUrl);
    const seen = visitor.getByTestId('history-row');
    await expect(seen).toHaveCount(4);
    await expect(seen.nth(0)).toContainText('An officer');
    await expect(visitor.locator('main')).not.toContainText('@e2e.test');
    await visitor.close();

    // The audit trail lists the same changes, filtered by who made them.
    await page.goto('/audit?user=officer%40e2e.test');
    const rows = page.getByRole('table', { name: /Changes, newest first/ }).locator('tbody tr');
    await expect(rows.filter({ hasText: 'restore' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Late returns from two councils' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'seed' })).toHaveCount(0);
  });

  test('two people correct the same figure: the second is shown the first one’s change, and nothing is lost', async ({ page, browser }) => {
    await signInAs(page, 'officer');
    const created = await page.request.post('/api/observations', { data: { ...FIGURE, value: '500', basis: 'planned', note: 'edited by two people' } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const other = await (await browser.newContext()).newPage();
    await signInAs(other, 'admin');
    // Both open the figure's form.
    await page.goto(`/observations/${id}`);
    await other.goto(`/observations/${id}`);
    // The officer corrects 500 to 510 first.
    await page.getByLabel('Value').fill('510');
    await page.getByLabel('Reason for the change').fill('Officer’s correction');
    await page.getByRole('button', { name: 'Save correction' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Attendees: 510');
    // The administrator, from the form opened before, would put 520: refused, with what changed.
    await other.getByLabel('Value').fill('520');
    await other.getByRole('button', { name: 'Save correction' }).click();
    await expect(other.getByRole('region', { name: 'Correct or delete' }).getByRole('alert')).toContainText('Someone changed this figure after you opened it');
    await expect(other.getByTestId('conflict-changes')).toContainText('value: 500 → 510');
    await expect(other.getByTestId('conflict-changes')).toContainText('Officer’s correction');
    await expect(other.getByLabel('Value')).toHaveValue('520');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Attendees: 510');
    // Having seen it, the administrator saves again: now applied, and both changes are in the history.
    await other.getByRole('button', { name: 'Save correction' }).click();
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Attendees: 520');
    await expect(other.getByTestId('history-row').filter({ hasText: 'update' })).toHaveCount(2);
    await other.context().close();
  });

  test('an officer adds a programme; a viewer may not', async ({ page }) => {
    await signInAs(page, 'viewer');
    expect((await page.request.post('/api/reference/programme', { data: { name: 'Forged programme', board: 'resources-board', theme: '', description: '' } })).status()).toBe(403);
    await signOut(page);
    await signInAs(page, 'officer');
    await page.goto('/programmes');
    await page.getByRole('link', { name: 'Add a programme' }).click();
    await expect(page).toHaveURL(/\/manage\/new\/programme$/);
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByText('Enter the programme’s name')).toBeVisible();
    await page.getByLabel('Name').fill('Digital Skills Pilot');
    await page.getByLabel('Lead board').selectOption({ label: 'Resources Board' });
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(page).toHaveURL(/\/programmes\/digital-skills-pilot$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Digital Skills Pilot');
  });

  test('a viewer cannot read the audit trail', async ({ page }) => {
    await signInAs(page, 'viewer');
    await page.goto('/audit');
    await expect(page.getByText('The audit trail is for officers and administrators.')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
  });
  // Logs (issue 11): the server writes one structured line for each sign-in, write, import and
  // refused write, naming the user, and never a password or a session id. The e2e server logs to
  // .e2e-data/server.log (playwright.config.ts); this test acts, then reads that file. It lives
  // here because its figure is in this file's quarter, which these serial tests count; a plan, like
  // theirs, so that it does not move the overview's default period.
  test('sign-ins, writes, imports and refusals are logged with the user, never a password or session id', async ({ page, browser }) => {
    const { officer, viewer } = credentials();
    const sessions: string[] = [];
    const sessionOf = async (context = page.context()) => (await context.cookies()).find((c) => c.name === 'lga_session')?.value;

    // A refused sign-in, then an officer's sign-in, a figure, a CSV preview and a sign-out.
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(officer.email);
    await page.getByLabel('Password').fill(`${officer.password}-wrong`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await signInAs(page, 'officer');
    sessions.push((await sessionOf())!);
    const created = await page.request.post('/api/observations', { data: { ...FIGURE, value: '654', basis: 'planned', note: 'logged by e2e' } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const csv = 'programme,metric,value,period_end\nremote-peer-support,downloads,12,2018-06-30\n';
    const preview = await page.request.post('/api/import/csv?mode=preview', { data: csv, headers: { 'Content-Type': 'text/csv', 'X-File-Name': 'logged.csv' } });
    expect(preview.status()).toBe(200);
    await preview.text();
    await signOut(page);

    // A viewer's forged write is refused, and the refusal names the viewer.
    const other = await browser.newContext();
    const viewerPage = await other.newPage();
    await signInAs(viewerPage, 'viewer');
    sessions.push((await sessionOf(other))!);
    expect((await viewerPage.request.delete(`/api/observations/${id}`)).status()).toBe(403);
    await other.close();

    const lines = readLogLines();
    const find = (event: string, where: (l: LogLine) => boolean = () => true) => lines.filter((l) => l.event === event && where(l));
    for (const l of lines) {
      expect(l.time, 'every line has a time').toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(['info', 'warn', 'error']).toContain(l.level);
    }
    expect(find('sign_in.refused', (l) => l.email === officer.email)).not.toHaveLength(0);
    expect(find('sign_in', (l) => l.user?.email === officer.email && l.user.role === 'officer')).not.toHaveLength(0);
    expect(find('observation.create', (l) => l.observationId === id && l.user?.email === officer.email)).toHaveLength(1);
    expect(find('import.csv.preview', (l) => l.fileName === 'logged.csv' && l.user?.email === officer.email && l.committed === false)).toHaveLength(1);
    expect(find('sign_out', (l) => l.user?.email === officer.email)).not.toHaveLength(0);
    expect(find('write.refused', (l) => l.path === `/api/observations/${id}` && l.user?.email === viewer.email)).toHaveLength(1);

    // Nothing secret anywhere in the file: no user's password (right or wrong), no session id.
    const text = fs.readFileSync(LOG, 'utf8');
    for (const { password } of Object.values(credentials())) expect(text).not.toContain(password);
    for (const session of sessions) {
      expect(session.length).toBeGreaterThan(20);
      expect(text).not.toContain(session);
    }
    expect(text).not.toMatch(/lga_session|password_hash|scrypt\$/);
  });
});
