// Logs (issue 11): the server writes one structured line for each sign-in, write, import and
// refused write, naming the user, and never a password or a session id. The e2e server logs to
// .e2e-data/server.log (playwright.config.ts); this test acts, then reads that file.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { credentials, signInAs } from './sign-in';

const LOG = '.e2e-data/server.log';
type Line = { level: string; time: string; event?: string; user?: { id: number; email: string; role: string } | null; [k: string]: unknown };
const readLines = (): Line[] =>
  fs.readFileSync(LOG, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);

const FIGURE = {
  programme: 'remote-peer-support', metric: 'downloads', value: '4321', qualifier: 'exact', basis: 'period',
  periodStart: '2018-01-01', periodEnd: '2018-03-31', datePrecision: 'month', note: 'logged by e2e', sourceId: '', evidence: '', line: '', reason: '',
};

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
  const created = await page.request.post('/api/observations', { data: FIGURE });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const csv = 'programme,metric,value,period_end\nremote-peer-support,downloads,12,2018-06-30\n';
  const preview = await page.request.post('/api/import/csv?mode=preview', { data: csv, headers: { 'Content-Type': 'text/csv', 'X-File-Name': 'logged.csv' } });
  expect(preview.status()).toBe(200);
  await preview.text();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  // A viewer's forged write is refused, and the refusal names the viewer.
  const other = await browser.newContext();
  const viewerPage = await other.newPage();
  await signInAs(viewerPage, 'viewer');
  sessions.push((await sessionOf(other))!);
  expect((await viewerPage.request.delete(`/api/observations/${id}`)).status()).toBe(403);
  await other.close();

  const lines = readLines();
  const find = (event: string, where: (l: Line) => boolean = () => true) => lines.filter((l) => l.event === event && where(l));
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
