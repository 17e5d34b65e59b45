// Signing in as one of the users the e2e database was prepared with (per-run passwords).
import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';

export type Role = 'viewer' | 'officer' | 'admin';

export const credentials = () => JSON.parse(fs.readFileSync('.e2e-data/credentials.json', 'utf8')) as Record<Role, { email: string; password: string }>;

export async function signInAs(page: Page, role: Role) {
  const { email, password } = credentials()[role];
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Signs out, waiting until the page says so: going on before the server has ended the session races it. */
export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
}
