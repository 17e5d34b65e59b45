// Security (issue 11): every mutating route refuses anonymous and viewer requests and any
// request from another origin; every response carries the security headers; pages work under
// the Content-Security-Policy.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signInAs, signOut } from './sign-in';

const METHOD = /export\s+(?:async\s+)?function\s+(POST|PUT|PATCH|DELETE)\b/g;

/** Every mutating route handler in app/api, as [method, url], found by reading the files. */
function mutatingRoutes(): [string, string][] {
  const found: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts')
        for (const m of fs.readFileSync(full, 'utf8').matchAll(METHOD)) {
          const url = '/' + path.relative('app', path.dirname(full)).replace(/\[kind\]/g, 'boards').replace(/\[[^\]]+\]/g, '1');
          found.push([m[1]!, url]);
        }
    }
  };
  walk('app/api');
  return found;
}

// Server Actions that are not role-checked writes, and why. Any other 'use server' export fails
// the test below until it is refused to viewers and anonymous users and listed here with its test.
const OPEN_SERVER_ACTIONS: Record<string, string> = {
  'app/sign-in/actions.ts#signInAction': 'anyone may try to sign in; attempts are throttled (db/auth/auth.test.ts)',
  'app/sign-out/actions.ts#signOutAction': 'ends only the caller’s own session',
  'app/invite/[token]/actions.ts#setPasswordFromLinkAction': 'anyone holding a one-time link that still works; the link is the proof (db/auth/accounts.test.ts, e2e/users.spec.ts)',
  'app/account/actions.ts#changeOwnPasswordAction': 'changes only the caller’s own password, after their current one (db/auth/accounts.test.ts, e2e/users.spec.ts)',
};

/** Every exported Server Action in app/, as file#name, found by reading the files. */
function serverActions(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) {
        const text = fs.readFileSync(full, 'utf8');
        if (!/^\s*['"]use server['"]/m.test(text)) continue;
        for (const m of text.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)) found.push(`${full}#${m[1]}`);
      }
    }
  };
  walk('app');
  return found.sort();
}

test.describe('security', () => {
  test('every Server Action is accounted for: none writes figures without a role check', () => {
    expect(serverActions()).toEqual(Object.keys(OPEN_SERVER_ACTIONS).sort());
  });


  test('every mutating route refuses anonymous users, viewers and other origins', async ({ page, baseURL }) => {
    const routes = mutatingRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(8);
    const send = (method: string, url: string, origin = baseURL!) =>
      page.request.fetch(url, { method, headers: { Origin: origin, 'Content-Type': 'application/json' }, data: '{}', failOnStatusCode: false });
    for (const [method, url] of routes) expect([401, 403], `${method} ${url} (anonymous)`).toContain((await send(method, url)).status());
    await signInAs(page, 'viewer');
    for (const [method, url] of routes) expect((await send(method, url)).status(), `${method} ${url} (viewer)`).toBe(403);
    await signOut(page);
    await signInAs(page, 'officer');
    for (const [method, url] of routes) expect((await send(method, url, 'https://elsewhere.example')).status(), `${method} ${url} (other origin)`).toBe(403);
  });

  test('pages, exports and sign-in carry the security headers', async ({ request }) => {
    for (const url of ['/', '/compare', '/sign-in', '/api/export/observations?limit=1', '/no-such-page']) {
      const headers = (await request.get(url, { failOnStatusCode: false })).headers();
      expect(headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(headers['content-security-policy'], url).not.toMatch(/https?:/);
      expect(headers['x-frame-options'], url).toBe('DENY');
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['referrer-policy'], url).toBe('same-origin');
      expect(headers['permissions-policy'], url).toContain('camera=()');
      expect(headers['strict-transport-security'], url).toMatch(/^max-age=\d{7,}/);
    }
  });

  test('pages allow no inline script but their own: every script carries this response’s nonce', async ({ request }) => {
    const nonces = new Set<string>();
    for (const url of ['/', '/compare', '/sign-in', '/no-such-page']) {
      const response = await request.get(url, { failOnStatusCode: false });
      const policy = response.headers()['content-security-policy']!;
      const scriptSrc = policy.split(';').find((d) => d.trim().startsWith('script-src'))!;
      expect(scriptSrc, url).not.toContain('unsafe-inline');
      const nonce = /'nonce-([A-Za-z0-9+/=]{16,})'/.exec(scriptSrc)?.[1];
      expect(nonce, `${url} has a nonce`).toBeTruthy();
      nonces.add(nonce!);
      const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, url).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, url).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size, 'a fresh nonce for every response').toBe(4);
    // What the proxy does not see gets the policy without a nonce: scripts from this origin only.
    const upload = await request.post('/api/import/csv', { data: 'x', failOnStatusCode: false });
    expect(upload.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(upload.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  test('the overview and compare work under the policy, with nothing blocked', async ({ page }) => {
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto('/');
    await expect(page.getByTestId('chart-figures-per-quarter').locator('svg').first()).toBeVisible();
    await page.goto('/compare?a=2019-20&b=2020-21');
    await expect(page.getByTestId('chart-compare').locator('svg').first()).toBeVisible();
    expect(blocked).toEqual([]);
  });
});

test('markup in an imported report is shown as text, never run or rendered', async ({ page }) => {
  const ran: string[] = [];
  page.on('dialog', (d) => {
    ran.push(d.message());
    void d.dismiss();
  });
  await signInAs(page, 'officer');
  await page.goto('/import/report');
  await page.getByLabel('Or paste the report’s text').fill(
    [
      'Hostile markup <script>alert("title")</script>',
      '',
      'Remote Peer Support <img src=x onerror="alert(\'img\')">',
      'Since April, 55 councils have joined our <b>peer support</b> sessions <script>alert("body")</script>.',
    ].join('\n'),
  );
  await page.getByLabel('Title').fill('Report with markup <i>in it</i>');
  await page.getByLabel('Date of the report').fill('2019-06-30');
  await page.getByLabel('The date is exact to the').selectOption('month');
  await page.getByRole('button', { name: 'Import and review figures' }).click();
  await expect(page.getByRole('heading', { name: 'Figures proposed from “Report with markup <i>in it</i>”' })).toBeVisible();
  const card = page.getByTestId('proposal').filter({ hasText: '55' }).first();
  await expect(card).toContainText('<b>peer support</b> sessions <script>alert("body")</script>');
  // Nothing from the report became an element: no bold, no image, no script ran.
  await expect(page.locator('main b, main img, main i')).toHaveCount(0);
  expect(ran).toEqual([]);
});

test('hostile query strings get an answer, never a server error', async ({ request }) => {
  // 442 requests: about 11 s alone, three times that on a busy two-core machine (a CI rehearsal
  // once ran out of the default 30 s). It fails on what it asserts, never on the clock.
  test.setTimeout(180_000);
  const hostile = ['%00', '9'.repeat(400), '<script>alert(1)</script>', "' OR 1=1 --", '\u202Eevil', '../../etc/passwd', '2020-21-Q9', '', '%F0%28%8C%BC', 'a'.repeat(5000),
    // Periods at the edges of what a date can be (each answered 500 before the years were bounded).
    '9999-12', '9998-99-Q4', '0000-01', '9999-00-Q4', 'month:0000-01', 'ytd:9998-99-Q4', '0000-01..9999-12'];
  // Every page and every export (the pages behind sign-in answer with the sign-in page).
  const urls = ['/', '/compare', '/boards', '/boards/improvement-and-innovation-board', '/programmes', '/programmes/remote-peer-support', '/metrics', '/metrics/attendees',
    '/sources', '/sources/1', '/observations', '/observations/1', '/observations/deleted', '/observations/new', '/audit', '/import', '/import/report', '/import/report/1',
    '/manage/new/programme', '/sign-in', '/api/export/observations', '/api/export/compare', '/api/export/series', '/api/export/table/headlines', '/api/export/table/boards',
    '/api/export/table/figures-per-quarter'];
  const params = ['from', 'to', 'a', 'b', 'board', 'programme', 'metric', 'basis', 'qualifier', 'sort', 'dir', 'page', 'limit', 'offset', 'order', 'q', 'by', 'group', 'view', 'next', 'user', 'bom'];
  for (const url of urls)
    for (const [i, value] of hostile.entries()) {
      // Every parameter at once, and the same one repeated, as a hand-edited link might be.
      const query = params.map((p) => `${p}=${encodeURIComponent(value)}`).join('&') + `&${params[i % params.length]}=x`;
      const response = await request.get(`${url}?${query}`, { failOnStatusCode: false });
      expect(response.status(), `${url}?${query.slice(0, 120)}`).toBeLessThan(500);
    }
  // The absurd range that once stalled the server for 16 s is refused at once; the widest range
  // it may ask for (every month from 2000 to 2100) is answered.
  const started = Date.now();
  const absurd = await request.get('/api/export/series?to=9998-99-Q4', { failOnStatusCode: false });
  expect(absurd.status()).toBe(400);
  expect(await absurd.text()).toContain('is not a period we recognise');
  console.log(`absurd-range export refused in ${Date.now() - started} ms`);
  expect((await request.get('/api/export/series?from=1999-00&to=2100-01-Q1&by=month', { failOnStatusCode: false })).status()).toBe(200);
  // Broken percent-encoding, sent as it is.
  for (const url of urls) expect((await request.get(`${url}?from=%E0%A4%A&board=%`, { failOnStatusCode: false })).status(), url).toBeLessThan(500);
  // Keys that name an object's own machinery (the export routes once answered 500 to these).
  for (const url of urls)
    for (const query of ['__proto__=&__proto__=&sort=value', '__proto__=a&__proto__=b&board=x', 'constructor=1&prototype=2&hasOwnProperty=3'])
      expect((await request.get(`${url}?${query}`, { failOnStatusCode: false })).status(), `${url}?${query}`).toBeLessThan(500);
});
