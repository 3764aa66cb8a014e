import type { Metadata } from 'next';
import { StatusView } from '@/components/status/status-view';
import { requireConsoleUser } from '@/lib/auth/server/session';
import { getStatusReport } from '@/lib/status/sources';

export const metadata: Metadata = { title: 'Status' };

/** The operators' status report for signed-in marketers (monitors keep /status.json and its Bearer secret). */
export default async function ConsoleStatusPage() {
  await requireConsoleUser();
  return <StatusView report={await getStatusReport()} />;
}
