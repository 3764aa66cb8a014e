import { randomBytes } from 'node:crypto';
import { MIN_PASSWORD_LENGTH, type ConsoleAuth } from './auth';

/**
 * Console accounts, for the operators' CLI (`npm run console -- add-user|list-users|remove-user|
 * reset-password`) and the sandbox's demo account. There is no public sign-up: an account exists
 * because someone with access to the server made it.
 */

export interface ConsoleUser {
  id: string;
  email: string;
  name: string;
  createdAt: Date;
}

export class ConsoleUserError extends Error {
  override name = 'ConsoleUserError';
}

/** 24 characters from a 64-letter alphabet: 144 bits, typed once and kept in a password manager. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

function normalizeEmail(email: string): string {
  const value = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw new ConsoleUserError(`"${email.slice(0, 80)}" is not an e-mail address`);
  return value;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new ConsoleUserError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
}

export async function addConsoleUser(auth: ConsoleAuth, email: string, password: string, name?: string): Promise<ConsoleUser> {
  const address = normalizeEmail(email);
  checkPassword(password);
  const context = await auth.$context;
  if (await context.internalAdapter.findUserByEmail(address)) throw new ConsoleUserError(`${address} already has an account`);
  const user = await context.internalAdapter.createUser(
    { email: address, name: name?.trim() || address.split('@')[0]!, emailVerified: true },
    { method: 'admin' },
  );
  await context.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: await context.password.hash(password),
  });
  return { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt };
}

export async function listConsoleUsers(auth: ConsoleAuth): Promise<ConsoleUser[]> {
  const context = await auth.$context;
  const users = await context.internalAdapter.listUsers(1_000, 0, { field: 'createdAt', direction: 'asc' });
  return users.map((user) => ({ id: user.id, email: user.email, name: user.name, createdAt: user.createdAt }));
}

async function userOf(auth: ConsoleAuth, email: string) {
  const context = await auth.$context;
  const found = await context.internalAdapter.findUserByEmail(normalizeEmail(email));
  if (!found) throw new ConsoleUserError(`no account for ${email.trim().toLowerCase()}`);
  return { context, user: found.user };
}

/** Removes the account and signs it out everywhere. */
export async function removeConsoleUser(auth: ConsoleAuth, email: string): Promise<void> {
  const { context, user } = await userOf(auth, email);
  await context.internalAdapter.deleteUserSessions(user.id);
  await context.internalAdapter.deleteUser(user.id);
}

/** Sets a new password and signs the account out everywhere. */
export async function resetConsolePassword(auth: ConsoleAuth, email: string, password: string): Promise<void> {
  checkPassword(password);
  const { context, user } = await userOf(auth, email);
  await context.internalAdapter.updatePassword(user.id, await context.password.hash(password));
  await context.internalAdapter.deleteUserSessions(user.id);
}
