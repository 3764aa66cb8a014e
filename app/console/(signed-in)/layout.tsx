import type { ReactNode } from 'react';
import { ConsoleShell } from '@/components/console/console-shell';
import { requireConsoleUser } from '@/lib/auth/server/session';
import { getConfig } from '@/lib/config';

/** Every page below needs a signed-in marketer, checked on the server for each request. */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireConsoleUser();
  return (
    <ConsoleShell siteName={getConfig().site.name} user={user}>
      {children}
    </ConsoleShell>
  );
}
