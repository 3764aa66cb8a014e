import { getConfig } from '@/lib/config';
import { errorFields, log } from '@/lib/log';
import { loadOrCreateSecret } from '@/lib/registration/server/form-secret';
import { consoleAuth } from './session';
import { addConsoleUser, listConsoleUsers } from './users';

export const DEMO_ACCOUNT_EMAIL = 'demo@example.com';

/**
 * On the sandbox, a demo account so a newcomer can open the console at once: created on first
 * start, its password generated once into DATA_DIR, printed at every start. Never outside the
 * sandbox: real accounts come from `npm run console -- add-user`.
 */
export async function ensureSandboxDemoAccount(): Promise<void> {
  const config = getConfig();
  if (config.mode !== 'sandbox') return;
  try {
    const auth = await consoleAuth();
    const password = loadOrCreateSecret(null, config.dataDir, 'console-demo-password').slice(0, 24);
    const users = await listConsoleUsers(auth);
    if (!users.some((user) => user.email === DEMO_ACCOUNT_EMAIL)) await addConsoleUser(auth, DEMO_ACCOUNT_EMAIL, password, 'Demo marketer');
    // Printed as it is, on purpose: a demo on seeded data, for whoever started it.
    console.log(`Console (sandbox demo): ${config.site.url}/console  e-mail ${DEMO_ACCOUNT_EMAIL}  password ${password}`);
  } catch (error) {
    log.warn('console: could not create the sandbox demo account', errorFields(error));
  }
}
