import { spawnSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { SITE_DATA_DIR, siteEnv } from './env';
import { expect } from './fixtures';

/** The password every e2e console account gets. */
export const CONSOLE_PASSWORD = 'correct horse battery staple 42';

export const consoleEmail = (label: string) => `${label}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}@example.com`;

/** `npm run console -- add-user`, as an operator runs it against the site's DATA_DIR. */
export function addConsoleUser(email: string): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/console.ts', 'add-user', email, '--password-stdin'], {
    env: { ...process.env, ...siteEnv(SITE_DATA_DIR) },
    input: CONSOLE_PASSWORD,
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toContain(`Created the console account ${email}`);
}

export async function signInToConsole(page: Page, email: string, password = CONSOLE_PASSWORD): Promise<void> {
  await page.goto('/console/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
