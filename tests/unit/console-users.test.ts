import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsoleAuth, migrateConsoleAuth, type ConsoleAuth } from '@/lib/auth/server/auth';
import { addConsoleUser, ConsoleUserError, generatePassword, listConsoleUsers, removeConsoleUser, resetConsolePassword } from '@/lib/auth/server/users';

// Console accounts with the real better-auth on a real SQLite file.

let dataDir: string;
let auth: ConsoleAuth;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-users-'));
  auth = createConsoleAuth({ dataDir, siteUrl: 'http://localhost:3000', siteName: 'Webinars', secret: 'x'.repeat(40), idleMinutes: 60 });
  await migrateConsoleAuth(auth);
});

afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** What a sign-in answers: 200, or the status and message the page will show. */
async function signIn(email: string, password: string): Promise<{ status: number; message: string | null }> {
  const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
  const body = (await response.json()) as { message?: string };
  return { status: response.status, message: response.ok ? null : (body.message ?? null) };
}

describe('console accounts', () => {
  it('adds an account that can sign in, and answers an unknown e-mail exactly as a wrong password', async () => {
    const password = generatePassword();
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const user = await addConsoleUser(auth, '  Ana@Example.com ', password);
    expect(user.email).toBe('ana@example.com');
    expect(await signIn('ana@example.com', password)).toEqual({ status: 200, message: null });
    const wrong = await signIn('ana@example.com', `${password}x`);
    const unknown = await signIn('nobody@example.com', password);
    expect(wrong.status).toBe(401);
    expect(unknown).toEqual(wrong);
  });

  it('refuses a second account for the same e-mail, a short password and a non-address', async () => {
    await addConsoleUser(auth, 'ana@example.com', generatePassword());
    await expect(addConsoleUser(auth, 'ANA@example.com', generatePassword())).rejects.toThrow(/already has an account/);
    await expect(addConsoleUser(auth, 'bo@example.com', 'short')).rejects.toThrow(ConsoleUserError);
    await expect(addConsoleUser(auth, 'not an address', generatePassword())).rejects.toThrow(/not an e-mail address/);
  });

  it('lists, resets (the old password stops working) and removes accounts', async () => {
    const first = generatePassword();
    await addConsoleUser(auth, 'ana@example.com', first, 'Ana');
    await addConsoleUser(auth, 'bo@example.com', generatePassword());
    expect((await listConsoleUsers(auth)).map((user) => [user.email, user.name])).toEqual([
      ['ana@example.com', 'Ana'],
      ['bo@example.com', 'bo'],
    ]);
    const second = generatePassword();
    await resetConsolePassword(auth, 'ana@example.com', second);
    expect((await signIn('ana@example.com', first)).status).toBe(401);
    expect((await signIn('ana@example.com', second)).status).toBe(200);
    await removeConsoleUser(auth, 'ana@example.com');
    expect((await signIn('ana@example.com', second)).status).toBe(401);
    await expect(removeConsoleUser(auth, 'ana@example.com')).rejects.toThrow(/no account/);
  });
});
