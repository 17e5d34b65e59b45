import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { credentials } from './sign-in';

test.describe('signing in and out', () => {
  test('a wrong password says so without saying which part was wrong, and keeps the email', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(credentials().officer.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'not right' })).toHaveText('The email address or password is not right.');
    await expect(page.getByLabel('Email address')).toHaveValue(credentials().officer.email);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  test('empty fields get messages beside them', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your email address')).toBeVisible();
    await expect(page.getByText('Enter your password')).toBeVisible();
  });

  test('an officer signs in with an HttpOnly, SameSite=Lax session cookie, returns to the page, and signs out', async ({ page, context }) => {
    const { email, password } = credentials().officer;
    await page.goto('/sign-in?next=/compare');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/compare$/);
    await expect(page.getByRole('banner')).toContainText('E2E officer (officer)');
    const cookie = (await context.cookies()).find((c) => c.name === 'lga_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
    // The old session id no longer works anywhere: the server ended it.
    await context.addCookies([{ ...cookie }]);
    await page.goto('/');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  });

  test('behind an HTTPS proxy the session cookie is also Secure', async ({ browser }) => {
    // The proxy in front says the visitor came over HTTPS (X-Forwarded-Proto); the server then
    // marks the cookie Secure, so a browser never sends it over plain HTTP.
    const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-Proto': 'https' } });
    const page = await context.newPage();
    const { email, password } = credentials().viewer;
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    const signedIn = page.waitForResponse(async (r) => ((await r.headerValue('set-cookie')) ?? '').includes('lga_session='));
    await page.getByRole('button', { name: 'Sign in' }).click();
    const cookie = (await (await signedIn).headerValue('set-cookie'))!;
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    await context.close();
  });

  test('a return address off this site is ignored', async ({ page }) => {
    const { email, password } = credentials().viewer;
    await page.goto('/sign-in?next=//evil.example/steal');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  });
});
