import { notFound } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { STATUS_CHALLENGE, STATUS_HEADERS, statusAccess } from '@/lib/status/access';
import { getStatusReport } from '@/lib/status/sources';

/**
 * GET /status.json: the status page for monitors. 200 when ok or degraded, 503 when failing, so a
 * monitor can alert on the status code alone. Same secret as /status (Bearer or Basic).
 */
export async function GET(request: NextRequest): Promise<Response> {
  const access = statusAccess(request.headers.get('authorization'), getConfig().status.secret);
  if (access === 'disabled') notFound();
  if (access === 'denied') {
    return Response.json({ error: 'unauthorized' }, { status: 401, headers: { ...STATUS_HEADERS, 'WWW-Authenticate': STATUS_CHALLENGE } });
  }
  const report = await getStatusReport();
  return Response.json(report, { status: report.status === 'failing' ? 503 : 200, headers: STATUS_HEADERS });
}
