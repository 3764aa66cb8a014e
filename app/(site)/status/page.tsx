import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { StatusView } from '@/components/status/status-view';
import { getConfig } from '@/lib/config';
import { statusAccess } from '@/lib/status/access';
import { getStatusReport } from '@/lib/status/sources';

export const metadata: Metadata = {
  title: 'Status',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

/**
 * /status for operators. proxy.ts answers the 401 challenge; this checks again so the report never
 * renders without the secret (a proxy matcher can change), and is a 404 without STATUS_SECRET.
 */
export default async function StatusPage() {
  const access = statusAccess((await headers()).get('authorization'), getConfig().status.secret);
  if (access !== 'granted') notFound();
  return <StatusView report={await getStatusReport()} />;
}
