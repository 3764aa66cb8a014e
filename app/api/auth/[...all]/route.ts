import { consoleAuth } from '@/lib/auth/server/session';

/** better-auth's own endpoints (sessions, sign-out); the console's pages use them through server actions. */
async function handle(request: Request): Promise<Response> {
  return (await consoleAuth()).handler(request);
}

export { handle as GET, handle as POST };
