import { getConfig } from '@/lib/config';
import { receiveWebhook } from '@/lib/webhooks/receiver';

/** POST /api/livestorm/webhooks: Livestorm's signed deliveries (see lib/webhooks/receiver.ts). */
export async function POST(request: Request): Promise<Response> {
  return receiveWebhook(request, { secret: getConfig().webhooks.secret });
}

function methodNotAllowed(): Response {
  return Response.json({ error: 'Only POST is accepted here' }, { status: 405, headers: { Allow: 'POST', 'Cache-Control': 'no-store' } });
}

export const GET = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;
