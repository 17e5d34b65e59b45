// Managing users as an administrator does it: invite a user, hand them the one-time link; they
// set a password through it, are signed in and change their password; the administrator
// disables them and their open session is refused on its next request. The last administrator
// cannot demote themselves.
import { expect, test } from '@playwright/test';
import { signInAs } from './sign-in';

test('invite a user, who signs in through the link; disable them, and their session ends', async ({ page, browser }) => {
  const email = `invitee-${Date.now()}@example.gov.uk`;
  await signInAs(page, 'admin');
  await page.getByRole('banner').getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Name (optional)').fill('New Officer');
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Officer' });
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  const shown = page.getByTestId('one-time-link');
  await expect(shown).toContainText(`One-time invitation for ${email}`);
  const url = (await shown.getByLabel('One-time link').textContent())!;
  expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Invited, no password yet');

  // The invitee, in a browser of their own.
  const theirs = await (await browser.newContext()).newPage();
  await theirs.goto(url);
  await expect(theirs.getByRole('heading', { level: 1 })).toHaveText('Set your password');
  await theirs.getByLabel('New password', { exact: true }).fill('short');
  await theirs.getByLabel('New password again').fill('short');
  await theirs.getByRole('button', { name: 'Set my password and sign in' }).click();
  await expect(theirs.getByText('Use at least 12 characters.')).toBeVisible();
  await theirs.getByLabel('New password', { exact: true }).fill('a long first passphrase');
  await theirs.getByLabel('New password again').fill('a long first passphrase');
  await theirs.getByRole('button', { name: 'Set my password and sign in' }).click();
  await expect(theirs.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(theirs.getByRole('banner')).toContainText('New Officer (officer)');
  // The link worked once.
  await theirs.goto(url);
  await expect(theirs.getByText('This link has expired or has been used.')).toBeVisible();

  // They change their own password.
  await theirs.getByRole('banner').getByRole('link', { name: /New Officer/ }).click();
  await theirs.getByLabel('Current password').fill('a long first passphrase');
  await theirs.getByLabel('New password', { exact: true }).fill('a second long passphrase');
  await theirs.getByLabel('New password again').fill('a second long passphrase');
  await theirs.getByRole('button', { name: 'Change my password' }).click();
  await expect(theirs.getByText('Your password has been changed.')).toBeVisible();
  await theirs.goto('/observations/new');
  await expect(theirs.getByRole('heading', { level: 1 })).toHaveText('Add a figure');

  // The administrator disables them: their open session is refused on its next request.
  await page.reload();
  await page.getByRole('button', { name: `Disable ${email}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${email} is disabled` })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: email })).toContainText('Disabled');
  await theirs.reload();
  await expect(theirs.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  expect([401, 403]).toContain((await theirs.request.post('/api/annotations', { data: {}, headers: { Origin: new URL(url).origin } })).status());
  await theirs.context().close();

  // The audit trail has each step.
  await page.goto('/audit?entity=user');
  for (const reason of ['Invited', 'Set a first password from an invitation', 'Changed their own password', 'Disabled']) await expect(page.getByRole('cell', { name: reason }).first()).toBeVisible();
});

test('the last administrator cannot demote themselves', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/manage/users');
  const me = page.getByRole('row').filter({ hasText: '(you)' });
  await me.getByRole('combobox').selectOption({ label: 'Viewer' });
  await expect(page.getByRole('alert').filter({ hasText: 'This is the last administrator: make someone else an administrator first.' })).toBeVisible();
  await page.reload();
  await expect(me.getByRole('combobox')).toHaveValue('admin');
});

test('officers and viewers cannot manage users', async ({ page }) => {
  await signInAs(page, 'officer');
  await page.goto('/manage/users');
  await expect(page.getByText('Only administrators manage users.')).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Users' })).toHaveCount(0);
  expect((await page.request.post('/api/users', { data: { email: 'x@example.gov.uk', role: 'admin' } })).status()).toBe(403);
});
